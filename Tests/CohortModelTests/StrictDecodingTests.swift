import CohortModel
import Foundation
import InputFormats
import SimKernel
import Testing

/// The problems decoding `bytes` reports, one line each.
private func problems(_ bytes: [UInt8]) -> [String] {
  do {
    _ = try Scenario.decode(Data(bytes), file: "test.json")
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

private func problems(_ json: String) -> [String] { problems(Array(json.utf8)) }

/// A valid minimal scenario with `field` (JSON text) added to its first program.
private func withProgramField(_ field: String) -> String {
  #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1, \#(field)}]}"#
}

@Suite("scenario JSON is read strictly")
struct StrictDecodingTests {
  @Test("a key given twice is refused with its path and both places")
  func duplicateKey() {
    let found = problems("{\"name\": \"x\",\n  \"region\": {\"widthKm\": 10, \"widthKm\": 20}}")
    #expect(
      found == [
        "region.widthKm: line 2, column 29: the key \"widthKm\" appears twice in one object (first at line 2, "
          + "column 14); give it once"
      ])
  }

  @Test("keys that differ only by escapes are the same key")
  func escapedDuplicateKey() {
    #expect(
      problems(#"{"name": "x", "na\u006de": "y"}"#).first?.hasPrefix("name: line 1, column 15: the key")
        == true)
  }

  @Test("a syntax error gives its line and column")
  func syntaxError() {
    #expect(
      problems("{\"name\": \"x\",\n \"seed\" 5}") == ["line 2, column 9: expected ':' after the key \"seed\""]
    )
  }

  @Test("NaN and Infinity are refused as not JSON, with the path")
  func nanTokens() {
    #expect(problems(#"{"name": "x", "seed": NaN}"#).first?.hasPrefix("seed: line 1, column 23: NaN") == true)
    #expect(
      problems(#"{"name": "x", "seed": -Infinity}"#).first?.hasPrefix("seed: line 1, column 23: NaN") == true)
  }

  @Test("text after the JSON value is refused")
  func trailingGarbage() {
    #expect(
      problems(#"{"name": "x"} {}"#) == ["line 1, column 15: unexpected text after the end of the JSON value"]
    )
  }

  @Test("nesting deeper than the limit is refused")
  func deepNesting() {
    let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    #expect(problems(deep).first?.contains("nested more than \(StrictJSON.maximumDepth) deep") == true)
  }

  @Test("invalid UTF-8 is refused with its place")
  func invalidUTF8() {
    #expect(
      problems(Array(#"{"name": ""#.utf8) + [0xFF] + Array(#""}"#.utf8)) == [
        "line 1, column 11: the file is not valid UTF-8 text"
      ])
  }

  @Test("a byte-order mark is refused")
  func byteOrderMark() {
    #expect(
      problems([0xEF, 0xBB, 0xBF] + Array(#"{"name": "x"}"#.utf8)).first?.contains("byte-order mark") == true)
  }

  @Test("a number too large for a double is refused with the path")
  func hugeNumber() {
    #expect(
      problems(#"{"name": "x", "seed": 1e400}"#).first?.hasPrefix("seed: line 1, column 23: the number 1e400")
        == true)
  }

  @Test(
    "a number of the wrong kind gives its path, the kind and range allowed, and what was found",
    arguments: [
      (#""maxAttempts": 1.5"#, "maxAttempts", "1.5"), (#""maxAttempts": 1e300"#, "maxAttempts", "1e+300"),
      (#""maxAttempts": "3""#, "maxAttempts", "the string \"3\""),
      (#""maxAttempts": null"#, "maxAttempts", "null"),
    ])
  func wrongKindOfNumber(field: String, key: String, shown: String) {
    let found = problems(
      #"{"name": "x", "credentialPathways": {"p": {"exams": [{"name": "SPI", \#(field)}]}}, "programs": [{"name": "A", "xKm": 1, "yKm": 1}]}"#
    )
    #expect(
      found.contains {
        $0.hasSuffix("\(key): expected a whole number (must be a whole number from 0 to 100), got \(shown)")
      },
      "\(found)")
  }

  @Test("a seed of -1, 1.5 or 2^64 is refused with its path and range")
  func wrongSeed() {
    for seed in ["-1", "1.5", "18446744073709551616"] {
      let found = problems(
        #"{"name": "x", "seed": \#(seed), "programs": [{"name": "A", "xKm": 1, "yKm": 1}]}"#)
      #expect(
        found.first?.hasPrefix("seed: expected a whole number from 0 to 18446744073709551615, got ") == true,
        "\(found)")
    }
  }

  @Test("replications of 200.5 are refused as not a whole number")
  func fractionalReplications() {
    let found = problems(
      #"{"name": "x", "replications": 200.5, "programs": [{"name": "A", "xKm": 1, "yKm": 1}]}"#)
    #expect(found == ["replications: expected a whole number (must be from 1 to 10000000), got 200.5"])
  }

  @Test("sizes above their documented limit are refused naming the limit")
  func sizeLimits() {
    let found = problems(
      #"{"name": "x", "region": {"widthKm": 1e7, "systems": 1e8, "clinics": {"count": 100000000}}, "demand": {"nationalPositions": 1e300}, "programs": [{"name": "A", "xKm": 1, "yKm": 1, "placementRadiusKm": 1e300}]}"#
    )
    #expect(found.contains("region.widthKm: must be > 0 and at most 5000, got 10000000"))
    #expect(found.contains("region.systems: must be a whole number from 0 to 1000, got 100000000"))
    #expect(found.contains("region.clinics.count: must be a whole number from 0 to 10000, got 100000000"))
    #expect(found.contains("demand.nationalPositions: must be > 0 and at most 10000000, got 1e+300"))
    #expect(found.contains("programs[0].placementRadiusKm: must be > 0 and at most 10000, got 1e+300"))
  }

  @Test("a pathway of more than 16 exams is refused")
  func tooManyExams() {
    let exams = (0..<32).map { #"{"name": "E\#($0)"}"# }.joined(separator: ",")
    let found = problems(
      #"{"name": "x", "credentialPathways": {"p": {"exams": [\#(exams)]}}, "programs": [{"name": "A", "xKm": 1, "yKm": 1}]}"#
    )
    #expect(found.contains { $0.contains("must list from 1 to 16 exams (got 32)") }, "\(found)")
  }

  @Test("discrete weights whose sum overflows are refused")
  func overflowingWeights() {
    let found = problems(
      withProgramField(#""cohortSize": {"discrete": {"values": [1, 2], "weights": [1e308, 1e308]}}"#))
    #expect(
      found.contains { $0.hasPrefix("programs[0].cohortSize.discrete.weights: weights must be finite") },
      "\(found)")
  }

  @Test("a list of whole numbers holding 1.5 is refused with the list's path")
  func fractionInIntegerList() {
    let found = problems(withProgramField(#""intakeYears": [2024, 1.5]"#))
    #expect(
      found == ["programs[0].intakeYears: expected a list of whole numbers, got an object or a list"],
      "\(found)")
  }

  @Test("fewer national positions than openings a year are refused at nationalPositions")
  func positionsBelowOpenings() {
    let found = problems(
      #"{"name": "x", "demand": {"nationalOpeningsPerYear": 5800, "nationalPositions": 0.5}, "programs": [{"name": "A", "xKm": 1, "yKm": 1}]}"#
    )
    #expect(found == ["demand.nationalPositions: must be at least nationalOpeningsPerYear (5800), got 0.5"])
  }
}
