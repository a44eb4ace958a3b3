import Foundation
import InputFormats
import Testing

/// The one CSV reader, through both of its front ends: `CSVTable` for the spreadsheets a person
/// keeps, `WrittenCSV` for the files cohortsim wrote.
@Suite("the CSV reader")
struct CSVReaderTests {
  @Test("a quoted field may hold the separator, a line break and a doubled quote")
  func quotedFields() throws {
    let records = try WrittenCSV.records("a,b\r\n\"x, \"\"y\"\"\r\nz\",2\r\n")
    #expect(records == [["a", "b"], ["x, \"y\"\r\nz", "2"]])
  }

  @Test("a line break inside a quoted field counts toward the next row's line")
  func linesCountQuotedBreaks() throws {
    let table = try CSVTable(parsing: "name,staff\n\"two\nlines\",1\nnext,2\n")
    #expect(table.rows.map(\.line) == [2, 4])
  }

  @Test("LF, CRLF and CR each end a spreadsheet's row")
  func lineEnds() throws {
    let table = try CSVTable(parsing: "name,staff\na,1\r\nb,2\rc,3\n")
    #expect(table.rows.map(\.fields) == [["a", "1"], ["b", "2"], ["c", "3"]])
    #expect(table.rows.map(\.line) == [2, 3, 4])
  }

  @Test("a byte-order mark is not part of the first column's name")
  func byteOrderMark() throws {
    #expect(try CSVTable(parsing: "\u{FEFF}name,staff\na,1\n").columns == ["name", "staff"])
    #expect(try WrittenCSV.records("\u{FEFF}name,staff\r\na,1\r\n")[0] == ["name", "staff"])
  }

  @Test("a spreadsheet's blank lines are skipped; a written file's are kept as one empty field")
  func blankLines() throws {
    #expect(try CSVTable(parsing: "name,staff\n\na,1\n\n").rows.map(\.fields) == [["a", "1"]])
    #expect(try WrittenCSV.records("name,staff\r\n\r\na,1\r\n") == [["name", "staff"], [""], ["a", "1"]])
  }

  @Test("comment lines before the header are kept with their lines, without their #")
  func comments() throws {
    let table = try CSVTable(parsing: "# as_of: 2026-03-01\n\n#complete: all\nname,staff\na,1\n")
    #expect(table.comments.map(\.line) == [1, 3])
    #expect(table.comments.map(\.text) == ["as_of: 2026-03-01", "complete: all"])
    #expect(table.headerLine == 4)
  }

  @Test("the separator is read from the header: a semicolon or a tab when it holds no comma")
  func separators() throws {
    #expect(try CSVTable(parsing: "name;staff\n\"a;b\";1\n").rows[0].fields == ["a;b", "1"])
    #expect(try CSVTable(parsing: "name\tstaff\na,b\t1\n").rows[0].fields == ["a,b", "1"])
  }

  @Test("a quoted field never closed is refused at the line its row starts on")
  func openQuote() {
    let error = #expect(throws: CSVTable.Problem.self) { try CSVTable(parsing: "name,staff\na,1\nb,\"2\n\n") }
    #expect(error?.location == "line 3, column 2" && error?.message == "a quoted field is never closed")
    let written = #expect(throws: WrittenCSV.Problem.self) { try WrittenCSV.records("a,b\r\n\"x\r\n") }
    #expect(written?.description == "a quoted field is not closed: the file is truncated")
  }

  @Test("a written file whose last line has no line break is reported truncated, with that line")
  func truncated() {
    let error = #expect(throws: WrittenCSV.Problem.self) { try WrittenCSV.records("a,b\r\n1,2\r\n3,") }
    #expect(error?.description == "line 3 does not end with a line break (CRLF or LF): the file is truncated")
  }

  @Test("a written file that is not UTF-8 is refused, never read as U+FFFD")
  func writtenNotUTF8() {
    let error = #expect(throws: WrittenCSV.Problem.self) {
      try WrittenCSV.records(Data("a,b\r\n".utf8) + Data([0xFF]) + Data("\r\n".utf8))
    }
    #expect(
      error?.description == "line 2 or after holds bytes that are not UTF-8 text; cohortsim writes UTF-8")
  }
}
