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
    "numbers are written in shortest round-trip form, whole ones with a decimal point",
    arguments: [
      (0.1, "0.1"), (3.0, "3.0"), (-0.0, "-0.0"), (-2.5, "-2.5"), (1e-5, "1e-05"), (1e20, "1e+20"),
      (0.7662955368748451, "0.7662955368748451"), (440, "440.0"),
    ])
  func numbers(value: Double, field: String) {
    #expect(CSVFormat.number(value) == field)
    #expect(Double(field) == value)
  }

  @Test("a missing number is written NaN, other missing values NA, and infinities as R spells them")
  func missing() {
    #expect(CSVFormat.number(Double.nan) == "NaN")
    #expect(CSVFormat.number(Double?.none) == "NaN")
    #expect(CSVFormat.integer(nil) == "NA")
    #expect(CSVFormat.integer(7) == "7")
    #expect(CSVFormat.number(Double.infinity) == "Inf")
    #expect(CSVFormat.number(-Double.infinity) == "-Inf")
  }

  @Test("booleans are written TRUE and FALSE, the spelling R reads as logical")
  func booleans() {
    #expect(CSVFormat.boolean(true) == "TRUE")
    #expect(CSVFormat.boolean(false) == "FALSE")
  }

  @Test(
    "a seed's hex form is x and exactly 16 lowercase hex digits",
    arguments: [
      (UInt64(0), "x0000000000000000"), (UInt64(255), "x00000000000000ff"),
      (UInt64.max, "xffffffffffffffff"), (UInt64(1_819_242_607_262_717_710), "x193f3f833626570e"),
    ])
  func seedHex(seed: UInt64, field: String) {
    #expect(CSVFormat.seedHex(seed) == field)
    #expect(CSVFormat.seed(field) == seed)
  }

  @Test(
    "a seed is read in decimal, or in hex after x or 0x",
    arguments: [
      ("1819242607262717710", UInt64(1_819_242_607_262_717_710)),
      ("x193f3f833626570e", 1_819_242_607_262_717_710),
      ("0x193F3F833626570E", 1_819_242_607_262_717_710), ("x1f", 31), ("18446744073709551615", UInt64.max),
    ])
  func seedForms(text: String, seed: UInt64) {
    #expect(CSVFormat.seed(text) == seed)
  }

  @Test(
    "a seed that is not a 64-bit decimal or 1 to 16 hex digits is refused",
    arguments: ["", "x", "0x", "x12345678901234567", "x12g", "-1", "18446744073709551616", "1e5", " 7", "１"])
  func badSeeds(text: String) {
    #expect(CSVFormat.seed(text) == nil)
  }

  @Test("a record ends with CRLF as RFC 4180 asks")
  func recordEnding() {
    #expect(CSVFormat.row(["a", "\"b,c\"", "NA"]) == "a,\"b,c\",NA\r\n")
  }
}
