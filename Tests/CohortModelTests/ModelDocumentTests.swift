import Foundation
import Testing

/// MODEL.md against the code it describes.
@Suite("MODEL.md and the code")
struct ModelDocumentTests {
  /// The case names of `enum CohortEvent`, read from its source file.
  static func eventCases() throws -> [String] {
    let source = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Sources/CohortModel/Mechanisms/CohortEvent.swift"),
      encoding: .utf8)
    let body = try #require(source.range(of: "enum CohortEvent {")).upperBound
    let end = try #require(source[body...].range(of: "\n}")).lowerBound
    return source[body..<end].split(separator: "\n").compactMap { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("case ") else { return nil }
      return String(trimmed.dropFirst(5).prefix { $0.isLetter || $0.isNumber })
    }
  }

  /// The event names in the first column of MODEL.md §3's table.
  static func documentedEvents() throws -> [String] {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/MODEL.md"), encoding: .utf8)
    let start = try #require(text.range(of: "## 3 Process overview and scheduling")).upperBound
    let end = try #require(text[start...].range(of: "\n## 4 ")).lowerBound
    return text[start..<end].split(separator: "\n").compactMap { line in
      guard line.hasPrefix("| `") else { return nil }
      return String(line.dropFirst(3).prefix { $0.isLetter || $0.isNumber })
    }
  }

  @Test("MODEL.md §3's event table lists every CohortEvent case once, in the enum's order")
  func eventTableListsEveryEvent() throws {
    let cases = try Self.eventCases()
    #expect(cases.count > 20, "the enum was not read: \(cases)")
    #expect(try Self.documentedEvents() == cases)
  }
}
