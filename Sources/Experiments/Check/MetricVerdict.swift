import CohortModel
import Foundation

/// One line of a statistical check: a metric under a strategy, baseline against new.
public struct MetricVerdict: Sendable, Equatable {
  /// Whether a metric moved.
  public enum Outcome: String, Sendable {
    /// Not significant after Holm's correction.
    case same
    /// Significant, but no larger than the metric's practical tolerance.
    case withinTolerance = "within tolerance"
    /// Significant and larger than the tolerance: a regression, or a change to bless.
    case moved = "MOVED"
  }

  public var strategy: String
  public var metric: Metric
  public var test: MeanComparison
  /// Holm-adjusted across every (strategy, metric) test of the check.
  public var adjustedPValue: Double
  /// The practical tolerance's threshold at the baseline mean.
  public var tolerance: Double
  public var outcome: Outcome
}

/// The outcome of a statistical check: every verdict, in baseline order.
public struct StatisticalCheck: Sendable {
  public var verdicts: [MetricVerdict]
  /// The family-wise significance level.
  public var alpha: Double
  public var replications: Int

  /// How the verdicts were tested: "paired t" when every test paired the runs' seeds, "Welch"
  /// when none could, "paired t / Welch" when some series paired and others did not.
  public var method: String {
    let methods = Set(verdicts.map(\.test.method))
    if methods.count == 1, let only = methods.first { return only.rawValue }
    return methods.isEmpty ? MeanComparison.Method.welch.rawValue : "paired t / Welch"
  }

  /// True when any metric moved.
  public var moved: Bool { verdicts.contains { $0.outcome == .moved } }

  /// Tests every metric of every strategy in both `baseline` and `new`, Holm-corrects the
  /// p-values together, and applies each metric's tolerance. A strategy whose replications ran
  /// with the baseline's seeds, replication by replication, is tested paired (`PairedTTest`);
  /// otherwise with Welch's test.
  public init(baseline: Baseline, new: Baseline, alpha: Double) {
    self.alpha = alpha
    replications = new.replications
    var tests: [(String, Metric, MeanComparison)] = []
    for strategy in baseline.strategies where new.strategies.contains(strategy) {
      let paired = baseline.seeds(strategy: strategy) == new.seeds(strategy: strategy)
      for metric in Metric.allCases {
        tests.append(
          (
            strategy, metric,
            MeanComparison(
              baseline: baseline.series(strategy: strategy, metric: metric)!,
              new: new.series(strategy: strategy, metric: metric)!, paired: paired)
          ))
      }
    }
    let adjusted = HolmCorrection.adjusted(tests.map(\.2.pValue))
    verdicts = zip(tests, adjusted).map { entry, adjustedPValue in
      let (strategy, metric, test) = entry
      let tolerance = PracticalTolerance.of(metric).threshold(baselineMean: test.baselineMean)
      let significant = adjustedPValue <= alpha
      let large = !(abs(test.difference) <= tolerance)
      let outcome: MetricVerdict.Outcome =
        !significant ? .same : large ? .moved : .withinTolerance
      return MetricVerdict(
        strategy: strategy, metric: metric, test: test, adjustedPValue: adjustedPValue, tolerance: tolerance,
        outcome: outcome)
    }
  }

  /// The verdicts as a fixed-width table, one line per verdict (only moved ones when
  /// `onlyMoved`), with a header.
  public func table(onlyMoved: Bool = false) -> String {
    let header = ["strategy", "metric", "baseline", "new", "difference", "tolerance", "p (Holm)", "verdict"]
    let rows = verdicts.filter { !onlyMoved || $0.outcome == .moved }.map { verdict in
      [
        verdict.strategy, verdict.metric.rawValue, Self.format(verdict.test.baselineMean),
        Self.format(verdict.test.newMean), Self.format(verdict.test.difference),
        Self.format(verdict.tolerance),
        verdict.adjustedPValue.isNaN
          ? "NA" : verdict.adjustedPValue < 1e-4 ? "<1e-4" : Self.format(verdict.adjustedPValue),
        verdict.outcome.rawValue,
      ]
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
    return ([header] + rows).map { row in
      zip(row, widths).enumerated().map { column, cell in
        let (text, width) = cell
        let padding = String(repeating: " ", count: width - text.count)
        return column < 2 || column == row.count - 1 ? text + padding : padding + text
      }.joined(separator: "  ").trimmingSuffix(" ")
    }.joined(separator: "\n") + "\n"
  }

  /// Four significant digits, `NA` for NaN.
  static func format(_ value: Double) -> String {
    value.isNaN ? "NA" : value.formatted(.number.precision(.significantDigits(1...4)).grouping(.never))
  }
}

extension String {
  fileprivate func trimmingSuffix(_ character: Character) -> String {
    var text = self
    while text.last == character { text.removeLast() }
    return text
  }
}
