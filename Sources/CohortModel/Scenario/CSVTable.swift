import Foundation

/// A small CSV reader for the spreadsheets a program director keeps (sites, current students):
/// RFC 4180 fields (a field in double quotes may hold the separator, and `""` is one quote), one
/// header line naming the columns, every row as wide as the header. It remembers each row's line
/// so that every problem can name the file, the line and the column.
///
/// It forgives what spreadsheet programs write: a UTF-8 byte-order mark, CRLF or CR line ends,
/// and a separator other than the comma — a semicolon (Excel where the decimal mark is a comma)
/// or a tab (a copy from a sheet, "Text (Tab delimited)") — read from the header line. Lines
/// starting with `#` before the header are comments, kept in `comments` (e.g. `# as_of: …`).
struct CSVTable {
  /// The header's names, in file order.
  var columns: [String]
  var rows: [Row]
  var headerLine = 1
  /// The comment lines before the header, without their `#`, each with its line.
  var comments: [(line: Int, text: String)] = []
  /// The separator the header uses: `,`, `;` or a tab.
  var separator: Unicode.Scalar = ","

  struct Row {
    /// 1-based line in the file (the header is line 1).
    var line: Int
    var fields: [String]
  }

  /// A problem at a line and, when it concerns one field, its column (1-based).
  struct Problem: Error, Equatable {
    var line: Int
    var column: Int?
    var message: String

    var location: String { column.map { "line \(line), column \($0)" } ?? "line \(line)" }
  }

  /// The separators read, in the order preferred when a header holds more than one.
  static let separators: [Unicode.Scalar] = [",", ";", "\t"]

  /// How a message names `separator`.
  static func name(of separator: Unicode.Scalar) -> String {
    switch separator {
    case ";": "semicolons"
    case "\t": "tabs"
    default: "commas"
    }
  }

  /// Parses `text`; blank lines are skipped. Fails on a quote left open or a row whose width
  /// differs from the header's.
  /// - Complexity: O(n) in the length of `text`.
  init(parsing text: String) throws(Problem) {
    try self.init(scanning: text)
    try checkWidths()
  }

  /// Parses a file's `bytes` as a spreadsheet whose header should name `expected` columns:
  /// refuses bytes that are not UTF-8 text or hold control characters (which would otherwise
  /// turn into U+FFFD, or be written raw into the results) at their line and column, and a file
  /// whose header names none of `expected` as not such a spreadsheet at all (before counting
  /// its rows' fields, which says nothing useful about, say, /etc/passwd).
  /// - Complexity: O(n) in the number of bytes.
  init(bytes: Data, expected: [String]) throws(Problem) {
    if let problem = Self.encodingProblem(bytes) { throw problem }
    try self.init(scanning: String(decoding: bytes, as: UTF8.self))
    guard columns.contains(where: expected.contains) else {
      let found = columns.joined(separator: String(Character(separator))).prefix(60)
      throw Problem(
        line: headerLine, column: nil,
        message: "is not a spreadsheet of the expected columns: the header should be "
          + "\(expected.joined(separator: ",")), found \"\(found)\"")
    }
    try checkWidths()
  }

  /// The first byte that is not UTF-8 text, or a control character other than a tab or line
  /// break, as a problem at its line and column (columns count characters).
  static func encodingProblem(_ bytes: Data) -> Problem? {
    var line = 1
    var column = 1
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let lead = bytes[index]
      let length: Int
      switch lead {
      case 0x00..<0x80: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      let end = index + max(length, 1)
      guard length > 0, end <= bytes.endIndex,
        let character = String(validating: bytes[index..<end], as: UTF8.self)?.unicodeScalars.first
      else {
        return Problem(
          line: line, column: column,
          message: "holds bytes that are not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in Excel)")
      }
      switch character.value {
      case 0x0A:
        line += 1
        column = 1
      case 0x0D:
        if end < bytes.endIndex, bytes[end] == 0x0A {
        } else {
          line += 1
          column = 1
        }
      case 0x09: column += 1
      case 0x00..<0x20, 0x7F..<0xA0:
        return Problem(
          line: line, column: column,
          message: "holds a control character (U+\(String(character.value, radix: 16, uppercase: true))), "
            + "which no name or value may hold; remove it")
      default: column += 1
      }
      index = end
    }
    return nil
  }

  private init(scanning text: String) throws(Problem) {
    // On scalars, not characters: as a character CRLF is one grapheme, equal to neither
    // "\r" nor "\n".
    var scalars = Array(text.unicodeScalars)[...]
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var line = 1
    func takeLine() -> String {
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
    // Comments and blank lines before the header.
    while let first = scalars.first, first == "#" || first == "\n" || first == "\r" {
      let lineNumber = line
      let text = takeLine()
      if text.hasPrefix("#") {
        comments.append((lineNumber, String(text.dropFirst()).trimmingCharacters(in: .whitespaces)))
      }
    }
    separator = Self.detectSeparator(scalars)
    var records: [Row] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var recordLine = line
    var atFieldStart = true
    let firstLine = line
    func endRecord() {
      fields.append(String(field))
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields)) }
      fields = []
      field = String.UnicodeScalarView()
    }
    while let scalar = scalars.popFirst() {
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
        endRecord()
        line += 1
        recordLine = line
        atFieldStart = true
      default:
        field.append(scalar)
        atFieldStart = false
      }
    }
    if quoted {
      throw Problem(line: recordLine, column: fields.count + 1, message: "a quoted field is never closed")
    }
    endRecord()
    guard let header = records.first else {
      throw Problem(line: firstLine, column: nil, message: "the file is empty; it needs a header line")
    }
    headerLine = header.line
    columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    rows = Array(records.dropFirst())
  }

  /// Every row must be as wide as the header.
  private func checkWidths() throws(Problem) {
    for row in rows where row.fields.count != columns.count {
      let note =
        separator == ","
        ? ""
        : " (the header is separated by \(Self.name(of: separator)): a field holding one must be in double quotes)"
      throw Problem(
        line: row.line, column: min(row.fields.count, columns.count) + 1,
        message: "has \(row.fields.count) fields; the header has \(columns.count)\(note)")
    }
  }

  /// The separator of the header line starting `scalars`: the first of `separators` it holds
  /// outside double quotes, or a comma.
  private static func detectSeparator(_ scalars: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar {
    var found = Set<Unicode.Scalar>()
    var quoted = false
    for scalar in scalars {
      if scalar == "\"" { quoted.toggle() }
      if quoted { continue }
      if scalar == "\n" || scalar == "\r" { break }
      if separators.contains(scalar) { found.insert(scalar) }
    }
    return separators.first(where: found.contains) ?? ","
  }

  /// The index of each required and optional column; fails naming a missing or unknown column.
  func columnIndices(required: [String], optional: [String] = []) throws(Problem) -> [String: Int] {
    var indices: [String: Int] = [:]
    for (index, name) in columns.enumerated() {
      guard required.contains(name) || optional.contains(name) else {
        throw Problem(
          line: headerLine, column: index + 1,
          message: "unknown column \"\(name)\"; the header is \((required + optional).joined(separator: ","))"
        )
      }
      guard indices[name] == nil else {
        throw Problem(line: headerLine, column: index + 1, message: "column \"\(name)\" appears twice")
      }
      indices[name] = index
    }
    for (position, name) in required.enumerated() where indices[name] == nil {
      throw Problem(
        line: headerLine, column: min(position, columns.count) + 1,
        message: "missing column \"\(name)\"; the header must be \(required.joined(separator: ","))")
    }
    return indices
  }
}
