import CohortModel
import SimKernel

/// The cohort model's speed: replications run on the runner's threads (`orderedParallelMap`,
/// as in a real run) with every strategy the scenario lists, but nothing kept or written, so
/// what is timed is the model and the parallel map alone.
public enum ModelBenchmark {
  /// What a benchmark run measured.
  public struct Measurement: Sendable {
    public var replications: Int
    public var jobs: Int
    public var seconds: Double
    /// Events the kernel executed, summed over every replication and strategy.
    public var executedEvents: Int

    public var replicationsPerSecond: Double { Double(replications) / seconds }
    public var eventsPerSecond: Double { Double(executedEvents) / seconds }
  }

  /// Runs replications 0..<`replications` of `scenario` under its own seed and strategies.
  public static func run(scenario: Scenario, replications: Int, jobs: Int) -> Measurement {
    let stopwatch = Stopwatch()
    var events = 0
    _ = orderedParallelMap(
      0..<replications, jobs: jobs, cancellation: Cancellation(),
      work: { index in
        let seed = SeedDerivation.replicationSeed(master: scenario.seed, replication: index)
        return scenario.strategiesToRun.reduce(0) { total, strategy in
          var monitor = DiscardingMonitor()
          return total
            + Replication.run(
              scenario: scenario, strategy: strategy, replicationSeed: seed, monitor: &monitor
            )
            .executedEvents
        }
      },
      consume: { (_: Int, executed: Int) in events += executed })
    return Measurement(
      replications: replications, jobs: jobs, seconds: stopwatch.elapsedSeconds, executedEvents: events)
  }
}
