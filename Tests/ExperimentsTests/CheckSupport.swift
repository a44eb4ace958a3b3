import CohortModel
import Experiments
import Foundation
import TestSupport

/// A scenario for the regression-check tests: small enough that 60 replications take about two
/// seconds in a debug build, large enough (about 100 graduates a replication) that a realistic
/// change in a parameter shows in its metrics against replication noise.
let checkScenarioJSON = """
  {
    "name": "check",
    "replications": 60,
    "seed": 2026,
    "years": 5,
    "region": {
      "widthKm": 120, "heightKm": 120,
      "states": [{ "code": "TX", "share": 1 }],
      "systems": 2,
      "hospitals": { "count": 8, "staff": 20, "capacity": 3, "independentShare": 0.25 },
      "imagingCenters": { "count": 4, "staff": 6, "capacity": 2, "independentShare": 0.5 },
      "clinics": { "count": 2, "staff": 2, "capacity": 1, "independentShare": 1 }
    },
    "demand": { "regionShare": 0.01 },
    "programs": [
      { "name": "Check College", "xKm": 60, "yKm": 60, "intakeYears": [2022, 2023, 2024], "cohortSize": 30 }
    ]
  }
  """

/// The check scenario, changed by `change`, as an in-memory scenario file.
func checkScenarioFile(_ change: (inout Scenario) -> Void = { _ in }) throws -> ScenarioFile {
  let bytes = Data(checkScenarioJSON.utf8)
  var scenario = try Scenario.decode(bytes, file: "check.json")
  change(&scenario)
  return ScenarioFile(path: "check.json", bytes: bytes, scenario: scenario)
}

/// A baseline of the unchanged check scenario, written into a fresh directory by a bless.
func blessedCheckBaseline(_ label: String = #function) throws -> String {
  let directory = (temporaryDirectory(label) as NSString).appendingPathComponent("baseline")
  _ = try RegressionCheck(scenarioFile: try checkScenarioFile(), baselineDirectory: directory).bless()
  return directory
}

/// A check of the check scenario, changed by `change`, against `baseline`, on both cores.
func check(against baseline: String, _ change: (inout Scenario) -> Void = { _ in }) throws -> RegressionCheck
{
  var check = RegressionCheck(scenarioFile: try checkScenarioFile(change), baselineDirectory: baseline)
  check.jobs = 2
  return check
}

/// One blessed baseline of the unchanged check scenario, shared by the tests that only read it
/// (a global is initialised once, thread-safely, on first use).
let sharedCheckBaseline: String = try! blessedCheckBaseline("shared")

/// A copy of the shared baseline that a test may damage.
func copyOfCheckBaseline(_ label: String = #function) throws -> String {
  let directory = (temporaryDirectory(label) as NSString).appendingPathComponent("baseline")
  try FileManager.default.copyItem(atPath: sharedCheckBaseline, toPath: directory)
  return directory
}

/// Rewrites `file` in `directory` with `edit` applied to its text, then — unless
/// `keepManifest` is false — records the new sizes and hashes in `run.json`'s `"files"`, so the
/// reader's own checks of the contents are what the damage meets (as with a folder written
/// before `"files"` existed, or a writer with a bug), not the manifest check in front of them.
func edit(_ file: OutputFile, in directory: String, keepManifest: Bool = true, _ edit: (String) -> String)
  throws
{
  let path = (directory as NSString).appendingPathComponent(file.rawValue)
  let text = try String(contentsOfFile: path, encoding: .utf8)
  try Data(edit(text).utf8).write(to: URL(fileURLWithPath: path))
  if keepManifest && file != .provenance { try recordFiles(in: directory) }
}

/// Recomputes `run.json`'s `"files"` from what is in `directory` now.
func recordFiles(in directory: String) throws {
  let path = (directory as NSString).appendingPathComponent(OutputFile.provenance.rawValue)
  var object =
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
  var files: [String: Any] = [:]
  for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name != "run.json" {
    let bytes = try Data(
      contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
    files[name] = ["bytes": bytes.count, "sha256": SHA256.hexDigest(of: bytes)]
  }
  object["files"] = files
  try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(
    to: URL(fileURLWithPath: path))
}
