import CohortModel
import Experiments
import Foundation

/// `cohortsim check SCENARIO --targets TARGETS.json`: the scenario's means against sourced
/// targets, one line per target; exit 1 when a mean lies outside its band.
struct TargetsCheck {
  let scenarioPath: String
  let targetsPath: String
  let replications: Int?
  let jobs: Int?
  let quiet: Bool

  func run() throws -> Int32 {
    let scenarioFile = try ScenarioFile.load(scenarioPath)
    noteChangedDefaults(scenarioFile, quiet: quiet)
    let targets: CalibrationTargets
    do {
      targets = try CalibrationTargets.load(targetsPath)
      _ = try targets.checked(against: scenarioFile)
    } catch {
      printError(error.description)
      return 2
    }
    let check = TargetCheck(
      scenarioFile: scenarioFile, targets: targets,
      replications: replications ?? scenarioFile.scenario.replications,
      jobs: jobs ?? ExperimentPlan.defaultJobs)
    let interrupts = InterruptTrap()
    defer { interrupts.restore() }
    let progressLine = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    let verdicts = check.run(cancellation: interrupts.cancellation) { progressLine.show($0) }
    progressLine.clear()
    guard let verdicts else {
      printError("interrupted: nothing checked")
      return 130
    }
    for verdict in verdicts {
      let interval =
        "[\(Self.number(verdict.interval.low)), \(Self.number(verdict.interval.high))]"
      print(
        "\(verdict.target.metric.rawValue) (\(verdict.strategy)): mean \(Self.number(verdict.mean)) \(interval), "
          + "target \(verdict.target.band.text), source: \(verdict.target.source) — "
          + (verdict.holds ? "ok" : "OUTSIDE"))
    }
    let outside = verdicts.count { !$0.holds }
    print(
      "check \(scenarioPath) --targets \(targetsPath): "
        + (outside == 0
          ? "passed: \(verdicts.count) targets hold"
          : "FAILED: \(outside) of \(verdicts.count) means outside their targets")
        + " (\(check.replications) replications, seed \(scenarioFile.scenario.seed))")
    return outside == 0 ? 0 : 1
  }

  /// Four significant digits: enough to read a share or a count against its band.
  static func number(_ value: Double) -> String {
    value.isFinite ? String(format: "%.4g", value) : "NaN"
  }
}
