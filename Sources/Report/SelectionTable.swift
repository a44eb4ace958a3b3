import CohortModel
import Experiments

/// `selection.csv` as a reader needs it: status in words and the mean rounded in the metric's
/// unit (a percentage for a share), never the file's 16-digit numbers.
enum SelectionTable {
  static func html(_ table: ResultsTable, provenance: [String: Any]) -> String {
    let identifier = (provenance["select_best"] as? [String: Any])?["metric"] as? String
    let metric = identifier.flatMap(Metric.init(rawValue:))
    let isShare =
      metric.map { ![.days, .perYear, .students, .relativeChange].contains($0.display.scale) } ?? false
    let name = identifier.map(MetricDisplay.name(of:)) ?? "Mean"
    let column = { (name: String) in table.header.firstIndex(of: name) }
    let rows = table.rows.map { row in
      let mean = column("mean").flatMap { ResultsTable.number(row[$0]) } ?? .nan
      return [
        column("strategy").map { row[$0] } ?? "",
        column("status").map { row[$0] } ?? "",
        column("eliminated_after").map { row[$0] == "NA" ? "" : "after \(row[$0]) replications" } ?? "",
        isShare ? HTMLText.percent(mean, decimals: 1) : HTMLText.fixed(mean, 1),
        column("replications").map { row[$0] } ?? "",
      ]
    }
    return DataTable(
      header: ["Strategy", "Status", "Eliminated", name + (isShare ? "" : ", mean"), "Replications used"],
      rows: rows, caption: "The Kim–Nelson procedure's verdict per strategy (selection.csv)"
    ).html
  }
}
