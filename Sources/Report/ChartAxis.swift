import Foundation

/// A linear scale from data values to pixels, with "nice" tick values (1, 2 or 5 times a power
/// of ten), shared by every chart.
struct ChartAxis {
  var lower: Double
  var upper: Double
  /// Pixel positions of `lower` and `upper`.
  var start: Double
  var end: Double

  /// A scale covering `values` (NaN ignored), widened to nice tick values. `includeZero` keeps 0
  /// on the axis (bars, differences).
  init(covering values: [Double], start: Double, end: Double, includeZero: Bool = false) {
    var finite = values.filter(\.isFinite)
    if includeZero { finite.append(0) }
    var low = finite.min() ?? 0
    var high = finite.max() ?? 1
    if low == high {
      low -= 1
      high += 1
    }
    let step = Self.niceStep((high - low) / 5)
    lower = (low / step).rounded(.down) * step
    upper = (high / step).rounded(.up) * step
    self.start = start
    self.end = end
  }

  init(lower: Double, upper: Double, start: Double, end: Double) {
    (self.lower, self.upper, self.start, self.end) = (lower, upper, start, end)
  }

  func position(_ value: Double) -> Double {
    start + (value - lower) / (upper - lower) * (end - start)
  }

  /// Around five tick values from `lower` to `upper`.
  var ticks: [Double] {
    let step = Self.niceStep((upper - lower) / 5)
    var values: [Double] = []
    var value = (lower / step).rounded(.up) * step
    while value <= upper + step * 1e-9 {
      values.append(abs(value) < step * 1e-9 ? 0 : value)
      value += step
    }
    return values
  }

  /// The nice number (1, 2 or 5 × 10^k) nearest above `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let power = pow(10, (log10(raw)).rounded(.down))
    let fraction = raw / power
    return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
  }
}

/// Pieces of SVG markup the charts share.
enum SVGMarkup {
  /// The opening `<svg>` tag: scalable (`viewBox`, width 100%), an image to assistive
  /// technology, labelled by its `<title>` and described by its `<desc>` (the text alternative).
  static func open(id: String, width: Double, height: Double, title: String, description: String) -> String {
    "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(HTMLText.coordinate(width)) \(HTMLText.coordinate(height))\" "
      + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
      + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
      + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
  }

  static func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", className: String = "label"
  ) -> String {
    "<text class=\"\(className)\" x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" "
      + "text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
  }

  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) -> String {
    "<line class=\"\(className)\" x1=\"\(HTMLText.coordinate(x1))\" y1=\"\(HTMLText.coordinate(y1))\" "
      + "x2=\"\(HTMLText.coordinate(x2))\" y2=\"\(HTMLText.coordinate(y2))\"/>"
  }

  /// The frame of a plot over (`left`…`right`, `top`…`bottom`): `xAxis`'s ticks and labels under
  /// it, the bottom and left axis lines, and the x axis's title.
  static func frame(
    xAxis: ChartAxis, xLabel: String, left: Double, right: Double, top: Double, bottom: Double
  ) -> String {
    var markup = ""
    for tick in xAxis.ticks {
      let x = xAxis.position(tick)
      markup += line(x, bottom, x, bottom + 5, className: "axis")
      markup += text(LineChart.tickLabel(tick), x: x, y: bottom + 18, anchor: "middle")
    }
    markup += line(left, bottom, right, bottom, className: "axis")
    markup += line(left, top, left, bottom, className: "axis")
    return markup
      + text(xLabel, x: (left + right) / 2, y: bottom + 36, anchor: "middle", className: "axis-title")
  }

  /// A legend of `names` flowing in rows from (`x`, `y`) within `width`; returns the markup and
  /// the height used. `swatch` draws the key for item `index` at a point.
  static func legend(
    _ names: [String], x: Double, y: Double, width: Double, swatch: (Int, Double, Double) -> String
  ) -> (markup: String, height: Double) {
    var markup = ""
    var cursorX = x
    var cursorY = y
    for (index, name) in names.enumerated() {
      let itemWidth = 34 + Double(name.count) * 6.6
      if cursorX + itemWidth > x + width && cursorX > x {
        cursorX = x
        cursorY += 18
      }
      markup += swatch(index, cursorX, cursorY) + text(name, x: cursorX + 28, y: cursorY + 4)
      cursorX += itemWidth + 10
    }
    return (markup, names.isEmpty ? 0 : cursorY - y + 18)
  }
}
