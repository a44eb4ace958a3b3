import Foundation
import Testing

@testable import Experiments

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
    try FileManager.default.removeItem(atPath: folder + "/comparison.csv")
    let error = try #require(reportError(folder))
    #expect(error.problem.contains("missing comparison.csv"))
  }

  @Test("a folder without summary.csv is refused, naming the file")
  func missingSummary() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try FileManager.default.removeItem(atPath: folder + "/summary.csv")
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
    try writeFile(changed, "summary.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.path.hasSuffix("summary.csv"))
    #expect(error.problem.contains("does not match run.json in folder \(folder)"))
  }

  @Test("a file run.json lists but the folder lacks is refused")
  func listedFileMissing() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try recordHashes(["summary.csv", "students.csv"], in: folder)
    try FileManager.default.removeItem(atPath: folder + "/students.csv")
    let error = try #require(reportError(folder))
    #expect(error.path.hasSuffix("students.csv"))
    #expect(error.problem.contains("missing from folder"))
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
}
