import Foundation

/// The check a spreadsheet's bytes pass before they are read as text: UTF-8, and no control
/// character but a tab or a line break. Anything else would turn into U+FFFD, or be written raw
/// into the results.
enum TextBytes {
  /// The first byte that is not UTF-8 text, or a control character other than a tab or line
  /// break, with its 1-based line and column (columns count characters); nil for clean text.
  /// - Complexity: O(n) in the number of bytes.
  static func problem(in bytes: Data) -> (line: Int, column: Int, message: String)? {
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
        return (
          line, column, "holds bytes that are not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in Excel)"
        )
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
        return (
          line, column,
          "holds a control character (U+\(String(character.value, radix: 16, uppercase: true))), "
            + "which no name or value may hold; remove it"
        )
      default: column += 1
      }
      index = end
    }
    return nil
  }
}
