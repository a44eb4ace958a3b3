import Experiments
import Foundation
import TestSupport
import Testing

@Suite("cohortsim check's exit codes", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct CheckCommandLineTests {
  @Test(
    "check exits 0 when unchanged, 1 when --exact finds a difference, and 2 on a truncated baseline, naming the file"
  )
  func exitCodes() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (blessed, _, _) = try runCohortsim(
      ["check", "tiny.json", "--baseline", "base", "--bless"], in: directory)
    #expect(blessed == 0)
    let (passed, stdout, _) = try runCohortsim(["check", "tiny.json", "--baseline", "base"], in: directory)
    #expect(passed == 0)
    #expect(stdout.contains("passed"))
    let changed = tinyScenarioJSON.replacingOccurrences(of: "\"seed\": 42", with: "\"seed\": 43")
    try Data(changed.utf8).write(to: URL(fileURLWithPath: directory + "/tiny.json"))
    let (differs, differences, _) = try runCohortsim(
      ["check", "tiny.json", "--baseline", "base", "--exact"], in: directory)
    #expect(differs == 1)
    #expect(differences.contains("summary.csv differs at line 2"))
    let path = directory + "/base/replications.csv"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.dropLast(5).write(to: URL(fileURLWithPath: path))
    let (bad, _, stderr) = try runCohortsim(["check", "tiny.json", "--baseline", "base"], in: directory)
    #expect(bad == 2)
    #expect(stderr.contains("base/replications.csv does not match") && stderr.contains("base/run.json"))
  }
}
