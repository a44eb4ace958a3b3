import Foundation

/// Splits a CSV file as cohortsim writes it (RFC 4180, CRLF line ends) into records and fields,
/// reporting a truncated last line instead of guessing what it held. LF line ends are accepted
/// too, as pandas and R write them when a file is saved again.
enum CSVRecords {
  /// The records of a file's `data`, refusing bytes that are not UTF-8 (never read as U+FFFD).
  static func parse(_ data: Data, path: String) throws(BaselineError) -> [[String]] {
    guard let text = String(validating: data, as: UTF8.self) else {
      let valid = data.prefix { $0 < 0x80 }
      let line = valid.count { $0 == UInt8(ascii: "\n") } + 1
      throw BaselineError(
        path: path,
        problem: "line \(line) or after holds bytes that are not UTF-8 text; cohortsim writes UTF-8")
    }
    return try parse(text, path: path)
  }

  /// The records of `text`, each as its fields, in file order. `path` is for error messages.
  /// - Throws: `BaselineError` when the text does not end with CRLF (a truncated write), or a
  ///   quoted field is not closed.
  /// - Complexity: O(n) in the length of `text`.
  static func parse(_ text: String, path: String) throws(BaselineError) -> [[String]] {
    guard !text.isEmpty else { throw BaselineError(path: path, problem: "the file is empty") }
    // On the bytes: as characters, CRLF is one grapheme and does not end with "\n".
    guard text.utf8.last == UInt8(ascii: "\n") else {
      let lines = text.utf8.count { $0 == UInt8(ascii: "\n") } + 1
      throw BaselineError(
        path: path,
        problem: "line \(lines) does not end with a line break (CRLF or LF): the file is truncated")
    }
    var records: [[String]] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    // A byte-order mark, as a spreadsheet program writes on saving the file again.
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
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
      case "\r" where characters.first == "\n", "\n":
        if character == "\r" { characters.removeFirst() }
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
