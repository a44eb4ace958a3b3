import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

/// A scenario whose sites come from `sites.csv` beside it, both written into `directory`.
private func writeSpreadsheetScenario(in directory: String) throws -> String {
  let scenario = directory + "/sheet.json"
  let json = """
    {
      "name": "sheet", "years": 2,
      "demand": { "regionShare": 0.002 },
      "region": { "states": [{ "code": "OR", "share": 1 }] },
      "sitesCsv": "sites.csv",
      "programs": [{ "name": "College", "latitude": 44.39, "longitude": -122.98, "intakeYears": [2022] }]
    }
    """
  let sites = """
    name,kind,latitude,longitude,state,system,staff,capacity
    Albany General,hospital,44.6365,-123.1059,OR,Santiam,14,3

    """
  try Data(json.utf8).write(to: URL(fileURLWithPath: scenario))
  try Data(sites.utf8).write(to: URL(fileURLWithPath: directory + "/sites.csv"))
  return scenario
}

/// A scenario file is read once per command: what is checked, hashed and simulated, at every
/// design point, is those bytes, whatever happens to the file on disk afterwards.
@Suite("one read of the scenario file")
struct ScenarioFileTests {
  @Test("a missing scenario file is reported with its name")
  func missingFile() {
    let error = #expect(throws: ScenarioError.self) { try ScenarioFile.load("/nonexistent/scenario.json") }
    #expect(error?.description == "/nonexistent/scenario.json: no such file")
  }

  @Test("a scenario at /dev/null says it is not a regular file, not that permission is lacking")
  func devNullScenario() {
    let error = #expect(throws: ScenarioError.self) { try ScenarioFile.load("/dev/null") }
    #expect(error?.description.contains("is not a regular file") == true)
  }

  @Test("a folder given as the scenario is said to be a folder, not a scenario file")
  func folderScenario() {
    let error = #expect(throws: ScenarioError.self) { try ScenarioFile.load("/") }
    #expect(error?.description == "/: is a folder, not a scenario file (JSON)")
  }

  @Test("a design point decodes the bytes the command read, not the file as it is on disk later")
  func pointsUseTheBytesRead() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let file = try tinyScenarioFile(in: directory)
    let changed = tinyScenarioJSON.replacingOccurrences(
      of: "\"name\": \"tiny\"", with: "\"name\": \"changed\"")
    try Data(changed.utf8).write(to: URL(fileURLWithPath: file.path))
    let factors = try ScenarioFactors(scenarioFile: file, factors: [SweepFactor(path: "years")])
    let scenario = try factors.scenario(point: 0, values: [2])
    #expect(scenario.name == "tiny")
    #expect(scenario.years == 2)
  }

  @Test("a design point takes the sites spreadsheet the command read, not the file on disk")
  func pointsUseTheSpreadsheetRead() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let file = try ScenarioFile.load(try writeSpreadsheetScenario(in: directory))
    try FileManager.default.removeItem(atPath: directory + "/sites.csv")
    let factors = try ScenarioFactors(scenarioFile: file, factors: [SweepFactor(path: "years")])
    let scenario = try factors.scenario(point: 0, values: [3])
    #expect(scenario.sites?.map(\.name) == ["Albany General"])
    #expect(scenario.sitesSpreadsheet == file.scenario.sitesSpreadsheet)
  }

  @Test("the sites spreadsheet is read relative to the scenario file")
  func spreadsheetBesideTheScenario() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let file = try ScenarioFile.load(try writeSpreadsheetScenario(in: directory))
    #expect(file.scenario.sitesSpreadsheet?.file == directory + "/sites.csv")
  }

  @Test("a current-students path that is a device is refused before a byte is read")
  func currentStudentsDevice() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var file = try tinyScenarioFile(in: directory)
    let error = #expect(throws: ScenarioError.self) {
      try file.warmStart(from: "/dev/zero", asOf: AsOfOverride(option: "--as-of", date: nil))
    }
    #expect(error?.description == "/dev/zero: is not a regular file (a device, pipe or socket); give a file")
  }
}
