import CohortModel
import Experiments

/// A sweep's headline: how each headline output varies over the design's points (lowest, median,
/// highest point mean, from `points.csv`), never one mean pooled over points as if they were one
/// scenario; an output that does not vary says so in words.
enum SweepOverviewSection {
  static let title = "Over the design"
  /// The outputs shown, in order; the rest are in points.csv and the sensitivity section.
  static let metrics: [Metric] = [
    .placed6m, .placed6mSeeking, .placed12mSeeking, .hiredAtRotationSite, .daysToOfferMedian,
  ]

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection {
    guard let table = try context.folder.table("points.csv") else {
      return .omitted(id: "design", title: title, because: "the folder has no points.csv.")
    }
    let columns = try table.require(["point", "strategy", "metric", "mean"])
    var values: [String: [String: [Double]]] = [:]
    var strategies: [String] = []
    for row in table.rows.indices {
      let strategy = table.rows[row][columns[1]]
      if !strategies.contains(strategy) { strategies.append(strategy) }
      let value = try table.number(row, columns[3])
      if !value.isNaN {
        values[strategy, default: [:]][table.rows[row][columns[2]], default: []].append(value)
      }
    }
    var rows: [[String]] = []
    var sentences: [String] = []
    for strategy in strategies {
      for metric in metrics {
        guard let list = values[strategy]?[metric.rawValue], !list.isEmpty else { continue }
        let sorted = list.sorted()
        let format = { (value: Double) in
          metric.display.scale == .days
            ? DaysText.relative(IntervalEstimate(mean: value, low: .nan, high: .nan, count: 1))
            : HTMLText.percent(value, decimals: 1)
        }
        let median = sorted[sorted.count / 2]
        let name = metric.display.name
        let under = strategies.count > 1 ? " under \(strategy)" : ""
        if sorted.first == sorted.last {
          sentences.append(
            "\(name)\(under) does not vary over this design: every point gives \(format(median)).")
        } else if metric == metrics[0] || metric == .placed6mSeeking {
          sentences.append(
            "\(name)\(under) ranges from \(format(sorted.first!)) to \(format(sorted.last!)) over the "
              + "\(sorted.count) design points (median \(format(median))).")
        }
        rows.append([
          strategy, name, format(sorted.first!), format(median), format(sorted.last!), String(sorted.count),
        ])
      }
    }
    guard !rows.isEmpty else {
      return .omitted(id: "design", title: title, because: "points.csv has none of the headline outputs.")
    }
    var html = sentences.map { "<p>\(HTMLText.escape($0))</p>\n" }.joined()
    html +=
      DataTable(
        header: ["Strategy", "Output", "Lowest point", "Median point", "Highest point", "Points"], rows: rows,
        caption: "Each output's mean at each design point, over the design"
      ).html
    html +=
      "<p class=\"note\">A sweep runs the scenario at many points of its factors' ranges, so it has no single "
      + "headline figure: each point's mean over its replications is in points.csv. The sensitivity section says "
      + "which factors move each output.</p>\n"
    return ReportSection(id: "design", title: title, html: html)
  }
}
