import Foundation

/// A CSV file as cohortsim writes it (RFC 4180, commas, CRLF line ends), read back: by `check`,
/// `merge`, `report` and a posterior. LF line ends are accepted too, as pandas and R write them
/// when a file is saved again, and a byte-order mark, as a spreadsheet program writes. A
/// truncated last line is reported instead of guessed at. Fields are split by `CSVScanner`, as
/// every CSV file cohortsim reads.
public enum WrittenCSV {
  /// Why a file is not one cohortsim wrote whole: a phrase to follow the file's path.
  public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The records of a file's `data`, each as its fields, in file order, blank lines as one
  /// empty field; bytes that are not UTF-8 are refused, never read as U+FFFD.
  public static func records(_ data: Data) throws(Problem) -> [[String]] {
    guard let text = String(validating: data, as: UTF8.self) else {
      let valid = data.prefix { $0 < 0x80 }
      let line = valid.count { $0 == UInt8(ascii: "\n") } + 1
      throw Problem(
        description: "line \(line) or after holds bytes that are not UTF-8 text; cohortsim writes UTF-8")
    }
    return try records(text)
  }

  /// The records of `text`, each as its fields, in file order.
  /// - Throws: `Problem` when the text is empty, does not end with a line break (a truncated
  ///   write), or leaves a quoted field open.
  /// - Complexity: O(n) in the length of `text`.
  public static func records(_ text: String) throws(Problem) -> [[String]] {
    guard !text.isEmpty else { throw Problem(description: "the file is empty") }
    // On the bytes: as characters, CRLF is one grapheme and does not end with "\n".
    guard text.utf8.last == UInt8(ascii: "\n") else {
      let lines = text.utf8.count { $0 == UInt8(ascii: "\n") } + 1
      throw Problem(
        description: "line \(lines) does not end with a line break (CRLF or LF): the file is truncated")
    }
    var scanner = CSVScanner(text)
    do {
      return try scanner.records(separator: ",").map(\.fields)
    } catch {
      throw Problem(description: "a quoted field is not closed: the file is truncated")
    }
  }
}
