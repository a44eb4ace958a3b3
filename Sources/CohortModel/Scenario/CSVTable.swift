import Foundation

/// A small CSV reader for the spreadsheets a program director keeps (sites, current students):
/// RFC 4180 fields (a field in double quotes may hold commas, and `""` is one quote), one header
/// line naming the columns, every row as wide as the header. It remembers each row's line so
/// that every problem can name the file, the line and the column.
struct CSVTable {
  /// The header's names, in file order.
  var columns: [String]
  var rows: [Row]
  var headerLine = 1

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

  /// Parses `text`; blank lines are skipped. Fails on a quote left open or a row whose width
  /// differs from the header's.
  /// `firstLine` numbers the text's first line (after comment lines a caller removed).
  init(parsing text: String, firstLine: Int = 1) throws(Problem) {
    var records: [Row] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var line = firstLine
    var recordLine = firstLine
    var atFieldStart = true
    var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    func endRecord() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields)) }
      fields = []
      field = ""
    }
    while index < characters.count {
      let character = characters[index]
      index += 1
      if quoted {
        if character == "\"" {
          if index < characters.count && characters[index] == "\"" {
            field.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          if character == "\n" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where atFieldStart:
        quoted = true
        atFieldStart = false
      case ",":
        fields.append(field)
        field = ""
        atFieldStart = true
      case "\n", "\r":
        endRecord()
        line += 1
        recordLine = line
        atFieldStart = true
      default:
        field.append(character)
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
    for row in rows where row.fields.count != columns.count {
      throw Problem(
        line: row.line, column: min(row.fields.count, columns.count) + 1,
        message: "has \(row.fields.count) fields; the header has \(columns.count)")
    }
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
