import Foundation
import InputFormats

/// A CSV file cohortsim wrote, read back (by `check`, `merge`, `report`, a posterior) through
/// the one CSV reader, `WrittenCSV`, with its problems as `BaselineError`s naming the file.
enum CSVRecords {
  /// The records of a file's `data`, refusing bytes that are not UTF-8 (never read as U+FFFD).
  static func parse(_ data: Data, path: String) throws(BaselineError) -> [[String]] {
    do {
      return try WrittenCSV.records(data)
    } catch {
      throw BaselineError(path: path, problem: error.description)
    }
  }

  /// The records of `text`, each as its fields, in file order. `path` is for error messages.
  /// - Throws: `BaselineError` when the text does not end with a line break (a truncated
  ///   write), or a quoted field is not closed.
  /// - Complexity: O(n) in the length of `text`.
  static func parse(_ text: String, path: String) throws(BaselineError) -> [[String]] {
    do {
      return try WrittenCSV.records(text)
    } catch {
      throw BaselineError(path: path, problem: error.description)
    }
  }

  /// A field as a number, spelled exactly as `CSVFormat.number` writes it: `NaN` is NaN,
  /// `Inf`/`-Inf` infinities, anything else the shortest round-trip decimal with a decimal
  /// point or exponent. Spellings `run` never writes (`nan`, `0x1p-1`, `+0.8`, `1.50`) are
  /// refused: a file holding them was not written by cohortsim.
  static func number(_ field: String) -> Double? {
    switch field {
    case CSVFormat.missingNumber: return .nan
    case "Inf": return .infinity
    case "-Inf": return -.infinity
    default:
      guard let value = Double(field), value.isFinite, CSVFormat.number(value) == field else { return nil }
      return value
    }
  }
}
