import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

@Suite(
  "cohortsim report on the command line", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct ReportCommandLineTests {
  @Test("report writes DIR/report.html and exits 0")
  func writesThePage() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let (status, stdout, _) = try runCohortsim(["report", folder], in: root)
    #expect(status == 0)
    #expect(stdout.contains("report.html"))
    #expect(readFile("report.html", in: folder).hasPrefix("<!DOCTYPE html>"))
  }

  @Test("report on a folder with a mismatched hash exits 2, names the file and writes nothing")
  func badFolderExitsTwo() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try recordHashes(["replications.csv"], in: folder)
    try tamper(readFile("replications.csv", in: folder) + "x\r\n", "replications.csv", in: folder)
    let (status, _, stderr) = try runCohortsim(["report", folder, "--out", root + "/page.html"], in: root)
    #expect(status == 2)
    #expect(stderr.contains("replications.csv"))
    #expect(!FileManager.default.fileExists(atPath: root + "/page.html"))
    #expect(!FileManager.default.fileExists(atPath: root + "/page.html.partial"))
  }

  @Test("report on a folder without run.json exits 2")
  func notCohortsimFolderExitsTwo() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    let (status, _, stderr) = try runCohortsim(["report", root], in: root)
    #expect(status == 2)
    #expect(stderr.contains("no run.json"))
    #expect(listing(root).filter { !$0.hasPrefix(".") }.isEmpty)
  }

  @Test(
    "report on a calibrate folder without posterior_summary.csv exits 2, names the file and writes nothing")
  func calibrateFolderMissingSummaryExitsTwo() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    try removeOutput("posterior_summary.csv", in: folder)
    let (status, _, stderr) = try runCohortsim(["report", folder], in: root)
    #expect(status == 2)
    #expect(stderr.contains("missing posterior_summary.csv"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/report.html"))
  }

  @Test("help report describes the command")
  func helpReport() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    let (status, stdout, _) = try runCohortsim(["help", "report"], in: root)
    #expect(status == 0)
    #expect(stdout.contains("cohortsim report DIR [--out FILE.html]"))
    #expect(stdout.contains("posterior predictive"))
  }
}
