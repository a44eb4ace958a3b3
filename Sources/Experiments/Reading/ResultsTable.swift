import Foundation

/// One CSV file of a results folder, read by column name so that added columns (a later
/// `p_holm`, `seed_hex`) never break a reader, and a missing one is named in the error.
public struct ResultsTable {
  /// The file's path, for error messages.
  public let path: String
  public let header: [String]
  public let rows: [[String]]

  /// Reads and splits `path`.
  /// - Throws: `FolderReadError` when the file is unreadable, truncated or has rows of the wrong width.
  public init(path: String) throws(FolderReadError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FolderReadError(path: path, problem: "the file cannot be read")
    }
    let records: [[String]]
    do {
      records = try CSVRecords.parse(data, path: path)
    } catch {
      throw FolderReadError(path: path, problem: error.problem)
    }
    self.path = path
    header = records[0]
    rows = Array(records.dropFirst())
    for (index, row) in rows.enumerated() where row.count != header.count {
      throw FolderReadError(
        path: path,
        problem: "line \(index + 2) has \(row.count) fields; the header has \(header.count)")
    }
  }

  public func has(_ column: String) -> Bool { header.contains(column) }

  /// The index of every column in `columns`.
  /// - Throws: `FolderReadError` naming the first missing column and the columns found.
  public func require(_ columns: [String]) throws(FolderReadError) -> [Int] {
    var indices: [Int] = []
    for column in columns {
      guard let index = header.firstIndex(of: column) else {
        throw FolderReadError(
          path: path,
          problem:
            "no column '\(column)'; expected \(columns.joined(separator: ",")), found \(header.joined(separator: ","))"
        )
      }
      indices.append(index)
    }
    return indices
  }

  /// A field as a number: whole (`3`) or decimal (`0.5`, `1e-05`); `NaN` and `NA` are NaN,
  /// `Inf`/`-Inf` infinities. Integer columns are read too, so this is wider than the exact
  /// spelling `CSVRecords.number` demands of a metric; the folder's hashes already vouch for it.
  public static func number(_ field: String) -> Double? {
    switch field {
    case CSVFormat.missingNumber, CSVFormat.missing: .nan
    case "Inf": .infinity
    case "-Inf": -.infinity
    default: Double(field)
    }
  }

  /// The number in row `row` (0-based, after the header), column `column`; `NA` is NaN.
  /// - Throws: `FolderReadError` with line:column when the field is not a number.
  public func number(_ row: Int, _ column: Int) throws(FolderReadError) -> Double {
    guard let value = Self.number(rows[row][column]) else {
      throw FolderReadError(
        path: "\(path):\(row + 2):\(column + 1)",
        problem: "'\(rows[row][column])' in column \(header[column]) is not a number or NA")
    }
    return value
  }
}
