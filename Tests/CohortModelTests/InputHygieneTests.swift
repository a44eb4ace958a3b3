import Foundation
import SimKernel
import Testing

@testable import CohortModel

/// What decoding `json` reports, one line per problem (empty when it decodes).
private func problems(_ json: String) -> [String] {
  do {
    _ = try Scenario.decode(Data(json.utf8), file: "test.json")
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

/// A valid minimal scenario with `fields` (JSON text) added at the top level.
private func scenario(_ fields: String = "", name: String = "x") -> String {
  #"{"name": "\#(name)", "programs": [{"name": "A", "xKm": 1, "yKm": 1}]\#(fields.isEmpty ? "" : ", " + fields)}"#
}

/// Whether any message shows Swift's own spelling of a type or value.
private func showsSwiftInternals(_ lines: [String]) -> Bool {
  lines.contains { line in
    ["CohortModel.", "SimKernel.", "Swift.", "Cannot initialize", "NSCocoaErrorDomain", "(value:"].contains {
      line.contains($0)
    }
  }
}

@Suite("every input is checked, and its problems are said in the user's words")
struct InputHygieneTests {
  @Test("a nonzero number too small for a double is named as such, not as an object or a list")
  func underflow() {
    let found = problems(scenario(#""demand": {"freezeProbability": 1e-400}"#))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("demand.freezeProbability: line 1, column") == true)
    #expect(found.first?.contains("1e-400 is too close to zero") == true)
  }

  @Test("zero written with an exponent is still zero")
  func zeroWithExponent() {
    #expect(problems(scenario(#""demand": {"freezeProbability": 0e-999}"#)) == [])
  }

  @Test(
    "a lone UTF-16 surrogate is named as half a pair", arguments: [#"\ud800"#, #"\udc00"#, #"\ud800\u0041"#])
  func loneSurrogate(escape: String) {
    let found = problems(scenario(name: "a\(escape)b"))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("name: line 1, column 12:") == true)
    #expect(found.first?.contains("surrogate pair without its other half") == true)
  }

  @Test("a surrogate pair is one character")
  func surrogatePair() {
    #expect(problems(scenario(name: #"a\ud83d\ude00b"#)) == [])
  }

  @Test(
    "a NUL or other control character in a name is refused at its place",
    arguments: [#"\u0000"#, #"\u001b"#, #"\u007f"#, "\u{85}"])
  func controlCharacters(character: String) {
    let found = problems(scenario(name: "a\(character)b"))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("name: line 1, column") == true)
    #expect(found.first?.contains("control character") == true)
  }

  @Test("line breaks and tabs stay allowed in text")
  func lineBreaksAllowed() {
    #expect(problems(scenario(#""description": "two\nlines\tand a tab""#)) == [])
  }

  @Test("an unknown generator lists the generators allowed, not a Swift type")
  func unknownGenerator() {
    let found = problems(scenario(#""generator": "rand48""#))
    #expect(found == [#"generator: unknown generator "rand48"; allowed: mt19937, taus2, ranlxd2"#])
  }

  @Test("a list of the wrong length is described by its length, not by Swift's dump of it")
  func listDescribed() {
    let exams = (0..<17).map { #"{"name": "e\#($0)", "monthsAfterStart": 1}"# }.joined(separator: ",")
    let found = problems(scenario(#""credentialPathways": {"big": {"exams": [\#(exams)]}}"#))
    #expect(!found.isEmpty)
    #expect(!showsSwiftInternals(found), "\(found)")
  }

  @Test("a huge gapWeeks is reported at gapWeeks, with no number hundreds of digits long")
  func hugeGap() {
    let found = problems(
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1, "rotations": {"gapWeeks": 1e300}}]}"#)
    #expect(found.first?.hasPrefix("programs[0].rotations.gapWeeks: must be from 0 to") == true, "\(found)")
    #expect(found.allSatisfy { $0.count < 300 }, "\(found)")
  }

  @Test("a scenario name too long for a folder is refused by decoding, not first by the file system")
  func longName() {
    let found = problems(scenario(name: String(repeating: "n", count: 201)))
    #expect(found.first?.hasPrefix("name: must be at most 200 bytes long") == true)
    #expect(problems(scenario(name: String(repeating: "n", count: 200))) == [])
  }

  @Test("an impossible region.bounds is reported once, not against every site row")
  func impossibleBoundsOnce() throws {
    let folder = NSTemporaryDirectory() + "bounds-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let rows = (0..<5).map { "Site \($0),hospital,44.5,-123.0,OR,,10,2" }.joined(separator: "\n")
    try Data(("name,kind,latitude,longitude,state,system,staff,capacity\n" + rows).utf8)
      .write(to: URL(fileURLWithPath: folder + "/sites.csv"))
    let json =
      #"{"name": "x", "sitesCsv": "sites.csv", "region": {"states": [{"code": "OR", "share": 1}], "#
      + #""bounds": {"south": 45, "north": 44, "west": -124, "east": -122}}, "#
      + #""programs": [{"name": "A", "latitude": 44.5, "longitude": -123}]}"#
    try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/s.json"))
    let error = try #require(throws: ScenarioError.self) { try loadScenario(folder + "/s.json") }
    let found = error.problems.map(\.description)
    #expect(found.count(where: { $0.contains("region.bounds") }) == 1, "\(found)")
    #expect(found.allSatisfy { !$0.contains("outside region.bounds") }, "\(found)")
  }
}
