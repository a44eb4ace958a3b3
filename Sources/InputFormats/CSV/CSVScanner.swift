/// The one reading of CSV text into records of fields (RFC 4180), under both of cohortsim's CSV
/// front ends: `CSVTable` (a spreadsheet a person keeps) and `WrittenCSV` (a file cohortsim
/// wrote). A field in double quotes may hold the separator and line breaks, and `""` in it is one
/// quote; a record ends at LF, CRLF or CR. Each record keeps the line it starts on, so that a
/// problem can name it.
///
/// It works on Unicode scalars, not characters: as a character CRLF is one grapheme, equal to
/// neither "\r" nor "\n".
struct CSVScanner {
  /// One record and the 1-based line it starts on. A blank line is a record of one empty field.
  struct Record: Equatable {
    var line: Int
    var fields: [String]

    var isBlank: Bool { fields.count == 1 && fields[0].isEmpty }
  }

  /// A quoted field still open at the end of the text: the line its record starts on, and the
  /// field's 1-based position in it.
  struct OpenQuote: Error, Equatable {
    var line: Int
    var field: Int
  }

  private var scalars: ArraySlice<Unicode.Scalar>
  /// The line the next scalar is on.
  private(set) var line: Int

  /// Scans `text` from its start, which is on `line`; a byte-order mark is skipped.
  init(_ text: String, line: Int = 1) {
    scalars = Array(text.unicodeScalars)[...]
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    self.line = line
  }

  /// The scalar that starts the text still to read.
  var next: Unicode.Scalar? { scalars.first }

  /// Takes one physical line whole, without its line break: a comment or a blank line before a
  /// spreadsheet's header.
  mutating func takeLine() -> String {
    var taken = String.UnicodeScalarView()
    while let scalar = scalars.popFirst() {
      if scalar == "\n" { break }
      if scalar == "\r" {
        if scalars.first == "\n" { scalars.removeFirst() }
        break
      }
      taken.append(scalar)
    }
    line += 1
    return String(taken)
  }

  /// The text still to read: a spreadsheet's separator is detected from its header line.
  var rest: ArraySlice<Unicode.Scalar> { scalars }

  /// Every record in the rest of the text, blank lines included, split at `separator`. A last
  /// record without a line break is kept; the text's last line break starts no record.
  /// - Throws: `OpenQuote` when a quoted field is never closed.
  /// - Complexity: O(n) in the length of the text.
  mutating func records(separator: Unicode.Scalar) throws(OpenQuote) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var atFieldStart = true
    var recordLine = line
    var recordStarted = false
    while let scalar = scalars.popFirst() {
      recordStarted = true
      if quoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            field.append("\"")
            scalars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          if scalar == "\n" || (scalar == "\r" && scalars.first != "\n") { line += 1 }
          field.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where atFieldStart:
        quoted = true
        atFieldStart = false
      case separator:
        fields.append(String(field))
        field = String.UnicodeScalarView()
        atFieldStart = true
      case "\n", "\r":
        if scalar == "\r" && scalars.first == "\n" { scalars.removeFirst() }
        fields.append(String(field))
        records.append(Record(line: recordLine, fields: fields))
        fields = []
        field = String.UnicodeScalarView()
        line += 1
        recordLine = line
        atFieldStart = true
        recordStarted = false
      default:
        field.append(scalar)
        atFieldStart = false
      }
    }
    if quoted { throw OpenQuote(line: recordLine, field: fields.count + 1) }
    if recordStarted {
      fields.append(String(field))
      records.append(Record(line: recordLine, fields: fields))
    }
    return records
  }
}
