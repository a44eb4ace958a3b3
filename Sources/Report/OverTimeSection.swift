import Experiments

/// Over time: openings and hires by calendar year (`timeline.csv`), and cohort outcomes by
/// intake year (`cohorts.csv`), each metric one line chart with a line per strategy or program.
enum OverTimeSection {
  static let title = "Over time"

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection {
    var html = ""
    if let timeline = try context.folder.table("timeline.csv") {
      let columns = try timeline.require(["strategy", "year", "metric", "mean", "ci95_low", "ci95_high"])
      for metric in orderedValues(timeline, columns[2]) {
        let series = try lines(
          timeline, columns: columns, metric: metric, seriesColumn: columns[0], filter: nil)
        html +=
          figure(
            id: "chart-timeline-\(slug(metric))", title: "\(MetricDisplay.name(of: metric)) by calendar year",
            xLabel: "calendar year",
            metric: metric, series: series, seriesName: "Strategy"
          ).html
      }
    } else {
      html += "<p class=\"note\">Not shown by calendar year: the folder has no timeline.csv.</p>\n"
    }
    if let cohorts = try context.folder.table("cohorts.csv") {
      let columns = try cohorts.require(["program", "intake_year", "metric", "mean", "ci95_low", "ci95_high"])
      let strategy = try cohorts.require(["strategy"])[0]
      for metric in orderedValues(cohorts, columns[2]) {
        let series = try lines(
          cohorts, columns: columns, metric: metric, seriesColumn: columns[0],
          filter: (strategy, context.focus))
        guard !series.isEmpty else { continue }
        html +=
          figure(
            id: "chart-cohorts-\(slug(metric))",
            title: "\(MetricDisplay.name(of: metric)) by intake year, \(context.focus)",
            xLabel: "intake year",
            metric: metric, series: series, seriesName: "Program"
          ).html
      }
    } else {
      html += "<p class=\"note\">Not shown by intake year: the folder has no cohorts.csv.</p>\n"
    }
    return ReportSection(id: "over-time", title: title, html: html)
  }

  private static func orderedValues(_ table: ResultsTable, _ column: Int) -> [String] {
    var seen: [String] = []
    for row in table.rows where !seen.contains(row[column]) { seen.append(row[column]) }
    return seen
  }

  /// One line per value of `seriesColumn`; `columns` are x, metric, mean, low, high after it.
  private static func lines(
    _ table: ResultsTable, columns: [Int], metric: String, seriesColumn: Int, filter: (Int, String)?
  ) throws(FolderReadError) -> [LineChart.Series] {
    var points: [String: [LineChart.Point]] = [:]
    var order: [String] = []
    for row in table.rows.indices where table.rows[row][columns[2]] == metric {
      if let filter, table.rows[row][filter.0] != filter.1 { continue }
      let name = table.rows[row][seriesColumn]
      if points[name] == nil { order.append(name) }
      points[name, default: []].append(
        LineChart.Point(
          x: try table.number(row, columns[1]), y: try table.number(row, columns[3]),
          low: try table.number(row, columns[4]), high: try table.number(row, columns[5])))
    }
    return order.map { LineChart.Series(name: $0, points: points[$0]!.sorted { $0.x < $1.x }) }
  }

  private static func figure(
    id: String, title: String, xLabel: String, metric: String, series: [LineChart.Series], seriesName: String
  ) -> Figure {
    let shares =
      series.allSatisfy { $0.points.allSatisfy { !$0.y.isFinite || (0...1).contains($0.y) } }
      && (metric.contains("share") || metric.contains("placed") || metric.contains("rate")
        || metric.hasPrefix("offer_"))
    let name = MetricDisplay.name(of: metric)
    let chart = LineChart(
      title: title, xLabel: xLabel, yLabel: name.lowercased(), series: series, shares: shares)
    let format = { (value: Double) in shares ? HTMLText.percent(value, decimals: 1) : HTMLText.fixed(value, 2)
    }
    let peaks = series.compactMap { line in
      line.points.filter(\.y.isFinite).max { $0.y < $1.y }.map { (line.name, $0) }
    }
    let reading =
      peaks.max { $0.1.y < $1.1.y }.map {
        "\(name) is highest for \($0.0) in \(HTMLText.fixed($0.1.x, 0)): \(format($0.1.y)) (95% interval "
          + "\(format($0.1.low)) to \(format($0.1.high)))."
      } ?? "No values."
    let description =
      "Line chart of \(name.lowercased()) against \(xLabel), one line per \(seriesName.lowercased()) with 95% bands. "
      + reading
    return Figure(
      id: id, title: title, reading: reading, description: description,
      svg: chart.svg(id: id, description: description),
      tableHeader: [seriesName, xLabel, name, "95% low", "95% high"],
      tableRows: series.flatMap { line in
        line.points.map {
          [line.name, HTMLText.fixed($0.x, 0), format($0.y), format($0.low), format($0.high)]
        }
      })
  }

  static func slug(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber ? $0 : "-" })
  }
}
