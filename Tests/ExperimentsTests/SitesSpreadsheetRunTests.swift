import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

/// A tiny scenario placed by latitude/longitude whose sites come from `sites.csv` beside it.
private let spreadsheetScenarioJSON = """
  {
    "name": "tiny-sheet",
    "replications": 2,
    "seed": 42,
    "years": 2,
    "demand": { "regionShare": 0.002 },
    "region": { "states": [{ "code": "OR", "share": 1 }] },
    "sitesCsv": "sites.csv",
    "programs": [{ "name": "College", "latitude": 44.39, "longitude": -122.98, "intakeYears": [2022], "cohortSize": 4 }]
  }
  """

private let spreadsheet = """
  name,kind,latitude,longitude,state,system,staff,capacity
  Albany General,hospital,44.6365,-123.1059,OR,Santiam,14,3
  Eugene Medical,hospital,44.0521,-123.0868,OR,,20,3

  """

private func writeFiles(in directory: String, csv: String = spreadsheet) throws {
  try Data(spreadsheetScenarioJSON.utf8).write(to: URL(fileURLWithPath: directory + "/sheet.json"))
  try Data(csv.utf8).write(to: URL(fileURLWithPath: directory + "/sites.csv"))
}

@Suite(
  "runs of a scenario with a sites spreadsheet",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct SitesSpreadsheetRunTests {
  @Test("run.json records the spreadsheet's SHA-256 beside the scenario's")
  func runRecordsSpreadsheetDigest() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try writeFiles(in: directory)
    let (status, _, stderr) = try runCohortsim(
      ["run", "sheet.json", "--quiet", "--out", "out"], in: directory)
    #expect(status == 0, "\(stderr)")
    let run = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: directory + "/out/run.json")))
    let record = try #require(run as? [String: Any])
    #expect(record["sites_csv_sha256"] as? String == SHA256.hexDigest(of: Data(spreadsheet.utf8)))
    #expect((record["sites_csv_file"] as? String)?.hasSuffix("/sites.csv") == true)
  }

  @Test("a bad spreadsheet exits 2 naming the file, line and column, and writes nothing")
  func badSpreadsheetExits2() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try writeFiles(in: directory, csv: spreadsheet.replacingOccurrences(of: "14,3", with: "many,3"))
    let (status, _, stderr) = try runCohortsim(
      ["run", "sheet.json", "--quiet", "--out", "out"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("sites.csv: line 2, column 7 (staff): expected a whole number"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  /// `sites.csv` of a run of the spreadsheet scenario with `--students`, as records, one
  /// replication's rows.
  private func sitesRows(in directory: String) throws -> [[String: String]] {
    try writeFiles(in: directory)
    let (status, _, stderr) = try runCohortsim(
      ["run", "sheet.json", "--replications", "1", "--students", "--quiet", "--out", "out"], in: directory)
    #expect(status == 0, "\(stderr)")
    let records = OutputContractTests.parse(
      try String(contentsOfFile: directory + "/out/sites.csv", encoding: .utf8))
    return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(records[0], $0)) }
  }

  @Test("sites.csv names a listed site's system as the spreadsheet does, and an independent one NA")
  func systemNames() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let rows = try sitesRows(in: directory)
    let byName = Dictionary(rows.map { ($0["name"]!, $0) }, uniquingKeysWith: { first, _ in first })
    #expect(byName["Albany General"]?["system_name"] == "Santiam")
    #expect(byName["Eugene Medical"]?["system_name"] == "NA")
  }

  @Test("sites.csv calls a system the spreadsheet does not name system-N")
  func unnamedSystems() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let oregon = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Scenarios/one-program-oregon.json").path
    let (status, _, stderr) = try runCohortsim(
      ["run", oregon, "--replications", "1", "--students", "--quiet", "--out", "out"], in: directory)
    #expect(status == 0, "\(stderr)")
    let records = OutputContractTests.parse(
      try String(contentsOfFile: directory + "/out/sites.csv", encoding: .utf8))
    let system = try #require(records[0].firstIndex(of: "system"))
    let name = try #require(records[0].firstIndex(of: "system_name"))
    let names = Dictionary(
      records.dropFirst().map { ($0[system], $0[name]) }, uniquingKeysWith: { a, _ in a })
    #expect(names == ["NA": "NA", "0": "Santiam Health", "1": "Row River Health", "2": "system-2"])
  }

  @Test("sites.csv gives a listed site's latitude and longitude as the spreadsheet does")
  func coordinates() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let albany = try #require(try sitesRows(in: directory).first { $0["name"] == "Albany General" })
    #expect(albany["latitude"] == "44.6365" && albany["longitude"] == "-123.1059")
  }
}
