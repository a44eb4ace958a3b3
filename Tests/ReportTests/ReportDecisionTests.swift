import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

/// Rewrites the fixture's comparison.csv: rows of `metric` get `fields` (mean_diff, ci95_low,
/// ci95_high, p_value, p_holm); every other compared row gets no difference at p = 1.
func setComparison(_ metrics: [String: [String]], in folder: String) throws {
  let lines = readFile("comparison.csv", in: folder).components(separatedBy: "\r\n").filter { !$0.isEmpty }
  let rewritten =
    [lines[0]]
    + lines.dropFirst().map { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields[0] != fields[1] else { return line }
      return (fields.prefix(3) + (metrics[fields[2]] ?? ["0", "-0.001", "0.001", "1", "1"])).joined(
        separator: ",")
    }
  try writeFile(rewritten.joined(separator: "\r\n") + "\r\n", "comparison.csv", in: folder)
}

/// The `data-NAME` attribute of a number span, and the number it shows.
func spanAttribute(_ span: String, _ name: String) -> String {
  String(
    (pieces(of: span, from: "data-\(name)=\"", to: "\"").first ?? "").dropFirst(name.count + 7).dropLast())
}
func spanValue(_ span: String) -> Double {
  Double(span.split(separator: ">").last.map { String($0.dropLast(6)) } ?? "") ?? .nan
}

/// The decision box's HTML.
func decisionBox(_ html: String) -> String {
  pieces(of: html, from: "<div class=\"decision\"", to: "</div>").first ?? ""
}

@Suite("cohortsim report: the decision box")
struct ReportDecisionTests {
  @Test("a compare folder's page opens with the decision section")
  func decisionComesFirst() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    let decision = try #require(html.range(of: "<section id=\"decision\">"))
    let headline = try #require(html.range(of: "<section id=\"headline\">"))
    #expect(decision.lowerBound < headline.lowerBound)
  }

  @Test("where no strategy differs the box says so in words, with no 0.0 interval")
  func noDifferenceInWords() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try setComparison([:], in: folder)
    let box = decisionBox(try HTMLReport.build(directory: folder))
    #expect(box.contains("No strategy differs clearly from nearest-to-home"))
    #expect(box.contains("less than 0.1"))
    #expect(!box.contains("0.0 to 0.0") && !box.contains("0.0 (0.0"))
    #expect(box.contains("no strategy differs clearly from the others"))
  }

  @Test("a clear difference in placement is spoken in graduates per cohort with its Holm-adjusted interval")
  func clearDifferenceInGraduatesPerCohort() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try setComparison(["placed_6m": ["-0.1", "-0.15", "-0.05", "0.0001", "0.001"]], in: folder)
    let html = try HTMLReport.build(directory: folder)
    let box = decisionBox(html)
    #expect(box.contains("<strong>nearest-to-home</strong> is best"))
    let span = try #require(pieces(of: box, from: "data-column=\"mean_diff\"", to: "</span>").first)
    // Spoken as "fewer", so the scale carries the sign: shown = value × scale.
    let scale = -(try #require(Double(spanAttribute(span, "scale"))))
    #expect(scale > 1, "graduates per cohort: \(span)")
    #expect(abs(spanValue(span) - 0.1 * scale) < 0.05, "\(span)")
    #expect(box.contains("fewer graduates per cohort working within 6 months (Holm-adjusted interval"))
    // The Holm-adjusted interval is wider than the file's 95% interval (many comparisons).
    let near = pieces(of: box, from: "data-column=\"holm_high\"", to: "</span>").first ?? ""
    #expect(spanValue(near) < 0.05 * scale, "\(near)")
  }

  @Test(
    "a difference whose 95% interval misses zero but that Holm's procedure does not call clear is not a verdict"
  )
  func unclearAfterHolmIsNoDifference() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try setComparison(["placed_6m": ["-0.1", "-0.15", "-0.05", "0.001", "0.2"]], in: folder)
    let box = decisionBox(try HTMLReport.build(directory: folder))
    let placement = try #require(
      pieces(of: box, from: "<dt>Working within 6 months (all graduates)", to: "</dd>").first)
    #expect(placement.contains("No strategy differs clearly from nearest-to-home"), "\(placement)")
  }

  @Test("the advice names the strategy best on the most metrics and the metrics where none differs")
  func adviceNamesTheBest() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try setComparison(
      [
        "hired_at_rotation_site": ["0.1", "0.05", "0.15", "0.0001", "0.001"],
        "relocated_rate": ["-0.02", "-0.03", "-0.01", "0.0001", "0.001"],
      ], in: folder)
    let box = decisionBox(try HTMLReport.build(directory: folder))
    #expect(
      box.contains(
        "use <strong>random</strong>: it is among the best on hires at a rotation site and hires that needed a move"
      ))
    #expect(box.contains("On working within 6 months (all graduates)"))
    #expect(box.contains("Caveat:"))
  }

  @Test("a --select-best folder's box names the selected strategy with its mean from selection.csv")
  func selectionIsNamed() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try writeFile(
      "strategy,status,eliminated_after,mean,replications\r\nnearest-to-home,eliminated,12,0.61,12\r\n"
        + "random,selected,NA,0.6789,30\r\n", "selection.csv", in: folder)
    let runJSON = (folder as NSString).appendingPathComponent("run.json")
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: runJSON)))
        as? [String: Any])
    object["select_best"] = ["metric": "placed_6m", "minimise": false, "confidence": 0.95]
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: runJSON))
    let box = decisionBox(try HTMLReport.build(directory: folder))
    #expect(box.contains("it selected <strong>random</strong>"))
    #expect(box.contains(">67.9</span>%"), "\(box)")
  }
}
