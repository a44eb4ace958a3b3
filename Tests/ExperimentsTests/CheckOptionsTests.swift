import Experiments
import Foundation
import TestSupport
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path
private let oregon = root + "/Scenarios/one-program-oregon.json"
private let oregonStudents = root + "/Scenarios/one-program-oregon-current-students.csv"

/// `check` takes the options `run` does where they make sense (issue 26): a warm start and a seed,
/// so CI can guard a warm-started scenario.
@Suite("check's warm start and seed", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct CheckOptionsTests {
  @Test("check --current-students reruns a warm-started folder exactly, and without it the folder differs")
  func warmStartedFolderChecks() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (ran, _, error) = try runCohortsim(
      [
        "run", oregon, "--current-students", oregonStudents, "--replications", "3", "--quiet", "--out",
        "warm",
      ],
      in: directory)
    #expect(ran == 0, "\(error)")
    let (same, _, _) = try runCohortsim(
      ["check", oregon, "--current-students", oregonStudents, "--baseline", "warm", "--exact", "--quiet"],
      in: directory)
    #expect(same == 0)
    let (cold, _, _) = try runCohortsim(
      ["check", oregon, "--baseline", "warm", "--exact", "--quiet"], in: directory)
    #expect(cold == 1)
  }

  @Test("check --seed runs the targets with that seed and says so")
  func seedOverridesTheScenarios() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let targets = #"{"targets": [{"metric": "graduates", "low": 0, "high": 100000, "source": "s"}]}"#
    try Data(targets.utf8).write(to: URL(fileURLWithPath: directory + "/t.json"))
    let (status, output, _) = try runCohortsim(
      ["check", oregon, "--targets", "t.json", "--replications", "2", "--seed", "9", "--quiet"], in: directory
    )
    #expect(status == 0)
    #expect(output.contains("seed 9)"))
  }

  @Test("check --as-of without --current-students is a usage error")
  func asOfNeedsAFile() throws {
    let (status, _, error) = try runCohortsim(
      ["check", oregon, "--as-of", "2026-01-01"], in: temporaryDirectory())
    #expect(status == 2)
    #expect(error.contains("--current-students"))
  }
}
