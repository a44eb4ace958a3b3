import CohortModel
import Experiments
import Foundation
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

/// A scenario file and the files it names are read by `ScenarioFile`, refusing what cannot be an
/// input file with a message naming it.
@Suite("reading the scenario file")
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
