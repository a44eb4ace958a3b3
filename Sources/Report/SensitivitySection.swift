import Experiments
import Foundation

/// Sensitivity (sweep folders): for each strategy, metric and index of `sensitivity.csv` (Sobol
/// first-order or total, Morris μ*), one bar per factor with its interval, largest first.
enum SensitivitySection {
  static let title = "Sensitivity"

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection? {
    guard let table = try context.folder.table("sensitivity.csv") else {
      return context.folder.kind == .sweep
        ? .omitted(id: "sensitivity", title: title, because: "this sweep folder has no sensitivity.csv.")
        : nil
    }
    let columns = try table.require([
      "strategy", "metric", "factor", "index", "estimate", "ci95_low", "ci95_high",
    ])
    var groups: [String] = []
    var rows: [String: [BarChart.Row]] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      let key = "\(fields[columns[0]])\u{1F}\(fields[columns[1]])\u{1F}\(fields[columns[3]])"
      if rows[key] == nil { groups.append(key) }
      rows[key, default: []].append(
        BarChart.Row(
          label: fields[columns[2]],
          values: [
            (
              try table.number(row, columns[4]), try table.number(row, columns[5]),
              try table.number(row, columns[6])
            )
          ]))
    }
    var html = ""
    for (number, key) in groups.enumerated() {
      let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
      let ranked = rows[key]!.sorted { ($0.values[0].value, $1.label) > ($1.values[0].value, $0.label) }
      let output = MetricDisplay.name(of: parts[1])
      // NaN everywhere: the output is constant over the design (or had no value), so no factor
      // "matters most"; say so, and show the NaN indices as they are.
      if rows[key]!.allSatisfy({ $0.values[0].value.isNaN }) {
        html +=
          "<h3>\(HTMLText.escape(output)), \(HTMLText.escape(parts[2])), \(HTMLText.escape(parts[0]))</h3>\n"
          + "<p class=\"constant-output\">\(HTMLText.escape(output)) does not vary over this design (or has no value "
          + "at some point), so its \(HTMLText.escape(parts[2])) indices are NaN: no factor can be said to matter.</p>\n"
          + DataTable(
            header: ["Factor", parts[2], "95% low", "95% high"],
            rows: rows[key]!.map { [$0.label, "NaN", "NaN", "NaN"] }
          ).html
        continue
      }
      let chart = BarChart(
        title: "\(parts[2]) index of each factor for \(output.lowercased()), \(parts[0])",
        valueLabel: "\(parts[2]) estimate",
        segments: [parts[2]], rows: ranked, shares: false)
      let reading =
        "\(ranked[0].label) matters most for \(output.lowercased()) under \(parts[0]) (\(parts[2]) \(HTMLText.fixed(ranked[0].values[0].value, 3))"
        + (ranked[0].values[0].low.isNaN
          ? ", no interval for this index)."
          : ", 95% interval \(HTMLText.fixed(ranked[0].values[0].low, 3)) to \(HTMLText.fixed(ranked[0].values[0].high, 3))).")
      let id = "chart-sensitivity-\(number + 1)"
      let description =
        "Horizontal bars of the \(parts[2]) sensitivity index of each factor with 95% intervals. " + reading
      html +=
        Figure(
          id: id, title: chart.title, reading: reading, description: description,
          svg: chart.svg(id: id, description: description),
          tableHeader: ["Factor", parts[2], "95% low", "95% high"],
          tableRows: ranked.map {
            [
              $0.label, HTMLText.fixed($0.values[0].value, 4), HTMLText.fixed($0.values[0].low, 4),
              HTMLText.fixed($0.values[0].high, 4),
            ]
          }
        ).html
    }
    return ReportSection(id: "sensitivity", title: title, html: html)
  }
}
