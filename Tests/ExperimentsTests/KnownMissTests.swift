import Experiments
import Foundation
import TestSupport
import Testing

/// `check --targets` with targets marked `knownMiss`: a strict expected failure, so a known gap
/// stays visible, and closing it (the target holds) fails until the note is removed.
@Suite("known misses in check --targets")
struct KnownMissTests {
  /// Writes the tiny scenario and a targets file of one `graduates` target with the band and note
  /// given, runs `check --targets` and returns its status and standard output.
  private func check(low: Int, high: Int, knownMiss: String?) throws -> (Int32, String) {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let note = knownMiss.map { #", "knownMiss": "\#($0)""# } ?? ""
    let targets =
      #"{"targets": [{"metric": "graduates", "low": \#(low), "high": \#(high), "source": "s"\#(note)}]}"#
    try Data(targets.utf8).write(to: URL(fileURLWithPath: "\(directory)/targets.json"))
    let (status, output, _) = try runCohortsim(
      ["check", "tiny.json", "--targets", "targets.json", "--replications", "2", "--quiet"], in: directory)
    return (status, output)
  }

  @Test("a known miss that is still missed passes, and says so")
  func stillMissedPasses() throws {
    let (status, output) = try check(low: 100_000, high: 200_000, knownMiss: "too few programs")
    #expect(status == 0)
    #expect(output.contains("known miss (too few programs)"))
    #expect(output.contains("1 known misses still missed"))
  }

  @Test("a known miss that now holds fails, asking for the note's removal")
  func nowHoldingFails() throws {
    let (status, output) = try check(low: 0, high: 1000, knownMiss: "too few programs")
    #expect(status == 1)
    #expect(output.contains("remove knownMiss"))
  }

  @Test("a target outside its band without a note still fails")
  func unmarkedMissFails() throws {
    let (status, output) = try check(low: 100_000, high: 200_000, knownMiss: nil)
    #expect(status == 1)
    #expect(output.contains("OUTSIDE"))
  }

  @Test("an empty knownMiss is refused with its field path")
  func emptyNoteRefused() throws {
    let json =
      #"{"targets": [{"metric": "graduates", "low": 0, "high": 1, "source": "s", "knownMiss": " "}]}"#
    #expect(throws: CalibrationError.self) { try CalibrationTargets.decode(Data(json.utf8), file: "T.json") }
    do {
      _ = try CalibrationTargets.decode(Data(json.utf8), file: "T.json")
    } catch {
      #expect(error.description.contains("targets[0].knownMiss"))
    }
  }
}
