import Foundation
import TestSupport
import Testing

@Suite(
  "the changed-defaults note", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct DefaultsNoteCommandLineTests {
  @Test(
    "validate notes the changed defaults on standard error for a file without modelDefaults, and not with it")
  func validateNotesChangedDefaults() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, error) = try runCohortsim(["validate", "tiny.json"], in: directory)
    #expect(status == 0)
    #expect(
      error.contains("tiny.json: note: this scenario does not name \"modelDefaults\": \"2026-12\""),
      "\(error)")
    #expect(error.contains("  hiring.applyProbability: was 0.7, now"), "\(error)")
    let current = tinyScenarioJSON.replacingOccurrences(
      of: #""name": "tiny","#, with: #""name": "tiny", "modelDefaults": "2026-12","#)
    try Data(current.utf8).write(to: URL(fileURLWithPath: directory + "/current.json"))
    let (currentStatus, _, currentError) = try runCohortsim(["validate", "current.json"], in: directory)
    #expect(currentStatus == 0)
    #expect(currentError.isEmpty, "\(currentError)")
  }
}
