import Foundation

/// Splits a CSV file as cohortsim writes it (RFC 4180, CRLF line ends) into records and fields,
/// reporting a truncated last line instead of guessing what it held.
enum CSVRecords {
  /// The records of `text`, each as its fields, in file order. `path` is for error messages.
  /// - Throws: `BaselineError` when the text does not end with CRLF (a truncated write), or a
  ///   quoted field is not closed.
  /// - Complexity: O(n) in the length of `text`.
  static func parse(_ text: String, path: String) throws(BaselineError) -> [[String]] {
    guard !text.isEmpty else { throw BaselineError(path: path, problem: "the file is empty") }
    guard text.hasSuffix("\r\n") else {
      let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).count
      throw BaselineError(
        path: path, problem: "line \(lines) does not end with CRLF: the file is truncated")
    }
    var records: [[String]] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        fields.append(field)
        field = ""
      case "\r" where characters.first == "\n":
        characters.removeFirst()
        fields.append(field)
        records.append(fields)
        fields = []
        field = ""
      default: field.unicodeScalars.append(character)
      }
    }
    guard !quoted else {
      throw BaselineError(path: path, problem: "a quoted field is not closed: the file is truncated")
    }
    return records
  }

  /// A field as a number: `NaN` (and `NA`, as files before the typed format wrote it) is NaN,
  /// `Inf`/`-Inf` infinities, as `CSVFormat` writes them.
  static func number(_ field: String) -> Double? {
    switch field {
    case CSVFormat.missingNumber, CSVFormat.missing: .nan
    case "Inf": .infinity
    case "-Inf": -.infinity
    default: Double(field)
    }
  }
}
