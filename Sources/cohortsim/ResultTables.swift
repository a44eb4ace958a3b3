import CohortModel
import Experiments
import Foundation

/// The tables `run` and `compare` print when they finish: where the results went, then the
/// figures a program director asks about first. Everything else is in the CSV files.
enum ResultTables {
  /// The metrics the closing table of `run` shows: `HeadlineMetric.all`.
  static var headline: [Metric] { HeadlineMetric.all.map(\.metric) }

  /// "Results in DIR: files", with the replication count and, for `--until`, how it ended.
  static func location(_ report: RunReport) -> String {
    let directory =
      report.outputDirectory.hasSuffix("/") ? report.outputDirectory : report.outputDirectory + "/"
    var text =
      "\(report.replications) replications of \(report.strategies.count) "
      + "\(report.strategies.count == 1 ? "strategy" : "strategies") in "
      + (report.elapsedSeconds < 60
        ? String(format: "%.1f s", report.elapsedSeconds) : ProgressLine.duration(report.elapsedSeconds))
      + "; results in \(directory): "
      + report.files.map(\.rawValue).joined(separator: ", ") + "\n"
    if report.targetReached == false {
      text += "the --until target was not reached before --max-replications; the interval is still wider\n"
    }
    return text
  }

  /// Mean and 95% interval of each headline metric, one column per strategy.
  static func headlines(_ report: RunReport) -> String {
    var rows = [["metric"] + report.strategies]
    for metric in headline {
      var row = [metric.display.name]
      for strategy in report.strategies {
        let summary = report.summaries.first { $0.strategy == strategy && $0.metric == metric }
        row.append(summary.map { meanAndInterval($0.mean, $0.interval) } ?? "NA")
      }
      rows.append(row)
    }
    return "\nmean [95% interval] over replications\n" + layout(rows)
  }

  /// Every metric's paired difference from the reference, one row per strategy and metric.
  static func differences(_ report: RunReport) -> String {
    guard let reference = report.comparisons.first?.reference else { return "" }
    var rows = [["metric", "strategy", "difference [95% interval]", "p", "p_holm"]]
    for comparison in report.comparisons where comparison.strategy != reference {
      rows.append([
        comparison.metric.rawValue, comparison.strategy,
        meanAndInterval(comparison.meanDifference, comparison.interval), pValue(comparison.pValue),
        pValue(comparison.holmPValue),
      ])
    }
    return "\npaired differences, strategy − \(reference) (same seeds in each replication)\n" + layout(rows)
  }

  /// `compare`'s default table: for each headline metric, the strategies ranked best first by
  /// mean, each with its paired difference from the reference and, for a share of graduates, that
  /// difference in graduates per cohort (difference × mean graduating-cohort size).
  static func ranked(_ report: RunReport) -> String {
    guard let reference = report.comparisons.first?.reference else { return "" }
    var text = "\nheadline metrics, best first; differences are strategy − \(reference) on the same seeds"
    if let size = report.meanCohortSize {
      text += String(format: "; a cohort is %.1f graduates on average", size)
    }
    text += "\n"
    for headline in HeadlineMetric.all {
      let means = report.strategies.map { strategy in
        report.summaries.first { $0.strategy == strategy && $0.metric == headline.metric }
      }
      let order = report.strategies.indices.sorted { left, right in
        let (a, b) = (means[left]?.mean ?? .nan, means[right]?.mean ?? .nan)
        if a.isNaN != b.isNaN { return b.isNaN }
        if a == b || a.isNaN { return left < right }
        return headline.higherIsBetter ? a > b : a < b
      }
      var rows = [
        [
          "#", "strategy", "mean [95% interval]", "difference [95% interval]", "p_holm",
          headline.graduatesPhrase == nil ? "" : "per cohort",
        ]
      ]
      for (rank, index) in order.enumerated() {
        let strategy = report.strategies[index]
        let summary = means[index]
        var row = [
          "\(rank + 1)", strategy, summary.map { meanAndInterval($0.mean, $0.interval) } ?? "NA",
        ]
        if strategy == reference {
          row += ["reference", "", ""]
        } else if let comparison = report.comparisons.first(where: {
          $0.strategy == strategy && $0.metric == headline.metric
        }) {
          row += [
            signedAndInterval(comparison.meanDifference, comparison.interval, scale: summary?.mean ?? 0),
            pValue(comparison.holmPValue),
            headline.graduatesPhrase.flatMap { phrase in
              report.meanCohortSize.map { graduates(comparison.meanDifference, cohort: $0, phrase) }
            } ?? "",
          ]
        } else {
          row += ["NA", "NA", ""]
        }
        rows.append(row)
      }
      text +=
        "\n\(headline.metric.display.name) [\(headline.metric.rawValue)] "
        + "(\(headline.higherIsBetter ? "higher" : "lower") is better)\n"
        + layout(rows)
    }
    return text + "every metric and strategy: comparison.csv, or add --all\n"
  }

