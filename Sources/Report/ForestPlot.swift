/// A forest plot: one row per strategy, its paired difference from the reference as a point with
/// its interval, a line at zero, rows ranked best first. A filled marker is a difference that
/// survives Holm's correction; a hollow one may be chance.
struct ForestPlot {
  struct Row {
    var label: String
    var estimate: Double
    var low: Double
    var high: Double
    var clear: Bool
  }

  var title: String
  var valueLabel: String
  var rows: [Row]

  static let width = 720.0
  static let rowHeight = 28.0

  func svg(id: String, description: String) -> String {
    let labelWidth = min(260, 16 + 6.6 * Double(rows.map(\.label.count).max() ?? 0))
    let left = labelWidth
    let right = Self.width - 24
    let top = 8.0
    let bottom = top + Self.rowHeight * Double(rows.count)
    let axis = ChartAxis(
      covering: rows.flatMap { [$0.low, $0.high, $0.estimate] }, start: left, end: right, includeZero: true)
    var body = ""
    for tick in axis.ticks {
      let x = axis.position(tick)
      body += SVGMarkup.line(x, top, x, bottom, className: "grid")
      body += SVGMarkup.text(LineChart.tickLabel(tick), x: x, y: bottom + 16, anchor: "middle")
    }
    body += SVGMarkup.line(axis.position(0), top, axis.position(0), bottom, className: "zero")
    for (index, row) in rows.enumerated() {
      let y = top + Self.rowHeight * (Double(index) + 0.5)
      body += SVGMarkup.text(row.label, x: left - 8, y: y + 4, anchor: "end")
      if row.low.isFinite && row.high.isFinite {
        body += SVGMarkup.line(axis.position(row.low), y, axis.position(row.high), y, className: "whisker")
      }
      if row.estimate.isFinite {
        body +=
          "<circle class=\"\(row.clear ? "point clear" : "point")\" cx=\"\(HTMLText.coordinate(axis.position(row.estimate)))\" "
          + "cy=\"\(HTMLText.coordinate(y))\" r=\"5\"><title>\(HTMLText.escape(row.label)): "
          + "\(LineChart.tickLabel(row.estimate))</title></circle>"
      }
    }
    body += SVGMarkup.text(
      valueLabel, x: (left + right) / 2, y: bottom + 34, anchor: "middle", className: "axis-title")
    let legendY = bottom + 52
    body +=
      "<circle class=\"point clear\" cx=\"\(HTMLText.coordinate(left + 6))\" cy=\"\(HTMLText.coordinate(legendY))\" r=\"5\"/>"
      + SVGMarkup.text("clear difference (Holm-adjusted p ≤ 0.05)", x: left + 16, y: legendY + 4)
      + "<circle class=\"point\" cx=\"\(HTMLText.coordinate(left + 296))\" cy=\"\(HTMLText.coordinate(legendY))\" r=\"5\"/>"
      + SVGMarkup.text("could be chance", x: left + 306, y: legendY + 4)
    return SVGMarkup.open(
      id: id, width: Self.width, height: legendY + 14, title: title, description: description)
      + body + "</svg>"
  }
}
