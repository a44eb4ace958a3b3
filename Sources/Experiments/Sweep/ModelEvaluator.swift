import CohortModel

/// The cohort model as a sweep evaluator: the point's scenario (the scenario file with the
/// factors set, validated before the sweep starts), every strategy simulated with the
/// replication's seed, every metric.
public struct ModelEvaluator: SweepEvaluator {
  public let factors: ScenarioFactors
  public let strategies: [String]
  public var metrics: [String] { Metric.allCases.map(\.rawValue) }

  public init(factors: ScenarioFactors, strategies: [String]) {
    self.factors = factors
    self.strategies = strategies
  }

  /// Builds every point's scenario once, keeping none, so a bad point stops the sweep before
  /// anything runs.
  /// - Throws: `SweepError` for the first point the scenario's validation rejects.
  public func validate(_ points: DesignPoints) throws(SweepError) {
    for point in 0..<points.count { _ = try factors.scenario(point: point, values: points.values(at: point)) }
  }

  public func evaluate(point: Int, values: [Double], replicationSeed: UInt64) -> [[Double]] {
    // Validated before the sweep started; rebuilding per replication keeps memory flat in points.
    let scenario = try! factors.scenario(point: point, values: values)
    return strategies.map { strategy in
      var monitor = OutputMonitor(wantsTrace: false, wantsStudents: false)
      return Replication.run(
        scenario: scenario, strategy: strategy, replicationSeed: replicationSeed, monitor: &monitor
      ).metrics.values
    }
  }
}
