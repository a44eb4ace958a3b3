import Experiments
import Foundation
import TestSupport
import Testing

/// The README promises that a rerun with the same settings replaces its folder, and one with other
/// settings is refused naming the setting: calibrations too (issue 29).
@Suite("rerunning a calibration into its own folder")
struct CalibrationRerunTests {
  @Test("a calibration rerun with the same settings replaces its folder")
  func sameSettingsReplace() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try completedTinyCalibration(in: directory)
    guard case .completed = try CalibrationRunner(plan: plan).run() else {
      Issue.record("the rerun did not complete")
      return
    }
  }

  @Test("a calibration rerun with other settings is refused, naming the setting")
  func otherSettingsRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try completedTinyCalibration(in: directory)
    plan.settings.particles = 6
    do {
      _ = try CalibrationRunner(plan: plan).run()
      Issue.record("a rerun with other particles was accepted")
    } catch {
      #expect(error.description.contains("particles 6"), "\(error.description)")
    }
  }
}
