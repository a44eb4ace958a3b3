import CohortModel
import Experiments
import Foundation

/// `cohortsim check SCENARIO --targets TARGETS.json`: the scenario's means against sourced
/// targets, one line per target; exit 1 when a mean lies outside its band.
struct TargetsCheck {
  let scenarioFile: ScenarioFile
  let targetsPath: String
  let replications: Int?
  let jobs: Int?
  let quiet: Bool

  func run() throws -> ExitStatus {
    noteChangedDefaults(scenarioFile, quiet: quiet)
    let scenarioPath = scenarioFile.path
    let targets = try CalibrationTargets.load(targetsPath)
    _ = try targets.checked(against: scenarioFile)
    let check = TargetCheck(
      scenarioFile: scenarioFile, targets: targets,
      replications: replications ?? scenarioFile.scenario.replications,
      jobs: jobs ?? ExperimentPlan.defaultJobs)
    let interrupts = InterruptTrap()
    defer { interrupts.restore() }
    let progressLine = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    let verdicts = check.run(cancellation: interrupts.cancellation) { progressLine.show($0) }
    progressLine.clear()
    guard let verdicts else { throw CommandFailure(.interrupted, "interrupted: nothing checked") }
    for verdict in verdicts {
      let interval =
        "[\(Self.number(verdict.interval.low)), \(Self.number(verdict.interval.high))]"
      print(
        "\(verdict.target.metric.rawValue) (\(verdict.strategy)): mean \(Self.number(verdict.mean)) \(interval), "
          + "target \(verdict.target.band.text), source: \(verdict.target.source) — "
          + Self.verdictText(verdict))
    }
    let unexpected = verdicts.count { !$0.asExpected }
    let known = verdicts.count { $0.target.knownMiss != nil }
    print(
      "check \(scenarioPath) --targets \(targetsPath): "
        + (unexpected == 0
          ? "passed: \(verdicts.count - known) targets hold"
            + (known == 0 ? "" : ", \(known) known misses still missed")
          : "FAILED: \(unexpected) of \(verdicts.count) targets not as the file says (outside their band, or a known "
            + "miss that now holds: remove its knownMiss)")
        + " (\(check.replications) replications, seed \(scenarioFile.scenario.seed))")
    return unexpected == 0 ? .done : .differs
  }

  static func verdictText(_ verdict: TargetVerdict) -> String {
    switch (verdict.holds, verdict.target.knownMiss) {
    case (true, nil): "ok"
    case (false, nil): "OUTSIDE"
    case (false, let reason?): "known miss (\(reason))"
    case (true, _?): "HOLDS, though marked a known miss: remove knownMiss"
    }
  }

  /// Four significant digits: enough to read a share or a count against its band.
  static func number(_ value: Double) -> String {
    value.isFinite ? String(format: "%.4g", value) : "NaN"
  }
}
