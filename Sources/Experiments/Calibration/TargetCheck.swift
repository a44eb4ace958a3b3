import CohortModel
import Foundation
import SimKernel

/// One target's verdict in `check --targets`.
public struct TargetVerdict: Sendable {
  public var target: CalibrationTarget
  public var strategy: String
  /// Over the replications that have the metric.
  public var mean: Double
  /// t-based 95% interval of the mean.
  public var interval: ConfidenceInterval
  public var replications: Int
  public var holds: Bool { target.holds(mean) }
  /// What the check makes of it: a target met, or a known miss still missed, is as expected.
  public var asExpected: Bool { target.knownMiss == nil ? holds : !holds }
}

/// `check SCENARIO --targets T.json`: runs the scenario (its seed, N replications of each strategy
/// the targets name) and compares each target's mean with its band. The means are those of
/// `summary.csv` for the same seed and replications.
public struct TargetCheck: Sendable {
  public let scenarioFile: ScenarioFile
  public let targets: CalibrationTargets
  public let replications: Int
  public let jobs: Int

  public init(scenarioFile: ScenarioFile, targets: CalibrationTargets, replications: Int, jobs: Int) {
    self.scenarioFile = scenarioFile
    self.targets = targets
    self.replications = replications
    self.jobs = jobs
  }

  /// Nil when cancelled.
  public func run(cancellation: Cancellation = Cancellation(), progress: (RunProgress) -> Void = { _ in })
    -> [TargetVerdict]?
  {
    let scenario = scenarioFile.scenario
    // No parameters are set, so the factors only carry the strategies' bookkeeping.
    let model = CalibrationModel.Part(
      scenarioName: scenario.name, factors: try! ScenarioFactors(scenarioFile: scenarioFile, factors: []),
      targets: targets.targets, defaultStrategy: scenario.strategiesToRun[0], replications: replications,
      index: 0)
    var moments = Array(repeating: RunningMoments(), count: targets.targets.count)
    let stopwatch = Stopwatch()
    func report(_ done: Int) {
      progress(
        RunProgress(
          completed: done, planned: replications, isOpenEnded: false, elapsedSeconds: stopwatch.elapsedSeconds
        ))
    }
    var done = 0
    let completion = orderedParallelMap(
      0..<replications, jobs: jobs, cancellation: cancellation,
      work: { replication in
        model.metrics(
          scenario,
          replicationSeed: SeedDerivation.replicationSeed(master: scenario.seed, replication: replication))
      },
      consume: { (_: Int, runs: [ReplicationMetrics]) in
        for (index, target) in model.targets.enumerated() {
          let value = runs[model.strategies.firstIndex(of: target.strategy ?? model.defaultStrategy)!][
            target.metric]
          if value.isFinite { moments[index].add(value) }
        }
        done += 1
        report(done)
      }, idle: { report(done) })
    guard completion == .finished else { return nil }
    return zip(targets.targets, moments).map { target, moment in
      TargetVerdict(
        target: target, strategy: target.strategy ?? model.defaultStrategy, mean: moment.mean,
        interval: moment.confidenceInterval(), replications: moment.count)
    }
  }
}
