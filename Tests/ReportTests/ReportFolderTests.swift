import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

@Suite("cohortsim report: folders it refuses")
struct ReportFolderTests {
  @Test("a folder without run.json is refused as not a cohortsim folder")
  func noRunJSON() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try FileManager.default.removeItem(atPath: folder + "/run.json")
    let error = try #require(reportError(folder))
    #expect(error.path == folder)
    #expect(error.problem.contains("no run.json"))
  }

  @Test("a run.json that is not cohortsim's is refused")
  func foreignRunJSON() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try writeFile("{\"name\": \"something else\"}", "run.json", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.path.hasSuffix("run.json"))
    #expect(error.problem.contains("not a cohortsim run.json"))
  }

  @Test("a compare folder without comparison.csv is refused, naming the file")
  func missingRequiredFile() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try removeOutput("comparison.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.problem.contains("missing comparison.csv"))
  }

  @Test("a folder without summary.csv is refused, naming the file")
  func missingSummary() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try removeOutput("summary.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.problem.contains("missing summary.csv"))
  }

  @Test("files whose sizes and hashes match run.json are accepted and listed as checked")
  func matchingHashes() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try recordHashes(["summary.csv", "replications.csv", "comparison.csv"], in: folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("comparison.csv, replications.csv, summary.csv: sizes and SHA-256 match run.json"))
  }

  @Test("a file changed after the run is refused, naming the file and the folder")
  func mismatchedHash() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try recordHashes(["summary.csv", "replications.csv", "comparison.csv"], in: folder)
    let summary = readFile("summary.csv", in: folder)
    // Same length, one digit changed: only the hash can tell.
    let changed = summary.replacingOccurrences(
      of: ",3,", with: ",4,", options: [], range: summary.range(of: ",3,"))
    #expect(changed.utf8.count == summary.utf8.count && changed != summary)
    try tamper(changed, "summary.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.problem.contains("\(folder)/summary.csv does not match \(folder)/run.json"))
  }

  @Test("a file run.json lists but the folder lacks is refused")
  func listedFileMissing() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try recordHashes(["summary.csv", "students.csv"], in: folder)
    try FileManager.default.removeItem(atPath: folder + "/students.csv")
    let error = try #require(reportError(folder))
    #expect(error.problem.contains("\(folder)/students.csv is listed in run.json but missing"))
  }

  @Test("a CSV field that is not a number is refused with its line and column")
  func malformedField() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let summary = readFile("summary.csv", in: folder)
    var lines = summary.components(separatedBy: "\r\n")
    var fields = lines[1].components(separatedBy: ",")
    fields[3] = "lots"
    lines[1] = fields.joined(separator: ",")
    try writeFile(lines.joined(separator: "\r\n"), "summary.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.path.hasSuffix("summary.csv:2:4"))
    #expect(error.problem.contains("'lots'"))
  }

  @Test("a path that is not a folder is refused")
  func notAFolder() {
    let error = reportError("/nonexistent/cohortsim-folder")
    #expect(error?.problem == "no such folder")
  }

  @Test("a refused folder is said in the report's words: cannot report on the path, then the problem")
  func refusalWording() {
    let error = reportError("/nonexistent/cohortsim-folder")
    #expect(error?.description == "cannot report on /nonexistent/cohortsim-folder: no such folder")
  }
}

@Suite("cohortsim report: sweep folders")
struct ReportSweepTests {
  /// A sweep folder: the fixture's files with run.json saying `sweep`, plus design.csv, points.csv
  /// and sensitivity.csv in the sweep's column contract.
  func sweepFolder(_ folder: String) throws {
    let path = (folder as NSString).appendingPathComponent("run.json")
    var object =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    object["command_line"] = ["cohortsim", "sweep", "tiny.json"]
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    try writeFile("point,factor,value\r\n0,demand.regionShare,0.01\r\n", "design.csv", in: folder)
    try writeFile(
      "point,strategy,metric,mean\r\n0,nearest-to-home,placed_6m,0.6\r\n", "points.csv", in: folder)
    try writeFile(
      "strategy,metric,factor,index,estimate,ci95_low,ci95_high\r\n"
        + "nearest-to-home,placed_6m,demand.regionShare,total,0.31,0.2,0.4\r\n"
        + "nearest-to-home,placed_6m,hiring.budget,total,0.62,0.5,0.7\r\n",
      "sensitivity.csv", in: folder)
  }

  @Test("a sweep folder's sensitivity indices are drawn, the largest factor first")
  func sensitivityIsDrawn() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try sweepFolder(folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("id=\"chart-sensitivity-1\""))
    #expect(
      html.contains(
        "hiring.budget matters most for working within 6 months (all graduates) under nearest-to-home (total 0.620"
      ))
  }

  @Test("a sweep folder without design.csv is refused, naming the file")
  func sweepNeedsDesign() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try sweepFolder(folder)
    try removeOutput("design.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.problem.contains("missing design.csv, which a sweep folder always has"))
  }
}