  /// The outcome of `--select-best`: each strategy's status, then the selected one with its
  /// guarantee, or why there is none.
  static func selection(_ result: SelectionResult) -> String {
    let rule = result.rule
    var rows = [["strategy", "status", "eliminated after", "mean", "replications"]]
    for row in result.rows {
      rows.append([
        row.strategy, row.status.rawValue, row.eliminatedAfter.map(String.init) ?? "",
        row.mean.isNaN ? "NA" : String(format: abs(row.mean) >= 10 ? "%.1f" : "%.4f", row.mean),
        String(row.replications),
      ])
    }
    var text =
      "\nselection of the best on \(rule.metric.display.name.lowercased()) [\(rule.metric.rawValue)] (\(rule.minimise ? "smaller" : "larger") is better), "
      + "Kim and Nelson's KN, first stage \(rule.configuration.firstStage)\n" + layout(rows)
    let confidence = String(format: "%g%%", rule.configuration.confidence * 100)
    let delta = String(format: "%g", rule.configuration.indifference)
    if let problem = result.problem {
      text += "no selection: \(problem)\n"
    } else if let selected = result.selected {
      text +=
        "selected: \(selected). With probability at least \(confidence), \(selected) is within \(delta) of the "
        + "best strategy on \(rule.metric.rawValue) (the best itself if the best leads the others by \(delta) or more)\n"
    } else {
      text +=
        "no selection: --max-replications (\(rule.maxReplications)) was reached with \(result.rows.filter { $0.status == .undecided }.count) "
        + "strategies undecided, so there is no \(confidence) guarantee; raise --max-replications or --indifference\n"
    }
    return text
  }

  /// "+0.9 graduates working within 6 months per cohort of 14".
  static func graduates(_ difference: Double, cohort size: Double, _ phrase: String) -> String {
    guard !difference.isNaN, !size.isNaN else { return "NA" }
    return String(format: "%+.1f \(phrase) per cohort of %.0f", difference * size, size)
  }

  /// The difference with the precision `meanAndInterval` gives a mean of size `scale`.
  private static func signedAndInterval(_ mean: Double, _ interval: ConfidenceInterval, scale: Double)
    -> String
  {
    guard !mean.isNaN else { return "NA" }
    let format = abs(scale) >= 10 ? "%+.1f" : "%+.3f"
    let bound = abs(scale) >= 10 ? "%.1f" : "%.3f"
    guard !interval.halfWidth.isNaN else { return String(format: format, mean) }
    return String(format: "\(format) [\(bound), \(bound)]", mean, interval.low, interval.high)
  }

  private static func meanAndInterval(_ mean: Double, _ interval: ConfidenceInterval) -> String {
    guard !mean.isNaN else { return "NA" }
    // One precision per cell, chosen from the mean: shares get three decimals, day counts one.
    let format = abs(mean) >= 10 ? "%.1f" : "%.3f"
    guard !interval.halfWidth.isNaN else { return String(format: format, mean) }
    return String(format: "\(format) [\(format), \(format)]", mean, interval.low, interval.high)
  }

  private static func pValue(_ value: Double) -> String {
    value.isNaN ? "NA" : value < 0.001 ? "<0.001" : String(format: "%.3f", value)
  }

  /// Left-aligned columns two spaces apart.
  private static func layout(_ rows: [[String]]) -> String {
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        .trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n") + "\n"
  }
}
