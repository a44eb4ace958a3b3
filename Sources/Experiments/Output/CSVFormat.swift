import Foundation

/// How cohortsim writes a value into a CSV field (RFC 4180): the one place that decides, so every
/// output file spells numbers, missing values and text the same way.
///
/// Numbers are written in their shortest round-trip form (Swift's own algorithm, identical on
/// every platform), so `replications.csv` can be re-aggregated elsewhere to the last bit, and
/// the same bytes come out on every machine. Whole numbers below 10^15 drop the `.0`. A
/// missing value (nil or NaN) is `NA`, which R and pandas both read as missing.
public enum CSVFormat {
  /// The spelling of a missing value.
  public static let missing = "NA"

  /// A number as a field: `NA` for NaN, `Inf`/`-Inf` for infinities (R's spelling), whole
  /// numbers without a decimal point, anything else in shortest round-trip form (`0.1`,
  /// `1e-05`).
  public static func number(_ value: Double) -> String {
    if value.isNaN { return missing }
    if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
  }

  /// An optional number; nil is `NA`.
  public static func number(_ value: Double?) -> String { value.map(number) ?? missing }

  /// An optional whole number; nil is `NA`.
  public static func integer(_ value: Int?) -> String { value.map(String.init) ?? missing }

  /// A truth value as `true` or `false`, which R and pandas both read as logical.
  public static func boolean(_ value: Bool) -> String { value ? "true" : "false" }

  /// Text as a field, quoted only when RFC 4180 requires it: when it holds a comma, a double
  /// quote, a carriage return or a line feed. Quotes inside are doubled.
  /// - Complexity: O(n) in the length of `text`.
  public static func text(_ text: String) -> String {
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// One record: fields already formatted, joined by commas, ended by CRLF as RFC 4180 asks.
  public static func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }
}
