import Experiments
import Testing

@Suite("CSV fields")
struct CSVFormatTests {
  @Test("plain text is written as it is")
  func plainText() {
    #expect(CSVFormat.text("nearest-to-home") == "nearest-to-home")
    #expect(CSVFormat.text("") == "")
  }

  @Test(
    "text with a comma, a quote or a line break is quoted with inner quotes doubled",
    arguments: [
      ("a,b", "\"a,b\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("two\nlines", "\"two\nlines\""),
      ("carriage\rreturn", "\"carriage\rreturn\""),
      ("Tiny College, \"East\"", "\"Tiny College, \"\"East\"\"\""),
    ])
  func quoting(text: String, field: String) {
    #expect(CSVFormat.text(text) == field)
  }

  @Test(
    "numbers are written in shortest round-trip form with whole numbers bare",
    arguments: [
      (0.1, "0.1"), (3.0, "3"), (-0.0, "0"), (-2.5, "-2.5"), (1e-5, "1e-05"), (1e20, "1e+20"),
      (0.7662955368748451, "0.7662955368748451"), (440, "440"),
    ])
  func numbers(value: Double, field: String) {
    #expect(CSVFormat.number(value) == field)
    #expect(Double(field) == value)
  }

  @Test("missing values are written NA and infinities as R spells them")
  func missing() {
    #expect(CSVFormat.number(Double.nan) == "NA")
    #expect(CSVFormat.number(Double?.none) == "NA")
    #expect(CSVFormat.integer(nil) == "NA")
    #expect(CSVFormat.number(Double.infinity) == "Inf")
    #expect(CSVFormat.number(-Double.infinity) == "-Inf")
  }

  @Test("a record ends with CRLF as RFC 4180 asks")
  func recordEnding() {
    #expect(CSVFormat.row(["a", "\"b,c\"", "NA"]) == "a,\"b,c\",NA\r\n")
  }
}
