import Experiments
import Foundation

/// A calibration of the tiny scenario small enough for a test, writing to `directory/out`: two
/// parameters (a uniform and a truncated-normal prior), two targets (a band, and a value with a
/// tolerance), 5 particles, 2 generations, 1 replication per particle, 4 predictive draws.
public func tinyCalibrationPlan(in directory: String) throws -> CalibrationPlan {
  let scenarioFile = try tinyScenarioFile(in: directory)
  let targets = try CalibrationTargets.decode(
    Data(
      (#"{"parameters": [{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.2, "upper": 1}}},"#
        + #"{"path": "demand.freezeProbability", "prior": {"truncated_normal": {"mean": 0.1, "sd": 0.1, "lower": 0, "upper": 0.5}}}],"#
        + #""targets": [{"metric": "placed_12m", "low": 0.5, "high": 1, "source": "s"},"#
        + #"{"metric": "days_to_offer_median", "value": 30, "tolerance": 20, "source": "s"}]}"#).utf8),
    file: "T.json")
  return CalibrationPlan(
    scenarioFile: scenarioFile, targets: targets, targetsSha256: "0",
    factors: try targets.checked(against: scenarioFile),
    settings: ABCSettings(particles: 5, generations: 2, seed: 3, jobs: 2), replications: 1,
    predictiveDraws: 4,
    outputDirectory: directory + "/out", provenance: ProvenanceInfo(version: "test", commandLine: ["test"]))
}

/// `tinyCalibrationPlan(in:)` run to completion: its folder is the plan's output directory.
public func completedTinyCalibration(in directory: String) throws -> CalibrationPlan {
  let plan = try tinyCalibrationPlan(in: directory)
  guard case .completed = try CalibrationRunner(plan: plan).run() else {
    throw CalibrationNotCompleted()
  }
  return plan
}

public struct CalibrationNotCompleted: Error {
  public init() {}
}
