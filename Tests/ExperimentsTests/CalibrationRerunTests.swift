import Experiments
import Foundation
import TestSupport
import Testing

/// The folder's `run.json` as JSON.
private func runJSON(_ plan: CalibrationPlan) throws -> [String: Any] {
  let data = try #require(FileManager.default.contents(atPath: plan.outputDirectory + "/run.json"))
  return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// The message a rerun of `plan` into its folder is refused with, or nil when it completes.
private func refusal(_ plan: CalibrationPlan) -> String? {
  do {
    guard case .completed = try CalibrationRunner(plan: plan).run() else {
      return "the rerun did not complete"
    }
    return nil
  } catch {
    return error.description
  }
}

/// The README promises that a rerun with the same settings replaces its folder, and one with other
/// settings is refused naming the setting: calibrations too (issue 29).
@Suite("rerunning a calibration into its own folder")
struct CalibrationRerunTests {
  @Test("a calibration rerun with the same settings replaces its folder")
  func sameSettingsReplace() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try completedTinyCalibration(in: directory)
    let before = try runJSON(plan)
    // Threads are not a setting: the rerun's run.json, which records them, shows the folder replaced.
    plan.settings.jobs = 1
    plan.provenance.commandLine = ["rerun"]
    #expect(refusal(plan) == nil)
    let after = try runJSON(plan)
    #expect(before["jobs"] as? Int == 2 && after["jobs"] as? Int == 1)
    #expect(after["command_line"] as? [String] == ["rerun"])
    #expect(
      (after["files"] as? [String: Any])?.keys.sorted() == (before["files"] as? [String: Any])?.keys.sorted())
  }

  @Test(
    "a calibration rerun with other settings is refused, naming the setting and both values, and changes nothing"
  )
  func otherSettingsRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try completedTinyCalibration(in: directory)
    let before = snapshot(plan.outputDirectory)
    plan.settings.particles = 6
    let message = try #require(refusal(plan))
    // The remedy is a fact here; the command line words it as "add --overwrite" (ErrorMessages).
    #expect(
      message.contains("particles 6 (the folder holds particles 5); set overwrite to replace it"),
      "\(message)")
    #expect(snapshot(plan.outputDirectory) == before)
  }

  @Test("a calibration rerun against other targets bytes is refused, naming the targets' SHA-256")
  func otherTargetsRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try completedTinyCalibration(in: directory)
    plan.targetsSha256 = "1"
    let message = try #require(refusal(plan))
    #expect(message.contains("targets SHA-256 1 (the folder holds targets SHA-256 0)"), "\(message)")
  }
}
