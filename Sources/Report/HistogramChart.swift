/// A weighted histogram over a fixed range (a calibrated parameter's prior range), with the
/// prior's probability per bin as a dashed outline over the same bins, so the reader sees how far
/// the data narrowed the prior; the 95% interval is a shaded span and the median a solid line.
struct HistogramChart {
  struct Bin {
    var lower: Double
    var upper: Double
    /// Share of the (posterior) weight in the bin.
    var share: Double
    /// The prior's probability of the bin; NaN when the prior is not known.
    var prior: Double
  }

  var title: String
  var valueLabel: String
  var bins: [Bin]
  var interval: (low: Double, high: Double)
  var median: Double

  static let width = 720.0
  static let plotHeight = 150.0

  func svg(id: String, description: String) -> String {
    let left = 64.0
    let right = Self.width - 16
    let top = 12.0
    let bottom = top + Self.plotHeight
    let xAxis = ChartAxis(
      lower: bins.first?.lower ?? 0, upper: bins.last?.upper ?? 1, start: left, end: right)
    let yAxis = ChartAxis(
      covering: bins.flatMap { [$0.share, $0.prior] }, start: bottom, end: top, includeZero: true)
    var body = ""
    for tick in yAxis.ticks {
      let y = yAxis.position(tick)
      body += SVGMarkup.line(left, y, right, y, className: "grid")
      body += SVGMarkup.text(HTMLText.percent(tick), x: left - 6, y: y + 4, anchor: "end")
    }
    let low = xAxis.position(max(interval.low, xAxis.lower))
    let high = xAxis.position(min(interval.high, xAxis.upper))
    if interval.low.isFinite, interval.high.isFinite, high >= low {
      body +=
        "<rect class=\"interval\" x=\"\(HTMLText.coordinate(low))\" y=\"\(HTMLText.coordinate(top))\" "
        + "width=\"\(HTMLText.coordinate(high - low))\" height=\"\(HTMLText.coordinate(Self.plotHeight))\">"
        + "<title>95% interval \(Self.label(interval.low)) to \(Self.label(interval.high))</title></rect>"
    }
    for bin in bins where bin.share > 0 {
      let x0 = xAxis.position(bin.lower)
      let x1 = xAxis.position(bin.upper)
      let y = yAxis.position(bin.share)
      body +=
        "<rect class=\"bar\" fill=\"\(ChartPalette.colour(0))\" x=\"\(HTMLText.coordinate(x0))\" "
        + "y=\"\(HTMLText.coordinate(y))\" width=\"\(HTMLText.coordinate(x1 - x0))\" "
        + "height=\"\(HTMLText.coordinate(bottom - y))\"><title>\(Self.label(bin.lower)) to \(Self.label(bin.upper)): "
        + "\(HTMLText.percent(bin.share, decimals: 1)) of the posterior weight</title></rect>"
    }
    let priorSteps = bins.filter(\.prior.isFinite).flatMap { bin in
      [bin.lower, bin.upper].map {
        "\(HTMLText.coordinate(xAxis.position($0))),\(HTMLText.coordinate(yAxis.position(bin.prior)))"
      }
    }
    if !priorSteps.isEmpty {
      body +=
        "<polyline class=\"prior\" stroke=\"\(ChartPalette.colour(1))\" stroke-dasharray=\"\(ChartPalette.dash(1))\" "
        + "points=\"\(priorSteps.joined(separator: " "))\"><title>prior</title></polyline>"
    }
    if median.isFinite {
      let x = xAxis.position(median)
      body += SVGMarkup.line(x, top, x, bottom, className: "median")
    }
    body += SVGMarkup.frame(
      xAxis: xAxis, xLabel: valueLabel, left: left, right: right, top: top, bottom: bottom)
    let legendY = bottom + 56
    body +=
      "<rect fill=\"\(ChartPalette.colour(0))\" x=\"\(HTMLText.coordinate(left))\" y=\"\(HTMLText.coordinate(legendY - 6))\" width=\"22\" height=\"12\"/>"
      + SVGMarkup.text("posterior (last generation)", x: left + 28, y: legendY + 4)
      + "<line class=\"prior\" stroke=\"\(ChartPalette.colour(1))\" stroke-dasharray=\"\(ChartPalette.dash(1))\" "
      + "x1=\"\(HTMLText.coordinate(left + 210))\" y1=\"\(HTMLText.coordinate(legendY))\" "
      + "x2=\"\(HTMLText.coordinate(left + 232))\" y2=\"\(HTMLText.coordinate(legendY))\"/>"
      + SVGMarkup.text("prior", x: left + 238, y: legendY + 4)
      + "<rect class=\"interval\" x=\"\(HTMLText.coordinate(left + 290))\" y=\"\(HTMLText.coordinate(legendY - 6))\" width=\"22\" height=\"12\"/>"
      + SVGMarkup.text("95% interval", x: left + 318, y: legendY + 4)
      + SVGMarkup.line(left + 420, legendY - 6, left + 420, legendY + 6, className: "median")
      + SVGMarkup.text("median", x: left + 428, y: legendY + 4)
    return SVGMarkup.open(
      id: id, width: Self.width, height: legendY + 14, title: title, description: description)
      + body + "</svg>"
  }

  /// A parameter value to three significant digits.
  static func label(_ value: Double) -> String { HTMLText.significant(value, 3) }
}
