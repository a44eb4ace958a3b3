/// Lines over a numeric x axis, each with its 95% band: the hiring curve (one line per
/// strategy) and the yearly series. Bands are drawn first and translucent, so overlapping bands
/// stay visible; each line has its own colour and dash pattern.
struct LineChart {
  struct Point {
    var x: Double
    var y: Double
    /// NaN when there is no interval.
    var low: Double
    var high: Double
  }

  struct Series {
    var name: String
    var points: [Point]
  }

  var title: String
  var xLabel: String
  var yLabel: String
  var series: [Series]
  /// Values are shares drawn as percentages on a 0–100% axis.
  var shares: Bool
  /// The x axis's extent when it should be exactly the data's (months), not widened to ticks.
  var xRange: ClosedRange<Double>? = nil

  static let width = 720.0
  static let plotHeight = 300.0

  func svg(id: String, description: String) -> String {
    let left = 64.0
    let right = Self.width - 16
    let top = 16.0
    let bottom = top + Self.plotHeight
    let allX = series.flatMap { $0.points.map(\.x) }
    let allY = series.flatMap { $0.points.flatMap { [$0.y, $0.low, $0.high] } }
    let xAxis =
      xRange.map { ChartAxis(lower: $0.lowerBound, upper: $0.upperBound, start: left, end: right) }
      ?? ChartAxis(covering: allX, start: left, end: right)
    let yAxis =
      shares
      ? ChartAxis(lower: 0, upper: 1, start: bottom, end: top)
      : ChartAxis(covering: allY, start: bottom, end: top)
    var body = ""
    for tick in yAxis.ticks {
      let y = yAxis.position(tick)
      body += SVGMarkup.line(left, y, right, y, className: "grid")
      body += SVGMarkup.text(
        shares ? HTMLText.percent(tick) : Self.tickLabel(tick), x: left - 6, y: y + 4, anchor: "end")
    }
    body += SVGMarkup.frame(
      xAxis: xAxis, xLabel: xLabel, left: left, right: right, top: top, bottom: bottom)
    body +=
      "<text class=\"axis-title\" transform=\"translate(14 \(HTMLText.coordinate((top + bottom) / 2))) rotate(-90)\" "
      + "text-anchor=\"middle\">\(HTMLText.escape(yLabel))</text>"
    for (index, line) in series.enumerated() {
      let banded = line.points.filter { $0.low.isFinite && $0.high.isFinite }
      guard banded.count > 1 else { continue }
      let upper = banded.map {
        "\(HTMLText.coordinate(xAxis.position($0.x))),\(HTMLText.coordinate(yAxis.position($0.high)))"
      }
      let lower = banded.reversed().map {
        "\(HTMLText.coordinate(xAxis.position($0.x))),\(HTMLText.coordinate(yAxis.position($0.low)))"
      }
      body +=
        "<polygon class=\"band\" fill=\"\(ChartPalette.colour(index))\" points=\"\((upper + lower).joined(separator: " "))\"/>"
    }
    for (index, line) in series.enumerated() {
      let points = line.points.filter(\.y.isFinite).map {
        "\(HTMLText.coordinate(xAxis.position($0.x))),\(HTMLText.coordinate(yAxis.position($0.y)))"
      }
      body +=
        "<polyline class=\"series\" stroke=\"\(ChartPalette.colour(index))\" stroke-dasharray=\"\(ChartPalette.dash(index))\" "
        + "points=\"\(points.joined(separator: " "))\"><title>\(HTMLText.escape(line.name))</title></polyline>"
    }
    let legend = SVGMarkup.legend(series.map(\.name), x: left, y: bottom + 54, width: right - left) {
      index, x, y in
      "<line class=\"series\" stroke=\"\(ChartPalette.colour(index))\" stroke-dasharray=\"\(ChartPalette.dash(index))\" "
        + "x1=\"\(HTMLText.coordinate(x))\" y1=\"\(HTMLText.coordinate(y))\" x2=\"\(HTMLText.coordinate(x + 22))\" "
        + "y2=\"\(HTMLText.coordinate(y))\"/>"
    }
    let height = bottom + 54 + legend.height + 4
    return SVGMarkup.open(id: id, width: Self.width, height: height, title: title, description: description)
      + body + legend.markup + "</svg>"
  }

  /// Whole numbers without decimals, others with up to two.
  static func tickLabel(_ value: Double) -> String {
    value == value.rounded() ? HTMLText.fixed(value, 0) : HTMLText.fixed(value, abs(value) < 0.1 ? 3 : 2)
  }
}
