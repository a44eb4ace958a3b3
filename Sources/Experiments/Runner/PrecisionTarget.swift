import CohortModel

/// `--until METRIC=HALFWIDTH`: run batches of replications until the 95% interval for `metric`
/// is at most `halfWidth` on each side, for **every** strategy in the run (so a comparison never
/// stops while one arm is still vague), or until `maxReplications`.
///
/// The batch size does not depend on the number of threads, and the rule is checked only at
/// batch boundaries on aggregates built in replication order, so where the run stops depends on
/// the seed and the target alone — never on `--jobs`.
public struct PrecisionTarget: Sendable, Equatable {
  public var metric: Metric
  public var halfWidth: Double
  public var maxReplications: Int
  /// Replications added between checks.
  public var batchSize: Int

  /// The ceiling when `--max-replications` is not given.
  public static let defaultMaxReplications = 10_000

  /// Batches of max(10, `replications`): at least ten, so the first check rests on an
  /// interval with nine degrees of freedom.
  public init(metric: Metric, halfWidth: Double, maxReplications: Int, replications: Int) {
    self.metric = metric
    self.halfWidth = halfWidth
    self.maxReplications = maxReplications
    batchSize = max(10, replications)
  }

  /// True when every strategy's interval for `metric` is at most `halfWidth` wide on each side.
  /// An interval that cannot be computed yet (fewer than two values) is not narrow enough.
  public func isMet(by aggregate: borrowing ExperimentAggregate) -> Bool {
    aggregate.strategies.indices.allSatisfy { strategy in
      let halfWidth = aggregate.interval(strategyIndex: strategy, metric: metric).halfWidth
      return !halfWidth.isNaN && halfWidth <= self.halfWidth
    }
  }
}
