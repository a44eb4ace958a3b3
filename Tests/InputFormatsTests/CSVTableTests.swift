import Foundation
import InputFormats
import Testing

@Suite("CSV inputs are UTF-8 text of the expected columns")
struct CSVInputTests {
  let expected = ["name", "kind", "staff"]

  func problem(_ bytes: [UInt8]) -> CSVTable.Problem? {
    do {
      _ = try CSVTable(bytes: Data(bytes), expected: expected)
      return nil
    } catch {
      return error
    }
  }

  @Test("invalid UTF-8 in a field is refused at its line and column, not turned into U+FFFD")
  func invalidUTF8() throws {
    let found = try #require(
      problem(Array("name,kind,staff\nab".utf8) + [0xFF, 0xFE] + Array(",clinic,2\n".utf8)))
    #expect(found.line == 2 && found.column == 3)
    #expect(found.message.contains("not UTF-8"))
  }

  @Test("a NUL byte in a name is refused at its line and column")
  func nulByte() throws {
    let found = try #require(
      problem(Array("name,kind,staff\r\nok,clinic,2\r\na".utf8) + [0] + Array("b,clinic,2".utf8)))
    #expect(found.line == 3 && found.column == 2)
    #expect(found.message.contains("control character (U+0)"))
  }

  @Test("a file with none of the expected columns is said not to be such a spreadsheet")
  func notASpreadsheet() throws {
    let passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon,,,:/usr/sbin:/usr/sbin/nologin\n"
    let found = try #require(problem(Array(passwd.utf8)))
    #expect(found.line == 1)
    #expect(
      found.message.hasPrefix(
        "is not a spreadsheet of the expected columns: the header should be name,kind,staff"))
  }

  @Test("a good file with a tab inside a field reads")
  func goodFile() {
    #expect(problem(Array("name,kind,staff\n\"a\tb\",clinic,2\n".utf8)) == nil)
  }
}
