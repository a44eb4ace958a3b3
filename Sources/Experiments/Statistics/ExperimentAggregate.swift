import CohortModel
import SimKernel

/// One row of `summary.csv`: a metric's distribution over replications under one strategy.
public struct MetricSummary: Sendable, Equatable {
  public var strategy: String
  public var metric: Metric
  /// Replications with a value (NaN excluded).
  public var count: Int
  public var mean: Double
  public var standardDeviation: Double
  /// The t-based 95% interval for the mean.
  public var interval: ConfidenceInterval
  /// P² estimates of the 10th, 50th and 90th percentiles (exact for five values or fewer).
  public var p10: Double
  public var p50: Double
  public var p90: Double
  /// In a posterior run (`--posterior`): the variance split into parameters and chance; nil
  /// otherwise, and then `summary.csv` has no share columns.
  public var varianceSplit: VarianceSplit.Estimate? = nil
}

/// One row of `comparison.csv`: the paired difference strategy − reference for one metric.
public struct MetricComparison: Sendable, Equatable {
  public var strategy: String
  public var reference: String
  public var metric: Metric
  /// Replications where both values were present.
  public var count: Int
  public var meanDifference: Double
  public var interval: ConfidenceInterval
  /// Two-sided paired t-test p-value; NaN when undefined (fewer than two pairs, or s = 0).
  public var pValue: Double
  /// `pValue` after Holm's correction across every row of the comparison (every non-reference
  /// strategy and metric), so "p_holm ≤ 0.05" keeps the chance of any false difference at 5%
  /// however many rows the table has. Never below `pValue`; NaN where `pValue` is.
  public var holmPValue: Double = .nan
}

/// Everything a run keeps about its replications' metrics: for each strategy and metric, the
/// running moments, the streaming quantiles and (in a comparison) the paired differences from
/// the reference. Its size depends on the number of strategies and metrics only, never on the
/// number of replications.
///
/// Values must be added in replication order (see `orderedParallelMap`): the moments and
/// quantile markers depend on order in their last bits.
public struct ExperimentAggregate: ~Copyable {
  public let strategies: [String]
  /// Index of the reference strategy in `strategies` when comparing.
  public let referenceIndex: Int?
  /// Replications added so far.
  public private(set) var replications = 0
  private var moments: [RunningMoments]
  private var quantiles: StreamingQuantiles
  private var differences: [PairedDifference]
  /// One per series in a posterior run, else empty.
  private var splits: [VarianceSplit]
  private let metricCount = Metric.allCases.count

  /// An empty aggregate; `reference`, when given, must be one of `strategies`. With
  /// `splitsVariance` (a posterior run) each replication is added with its particle group and
  /// the summaries carry the variance split.
  public init(strategies: [String], reference: String? = nil, splitsVariance: Bool = false) {
    precondition(reference.map(strategies.contains) ?? true, "the reference must be a strategy of the run")
    self.strategies = strategies
    referenceIndex = reference.flatMap { strategies.firstIndex(of: $0) }
    let series = strategies.count * Metric.allCases.count
    moments = Array(repeating: RunningMoments(), count: series)
    quantiles = StreamingQuantiles(streams: series, probabilities: [0.1, 0.5, 0.9])
    differences = Array(repeating: PairedDifference(), count: referenceIndex == nil ? 0 : series)
    splits = Array(repeating: VarianceSplit(), count: splitsVariance ? series : 0)
  }

  private func series(_ strategy: Int, _ metric: Int) -> Int { strategy * metricCount + metric }

  /// Adds one replication: its metrics under each strategy, in `strategies` order; in a
  /// posterior run, with its particle group (`PosteriorSampling.group(ofReplication:)`).
  /// - Complexity: O(strategies × metrics).
  public mutating func add(_ replication: [ReplicationMetrics], particleGroup: Int? = nil) {
    precondition(replication.count == strategies.count, "one set of metrics per strategy")
    precondition(splits.isEmpty == (particleGroup == nil), "a particle group exactly in a posterior run")
    replications += 1
    for (strategy, metrics) in replication.enumerated() {
      for (metric, value) in metrics.values.enumerated() {
        moments[series(strategy, metric)].add(value)
        quantiles.add(value, to: series(strategy, metric))
        if let particleGroup { splits[series(strategy, metric)].add(value, group: particleGroup) }
        if let reference = referenceIndex {
          differences[series(strategy, metric)].add(
            strategy: value, reference: replication[reference].values[metric])
        }
      }
    }
  }

  /// The 95% interval for the paired difference strategy − reference of `metric`, for the
  /// strategy at `strategyIndex`; NaN half-width when not comparing or with fewer than two pairs.
  public func differenceInterval(strategyIndex: Int, metric: Metric) -> ConfidenceInterval {
    guard referenceIndex != nil else { return ConfidenceInterval(center: .nan, halfWidth: .nan) }
    return differences[series(strategyIndex, Metric.allCases.firstIndex(of: metric)!)].confidenceInterval()
  }

  /// How many replications so far gave `metric` a value (not NA) under the strategy at
  /// `strategyIndex`.
  public func valueCount(strategyIndex: Int, metric: Metric) -> Int {
    moments[series(strategyIndex, Metric.allCases.firstIndex(of: metric)!)].count
  }

  /// The 95% interval for `metric`'s mean under the strategy at `strategyIndex`.
  public func interval(strategyIndex: Int, metric: Metric) -> ConfidenceInterval {
    moments[series(strategyIndex, Metric.allCases.firstIndex(of: metric)!)].confidenceInterval()
  }

  /// The rows of `summary.csv`, strategy by strategy, metrics in `Metric.allCases` order.
  public func summaries() -> [MetricSummary] {
    var rows: [MetricSummary] = []
    for (strategyIndex, strategy) in strategies.enumerated() {
      for (metricIndex, metric) in Metric.allCases.enumerated() {
        let stream = series(strategyIndex, metricIndex)
        let estimate = moments[stream]
        let percentiles = quantiles.estimates(for: stream)
        rows.append(
          MetricSummary(
            strategy: strategy, metric: metric, count: estimate.count, mean: estimate.mean,
            standardDeviation: estimate.standardDeviation, interval: estimate.confidenceInterval(),
            p10: percentiles[0], p50: percentiles[1], p90: percentiles[2],
            varianceSplit: splits.isEmpty ? nil : splits[stream].estimate))
      }
    }
    return rows
  }

  /// The rows of `comparison.csv` (empty unless comparing), strategy by strategy in run order,
  /// the reference included (its differences are all zero, its p-values NaN, so it does not
  /// count among Holm's tests).
  public func comparisons() -> [MetricComparison] {
    guard let referenceIndex else { return [] }
    var rows: [MetricComparison] = []
    for (strategyIndex, strategy) in strategies.enumerated() {
      for (metricIndex, metric) in Metric.allCases.enumerated() {
        let paired = differences[series(strategyIndex, metricIndex)]
        rows.append(
          MetricComparison(
            strategy: strategy, reference: strategies[referenceIndex], metric: metric, count: paired.count,
            meanDifference: paired.meanDifference, interval: paired.confidenceInterval(),
            pValue: paired.pValue))
      }
    }
    for (index, adjusted) in HolmCorrection.adjusted(rows.map(\.pValue)).enumerated() {
      rows[index].holmPValue = adjusted
    }
    return rows
  }
}
