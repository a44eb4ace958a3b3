import Foundation
import TestSupport
import Testing

/// A scenario of 1,000 generated programs of 500 students (about 5 million students a
/// replication): every field within its own bound, the whole far over the estimate's limit.
private let hugeScenario = #"""
  {"name": "huge", "programs": [],
   "generatedPrograms": {"count": 1000, "template": {"cohortSize": 500,
     "intakeYears": [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033]}}}
  """#

/// Runs cohortsim as `runCohortsim` does, but stops it after `seconds` (a refusal is immediate;
/// a run that started instead must fail the test, not hang it); nil status when it was stopped.
private func runStopping(after seconds: Double, _ arguments: [String], in directory: String) throws -> (
  Int32?, String
) {
  let (process, _, stderr) = try launchCohortsim(arguments, in: directory)
  let deadline = Date().addingTimeInterval(seconds)
  while process.isRunning && Date() < deadline { usleep(20_000) }
  if process.isRunning {
    process.terminate()
    process.waitUntilExit()
    return (nil, "")
  }
  return (
    process.terminationStatus, String(decoding: (try? Data(contentsOf: stderr)) ?? Data(), as: UTF8.self)
  )
}

@Suite(
  "work that could not finish is refused before it starts",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct WorkLimitCommandLineTests {
  @Test(
    "run, compare and check refuse a scenario over its resource estimate at once, naming the field",
    arguments: [
      ["run", "huge.json", "--out", "out"], ["compare", "huge.json", "--out", "out"],
      ["check", "huge.json", "--baseline", "out"],
    ])
  func estimateRefusedByEveryCommand(arguments: [String]) throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try Data(hugeScenario.utf8).write(to: URL(fileURLWithPath: directory + "/huge.json"))
    let (status, error) = try runStopping(after: 10, arguments, in: directory)
    #expect(status == 2)
    #expect(
      error.contains("huge.json: generatedPrograms.count: the scenario's resource estimate"), "\(error)")
    #expect(listing(directory).filter { !$0.hasPrefix(".") } == ["huge.json"])
  }

  @Test("a sweep whose points × replications exceed the study limit is refused at samples")
  func sweepWorkRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try Data(
      #"{"method": "lhs", "samples": 100000, "factors": [{"path": "demand.freezeProbability", "lower": 0, "upper": 0.5}]}"#
        .utf8
    ).write(to: URL(fileURLWithPath: directory + "/design.json"))
    let (status, error) = try runStopping(
      after: 20,
      ["sweep", "tiny.json", "--design", "design.json", "--out", "out", "--replications", "1000000"],
      in: directory)
    #expect(status == 2)
    #expect(error.contains("design.json: samples: 100000 points × 1000000 replications"), "\(error)")
    #expect(error.contains("above the limit of 1.00e+12 for one study"), "\(error)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("a calibration whose proposals × replications exceed the study limit is refused naming its flags")
  func calibrationWorkRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let targets = #"""
      {"parameters": [{"path": "demand.freezeProbability", "prior": {"uniform": {"lower": 0, "upper": 0.3}}}],
       "targets": [{"metric": "placed_12m", "low": 0.1, "high": 0.99, "source": "test"}]}
      """#
    try Data(targets.utf8).write(to: URL(fileURLWithPath: directory + "/targets.json"))
    let (status, error) = try runStopping(
      after: 20,
      [
        "calibrate", "tiny.json", "--targets", "targets.json", "--out", "out", "--particles", "10000",
        "--generations", "100", "--min-acceptance", "0.000001",
      ], in: directory)
    #expect(status == 2)
    #expect(error.contains("--generations 100 × up to 10000000000 proposals"), "\(error)")
    #expect(error.contains("reduce --particles, --generations, --replications"), "\(error)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }
}
