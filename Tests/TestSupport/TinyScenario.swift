import CohortModel
import Experiments
import Foundation
import SimKernel

/// A scenario small enough that a replication takes milliseconds: one program of six students a
/// year in a region of six sites, three years. Its program's name needs CSV quoting.
public let tinyScenarioJSON = """
  {
    "name": "tiny",
    "replications": 4,
    "seed": 42,
    "years": 3,
    "region": {
      "widthKm": 60, "heightKm": 60,
      "states": [{ "code": "TX", "share": 1 }],
      "systems": 1,
      "hospitals": { "count": 4, "staff": 8, "capacity": 2, "independentShare": 0.5 },
      "imagingCenters": { "count": 2, "staff": 3, "capacity": 1, "independentShare": 1 },
      "clinics": { "count": 0, "staff": 1, "capacity": 1, "independentShare": 1 }
    },
    "programs": [
      { "name": "Tiny College, \\"East\\"", "xKm": 30, "yKm": 30, "intakeYears": [2022, 2023], "cohortSize": 6 }
    ]
  }
  """

/// A fresh, empty directory under the system's temporary directory.
public func temporaryDirectory(_ label: String = #function) -> String {
  let name = "cohortsim-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
  let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The tiny scenario, written to a file in `directory` so that it has a path and a hash.
public func tinyScenarioFile(in directory: String) throws -> ScenarioFile {
  let path = (directory as NSString).appendingPathComponent("tiny.json")
  try Data(tinyScenarioJSON.utf8).write(to: URL(fileURLWithPath: path))
  return try ScenarioFile.load(path)
}

/// A plan for the tiny scenario writing into `directory/out`.
public func tinyPlan(
  in directory: String, replications: Int = 6, strategies: [String] = ["nearest-to-home"], jobs: Int = 1
) throws -> ExperimentPlan {
  var plan = ExperimentPlan.defaults(
    for: try tinyScenarioFile(in: directory),
    provenance: ProvenanceInfo(version: "test", commandLine: ["test"]))
  plan.replications = replications
  plan.strategies = strategies
  plan.jobs = jobs
  plan.outputDirectory = (directory as NSString).appendingPathComponent("out")
  return plan
}

/// A uniform number in [0, 1) determined by `seed` and `key`.
public func uniform(_ seed: UInt64, _ key: Int) -> Double {
  Double(SeedDerivation.splitmix64(seed ^ SeedDerivation.splitmix64(UInt64(key))) >> 11) * 0x1p-53
}

/// The names in `directory`, sorted, hidden ones included.
public func listing(_ directory: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
}

/// Runs `runner` and returns its report, failing on cancellation.
public func completedReport(_ runner: ExperimentRunner, cancellation: Cancellation = Cancellation()) throws
  -> RunReport
{
  guard case .completed(let report) = try runner.run(cancellation: cancellation) else {
    throw RunWasCancelled()
  }
  return report
}

public struct RunWasCancelled: Error {}

/// Deletes a directory made by `temporaryDirectory`.
public func removeTemporaryDirectory(_ path: String) {
  try? FileManager.default.removeItem(atPath: path)
}
