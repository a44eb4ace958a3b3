/// Horizontal bars, one row per category: either one value per row with its 95% interval as a
/// whisker (sites, sensitivity indices), or several values stacked to a whole (where the offers
/// come from, per strategy). Horizontal, so long strategy and site names fit on a phone.
struct BarChart {
  struct Row {
    var label: String
    /// One value per segment; `low`/`high` NaN when there is no interval.
    var values: [(value: Double, low: Double, high: Double)]
  }

  var title: String
  var valueLabel: String
  /// Segment names, one per value of each row; a single name draws plain bars with whiskers.
  var segments: [String]
  var rows: [Row]
  /// Values are shares drawn as percentages.
  var shares: Bool

  static let width = 720.0
  static let rowHeight = 26.0

  func svg(id: String, description: String) -> String {
    let labelWidth = min(260, 16 + 6.6 * Double(rows.map(\.label.count).max() ?? 0))
    let left = labelWidth
    let right = Self.width - 24
    let top = 8.0
    let bottom = top + Self.rowHeight * Double(rows.count)
    let stacked = segments.count > 1
    let extent: [Double] =
      stacked
      ? rows.map { $0.values.map(\.value).filter(\.isFinite).reduce(0, +) }
      : rows.flatMap { $0.values.flatMap { [$0.value, $0.low, $0.high] } }
    let axis =
      shares && (stacked || (extent.max() ?? 0) > 0.5)
      ? ChartAxis(lower: 0, upper: 1, start: left, end: right)
      : ChartAxis(covering: extent, start: left, end: right, includeZero: true)
    var body = ""
    for tick in axis.ticks {
      let x = axis.position(tick)
      body += SVGMarkup.line(x, top, x, bottom, className: "grid")
      body += SVGMarkup.text(
        shares ? HTMLText.percent(tick) : LineChart.tickLabel(tick), x: x, y: bottom + 16, anchor: "middle")
    }
    for (rowIndex, row) in rows.enumerated() {
      let y = top + Self.rowHeight * Double(rowIndex)
      body += SVGMarkup.text(row.label, x: left - 8, y: y + Self.rowHeight / 2 + 4, anchor: "end")
      var cursor = axis.position(0)
      for (segment, value) in row.values.enumerated() where value.value.isFinite {
        let start = stacked ? cursor : axis.position(min(0, value.value))
        let end =
          stacked
          ? cursor + (axis.position(value.value) - axis.position(0)) : axis.position(max(0, value.value))
        body +=
          "<rect class=\"bar\" fill=\"\(ChartPalette.colour(stacked ? segment : 0))\" "
          + "x=\"\(HTMLText.coordinate(start))\" y=\"\(HTMLText.coordinate(y + 4))\" "
          + "width=\"\(HTMLText.coordinate(max(0, end - start)))\" height=\"\(HTMLText.coordinate(Self.rowHeight - 8))\">"
          + "<title>\(HTMLText.escape(row.label + (stacked ? ", " + segments[segment] : "") + ": " + format(value.value)))</title></rect>"
        cursor = end
        if !stacked, value.low.isFinite, value.high.isFinite {
          let middle = y + Self.rowHeight / 2
          body += SVGMarkup.line(
            axis.position(value.low), middle, axis.position(value.high), middle, className: "whisker")
          body += SVGMarkup.line(
            axis.position(value.low), middle - 5, axis.position(value.low), middle + 5, className: "whisker")
          body += SVGMarkup.line(
            axis.position(value.high), middle - 5, axis.position(value.high), middle + 5, className: "whisker"
          )
        }
      }
    }
    body += SVGMarkup.line(axis.position(0), top, axis.position(0), bottom, className: "axis")
    body += SVGMarkup.text(
      valueLabel, x: (left + right) / 2, y: bottom + 34, anchor: "middle", className: "axis-title")
    var height = bottom + 42
    var legendMarkup = ""
    if stacked {
      let legend = SVGMarkup.legend(segments, x: left, y: bottom + 50, width: right - left) { index, x, y in
        "<rect fill=\"\(ChartPalette.colour(index))\" x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y - 6))\" width=\"22\" height=\"12\"/>"
      }
      legendMarkup = legend.markup
      height = bottom + 50 + legend.height
    }
    return SVGMarkup.open(id: id, width: Self.width, height: height, title: title, description: description)
      + body + legendMarkup + "</svg>"
  }

  private func format(_ value: Double) -> String {
    shares ? HTMLText.percent(value, decimals: 1) : LineChart.tickLabel(value)
  }
}
