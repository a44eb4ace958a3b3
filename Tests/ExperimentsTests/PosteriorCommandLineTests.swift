import Experiments
import Foundation
import TestSupport
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A copy of the committed joint calibration in `directory/posterior`.
private func copyOfJointPosterior(in directory: String) throws -> String {
  let copy = directory + "/posterior"
  try FileManager.default.copyItem(
    atPath: root.appendingPathComponent("Results/calibration-joint").path, toPath: copy)
  return copy
}

@Suite("--posterior on the command line", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct PosteriorCommandLineTests {
  @Test(
    "a posterior folder whose posterior.csv was edited is refused with exit 2, naming it, and nothing is written"
  )
  func editedPosterior() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let posterior = try copyOfJointPosterior(in: directory)
    let file = URL(fileURLWithPath: posterior + "/posterior.csv")
    var text = try String(contentsOf: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "4,3,0.0025", with: "4,3,0.0125")
    try Data(text.utf8).write(to: file)
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--posterior", "posterior", "--out", "out", "--quiet"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--posterior posterior") && stderr.contains("posterior.csv"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("--runs-per-particle without --posterior is refused with exit 2")
  func runsPerParticleAlone() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--runs-per-particle", "4", "--out", "out"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--runs-per-particle K applies with --posterior DIR"))
  }

  @Test("a scenario that sets a calibrated field itself is warned, naming the field")
  func overriddenFieldWarning() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let json = tinyScenarioJSON.replacingOccurrences(
      of: "\"years\": 3,", with: "\"years\": 3, \"hiring\": { \"holdWindowDays\": 100 },")
    try Data(json.utf8).write(to: URL(fileURLWithPath: directory + "/tiny.json"))
    _ = try copyOfJointPosterior(in: directory)
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--posterior", "posterior", "--replications", "2", "--out", "out"], in: directory)
    #expect(status == 0)
    #expect(
      stderr.contains("warning: tiny.json sets hiring.holdWindowDays, which --posterior posterior calibrates")
    )
    let warning = stderr.split(separator: "\n").first { $0.contains("warning:") } ?? ""
    #expect(!warning.contains("hiring.lookaheadDays"))
  }

  @Test("a folder holding a posterior run is not replaced by a fixed run without --overwrite")
  func rerunWithoutPosteriorRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    _ = try copyOfJointPosterior(in: directory)
    let arguments = ["run", "tiny.json", "--replications", "2", "--out", "out", "--quiet"]
    let (first, _, _) = try runCohortsim(arguments + ["--posterior", "posterior"], in: directory)
    #expect(first == 0)
    let (again, _, _) = try runCohortsim(arguments + ["--posterior", "posterior"], in: directory)
    #expect(again == 0)
    let (refused, _, stderr) = try runCohortsim(arguments, in: directory)
    #expect(refused == 2)
    #expect(stderr.contains("posterior none (fixed parameters)") && stderr.contains("--overwrite"))
  }

  @Test("check reruns a posterior baseline exactly with --posterior and refuses it without")
  func checkPosteriorBaseline() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    _ = try copyOfJointPosterior(in: directory)
    let (blessed, _, _) = try runCohortsim(
      [
        "check", "tiny.json", "--baseline", "base", "--bless", "--posterior", "posterior",
        "--runs-per-particle", "2",
      ],
      in: directory)
    #expect(blessed == 0)
    let (exact, stdout, _) = try runCohortsim(
      ["check", "tiny.json", "--baseline", "base", "--exact", "--posterior", "posterior"], in: directory)
    #expect(exact == 0)
    #expect(stdout.contains("passed"))
    let (refused, _, stderr) = try runCohortsim(
      ["check", "tiny.json", "--baseline", "base", "--exact"], in: directory)
    #expect(refused == 2)
    #expect(stderr.contains("it ran over the posterior") && stderr.contains("give --posterior"))
  }
}
