import Foundation

/// Escaping and number spelling shared by the page and its charts, so that every figure is
/// written the same way in the chart, its table and its sentence.
enum HTMLText {
  /// `text` safe inside HTML or SVG text and attribute values.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// `value` with `decimals` digits after the point; `NA` for NaN. C-locale formatting, so the
  /// page is the same on every machine.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NA" : (value > 0 ? "∞" : "−∞") }
    let text = String(format: "%.\(decimals)f", value)
    return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
  }

  /// A share as a percentage, `0.674` → `67%` (or `67.4%` with one decimal).
  static func percent(_ share: Double, decimals: Int = 0) -> String {
    share.isNaN ? "NA" : fixed(share * 100, decimals) + "%"
  }

  /// `value` to `digits` significant digits without an exponent (`0.529`, `97.4`, `1234`), so
  /// parameters of any scale read alike.
  static func significant(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite, value != 0 else { return fixed(value, 0) }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    return fixed(value, max(0, digits - 1 - magnitude))
  }

  /// Coordinates in SVG, to a tenth of a pixel.
  static func coordinate(_ value: Double) -> String { fixed(value, 1) }
}
