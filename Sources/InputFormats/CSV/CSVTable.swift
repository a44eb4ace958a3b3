import Foundation

/// A spreadsheet a program director keeps (sites, current students): one header line naming the
/// columns, every row as wide as the header. It remembers each row's line so that every problem
/// can name the file, the line and the column.
///
/// It forgives what spreadsheet programs write: a UTF-8 byte-order mark, CRLF or CR line ends,
/// blank lines, and a separator other than the comma — a semicolon (Excel where the decimal mark
/// is a comma) or a tab (a copy from a sheet, "Text (Tab delimited)") — read from the header
/// line. Lines starting with `#` before the header are comments, kept in `comments` (e.g.
/// `# as_of: …`). Fields are split by `CSVScanner`, as every CSV file cohortsim reads.
public struct CSVTable: Sendable {
  /// The header's names, in file order, trimmed of spaces.
  public var columns: [String]
  public var rows: [Row]
  public var headerLine = 1
  /// The comment lines before the header, without their `#`, each with its line.
  public var comments: [(line: Int, text: String)] = []
  /// The separator the header uses: `,`, `;` or a tab.
  public var separator: Unicode.Scalar = ","

  public struct Row: Sendable, Equatable {
    /// 1-based line in the file (the header is line 1 unless comments precede it).
    public var line: Int
    public var fields: [String]
  }

  /// A problem at a line and, when it concerns one field, its column (1-based).
  public struct Problem: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int?
    public var message: String

    /// `line 3, column 2`, or `line 3`: where the message applies.
    public var location: String { column.map { "line \(line), column \($0)" } ?? "line \(line)" }
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
  public init(parsing text: String) throws(Problem) {
    try self.init(scanning: text)
    try checkWidths()
  }

  /// Parses a file's `bytes` as a spreadsheet whose header should name `expected` columns:
  /// refuses bytes that are not UTF-8 text or hold control characters (which would otherwise
  /// turn into U+FFFD, or be written raw into the results) at their line and column, and a file
  /// whose header names none of `expected` as not such a spreadsheet at all (before counting
  /// its rows' fields, which says nothing useful about, say, /etc/passwd).
  /// - Complexity: O(n) in the number of bytes.
  public init(bytes: Data, expected: [String]) throws(Problem) {
    if let problem = TextBytes.problem(in: bytes) {
      throw Problem(line: problem.line, column: problem.column, message: problem.message)
    }
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

  private init(scanning text: String) throws(Problem) {
    var scanner = CSVScanner(text)
    // Comments and blank lines before the header.
    while let first = scanner.next, first == "#" || first == "\n" || first == "\r" {
      let lineNumber = scanner.line
      let text = scanner.takeLine()
      if text.hasPrefix("#") {
        comments.append((lineNumber, String(text.dropFirst()).trimmingCharacters(in: .whitespaces)))
      }
    }
    separator = Self.detectSeparator(scanner.rest)
    let firstLine = scanner.line
    let records: [CSVScanner.Record]
    do {
      records = try scanner.records(separator: separator).filter { !$0.isBlank }
    } catch {
      throw Problem(line: error.line, column: error.field, message: "a quoted field is never closed")
    }
    guard let header = records.first else {
      throw Problem(line: firstLine, column: nil, message: "the file is empty; it needs a header line")
    }
    headerLine = header.line
    columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    rows = records.dropFirst().map { Row(line: $0.line, fields: $0.fields) }
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
  public func columnIndices(required: [String], optional: [String] = []) throws(Problem) -> [String: Int] {
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
