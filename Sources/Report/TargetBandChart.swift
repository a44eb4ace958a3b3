/// Posterior predictive draws against target bands: one row per target, each on its own scale
/// (targets mix shares with counts and days, so one shared axis would flatten most rows). The
/// band is a shaded span, the draws' 95% range a whisker, their median a point, and the share of
/// draws inside the band is written at the row's end.
struct TargetBandChart {
  struct Row {
    var label: String
    var low: Double
    var high: Double
    var median: Double
    var q025: Double
    var q975: Double
    var insideShare: Double
    /// Values are shares, labelled as percentages.
    var shares: Bool
  }

  var title: String
  var rows: [Row]

  static let width = 720.0
  static let rowHeight = 58.0

  func svg(id: String, description: String) -> String {
    let labelWidth = min(240, 16 + 6.6 * Double(rows.map(\.label.count).max() ?? 0))
    let left = labelWidth
    let right = Self.width - 110
    let top = 8.0
    var body = ""
    for (index, row) in rows.enumerated() {
      let y = top + Self.rowHeight * Double(index)
      let middle = y + 18
      let axis = ChartAxis(
        covering: [row.low, row.high, row.q025, row.q975, row.median], start: left, end: right)
      body += SVGMarkup.text(row.label, x: left - 8, y: middle + 4, anchor: "end")
      body += SVGMarkup.line(left, middle + 16, right, middle + 16, className: "axis")
      for tick in axis.ticks {
        let x = axis.position(tick)
        body += SVGMarkup.line(x, middle + 16, x, middle + 20, className: "axis")
        body += SVGMarkup.text(Self.format(tick, row.shares), x: x, y: middle + 32, anchor: "middle")
      }
      if row.low.isFinite, row.high.isFinite {
        let x0 = axis.position(row.low)
        let x1 = axis.position(row.high)
        body +=
          "<rect class=\"target\" x=\"\(HTMLText.coordinate(x0))\" y=\"\(HTMLText.coordinate(middle - 12))\" "
          + "width=\"\(HTMLText.coordinate(x1 - x0))\" height=\"24\"><title>\(HTMLText.escape(row.label)) target band "
          + "\(Self.format(row.low, row.shares)) to \(Self.format(row.high, row.shares))</title></rect>"
      }
      if row.q025.isFinite, row.q975.isFinite {
        let x0 = axis.position(row.q025)
        let x1 = axis.position(row.q975)
        body += SVGMarkup.line(x0, middle, x1, middle, className: "whisker")
        body += SVGMarkup.line(x0, middle - 5, x0, middle + 5, className: "whisker")
        body += SVGMarkup.line(x1, middle - 5, x1, middle + 5, className: "whisker")
      }
      if row.median.isFinite {
        body +=
          "<circle class=\"point clear\" cx=\"\(HTMLText.coordinate(axis.position(row.median)))\" "
          + "cy=\"\(HTMLText.coordinate(middle))\" r=\"5\"><title>\(HTMLText.escape(row.label)): median of the draws "
          + "\(Self.format(row.median, row.shares))</title></circle>"
      }
      body += SVGMarkup.text(
        "\(HTMLText.percent(row.insideShare)) inside", x: right + 12, y: middle + 4)
    }
    let legendY = top + Self.rowHeight * Double(rows.count) + 8
    body +=
      "<rect class=\"target\" x=\"\(HTMLText.coordinate(left))\" y=\"\(HTMLText.coordinate(legendY - 6))\" width=\"22\" height=\"12\"/>"
      + SVGMarkup.text("target band", x: left + 28, y: legendY + 4)
      + "<circle class=\"point clear\" cx=\"\(HTMLText.coordinate(left + 130))\" cy=\"\(HTMLText.coordinate(legendY))\" r=\"5\"/>"
      + SVGMarkup.line(left + 118, legendY, left + 142, legendY, className: "whisker")
      + SVGMarkup.text(
        "median and 95% range of the posterior predictive draws", x: left + 150, y: legendY + 4)
    return SVGMarkup.open(
      id: id, width: Self.width, height: legendY + 14, title: title, description: description)
      + body + "</svg>"
  }

  /// A share as a percentage (whole when it is one, else to a tenth), other values to three
  /// significant digits.
  static func format(_ value: Double, _ shares: Bool) -> String {
    guard shares else { return HTMLText.significant(value, 3) }
    return HTMLText.percent(value, decimals: abs(value * 100 - (value * 100).rounded()) < 1e-9 ? 0 : 1)
  }
}
