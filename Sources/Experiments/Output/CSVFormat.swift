import Foundation

/// How cohortsim writes a value into a CSV field (RFC 4180): the one place that decides, so every
/// output file spells each column type (`ColumnType`) the same way, and R's `read.csv` and
/// `pandas.read_csv`, both with their defaults, load each column as its schema type.
///
/// - logical: `TRUE`/`FALSE`, the spelling both readers take as booleans (R does not know
///   lowercase `true`).
/// - integer: digits, no decimal point; missing is `NA`.
/// - numeric: shortest round-trip form (Swift's own algorithm, identical on every platform) and
///   always with a decimal point or an exponent (`280.0`, `0.1`, `1e-05`), so a column whose
///   values happen to be whole still loads as a double, not an integer. Missing is `NaN`: both
///   readers treat it as missing (`is.na` in R, `isna` in pandas), and unlike `NA` it makes R
///   type a column that is missing throughout (e.g. `licence_day` with no licensure) as numeric
///   rather than logical.
/// - character: as is, quoted when needed; missing is `NA`.
public enum CSVFormat {
  /// The spelling of a missing integer, logical or text value.
  public static let missing = "NA"
  /// The spelling of a missing number (`ColumnType.numeric`).
  public static let missingNumber = "NaN"

  /// A number as a field: `NaN` for NaN, `Inf`/`-Inf` for infinities (R's spelling), anything
  /// else in shortest round-trip form with a decimal point or an exponent (`280.0`, `1e-05`).
  public static func number(_ value: Double) -> String {
    if value.isNaN { return missingNumber }
    if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
    return value.description
  }

  /// An optional number; nil is `NaN`.
  public static func number(_ value: Double?) -> String { value.map(number) ?? missingNumber }

  /// An optional whole number; nil is `NA`.
  public static func integer(_ value: Int?) -> String { value.map(String.init) ?? missing }

  /// A truth value as `TRUE` or `FALSE`, which R and pandas both read as logical.
  public static func boolean(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }

  /// A seed as `x` and 16 lowercase hex digits. The `x` keeps it text: without it a seed whose
  /// digits are all decimal, or look like `12e45`, would load as a (rounded) number, and R reads
  /// a `0x` prefix as a number too. `--seed` and `--replication-seed` accept this form.
  public static func seedHex(_ seed: UInt64) -> String {
    let digits = String(seed, radix: 16)
    return "x" + String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// A seed as typed or read back: decimal (`1819242607262717710`), or hex after `x` or `0x`
  /// (`x193f2a0c4e8d1b7e`, as `seed_hex` writes it), 1 to 16 hex digits. Nil for anything else.
  public static func seed(_ text: String) -> UInt64? {
    for prefix in ["x", "0x", "X", "0X"] where text.hasPrefix(prefix) {
      let digits = text.dropFirst(prefix.count)
      guard (1...16).contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
      return UInt64(digits, radix: 16)
    }
    guard !text.isEmpty, text.allSatisfy(\.isASCII) else { return nil }
    return UInt64(text)
  }

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
