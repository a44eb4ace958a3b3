import CohortModel

/// `--until METRIC=HALFWIDTH`: run batches of replications until the 95% interval for `metric`
/// is at most `halfWidth` on each side, for **every** strategy in the run (so a comparison never
/// stops while one arm is still vague), or until `maxReplications`.
///
/// The batch size does not depend on the number of threads, and the rule is checked only at
/// batch boundaries on aggregates built in replication order, so where the run stops depends on
/// the seed and the target alone — never on `--jobs`.
public struct PrecisionTarget: Sendable, Equatable {
  /// Which intervals must be narrow enough.
  public enum Scope: Sendable, Equatable {
    /// Each strategy's own interval for the metric's mean (`run --until`).
    case eachStrategy
    /// The interval of every non-reference strategy's paired difference from the reference
    /// (`compare --until`): the figure a comparison is about, and under common random numbers
    /// usually much narrower than either strategy's own, so the run stops far sooner.
    case differencesFromReference
  }

  public var metric: Metric
  public var scope: Scope = .eachStrategy
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

  /// True when every interval `scope` names is at most `halfWidth` wide on each side. An
  /// interval that cannot be computed yet (fewer than two values) is not narrow enough.
  public func isMet(by aggregate: borrowing ExperimentAggregate) -> Bool {
    aggregate.strategies.indices.allSatisfy { strategy in
      let interval: ConfidenceInterval
      switch scope {
      case .eachStrategy:
        interval = aggregate.interval(strategyIndex: strategy, metric: metric)
      case .differencesFromReference:
        guard let reference = aggregate.referenceIndex else {
          preconditionFailure("--until on differences needs a reference")
        }
        if strategy == reference { return true }
        interval = aggregate.differenceInterval(strategyIndex: strategy, metric: metric)
      }
      return !interval.halfWidth.isNaN && interval.halfWidth <= self.halfWidth
    }
  }
}
