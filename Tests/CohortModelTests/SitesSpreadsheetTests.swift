import CohortModel
import Foundation
import Testing

/// A scenario file reading `sites.csv` beside it, both written into a fresh folder.
private func writeSpreadsheetScenario(csv: String, sites: String? = nil) throws -> (
  scenario: String, csv: String
) {
  let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sites-csv-\(UUID().uuidString)")
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let scenario = folder + "/scenario.json"
  let csvPath = folder + "/sites.csv"
  let json = """
    {
      "name": "spreadsheet",
      "demand": { "regionShare": 0.002 },
      "region": { "states": [{ "code": "OR", "share": 1 }] },
      \(sites.map { "\"sites\": \($0)," } ?? "")
      "sitesCsv": "sites.csv",
      "programs": [{ "name": "College", "latitude": 44.39, "longitude": -122.98 }]
    }
    """
  try Data(json.utf8).write(to: URL(fileURLWithPath: scenario))
  try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
  return (scenario, csvPath)
}

private let header = "name,kind,latitude,longitude,state,system,staff,capacity"
private let goodRows = """
  Albany General,hospital,44.6365,-123.1059,OR,Santiam,14,3
  Lebanon Hospital,hospital,44.5365,-122.9070,,Santiam,8,2
  Florence Clinic,clinic,43.9826,-124.0998,OR,,2,1
  """

/// The problems loading reports, each as "file: where: message".
private func loadProblems(_ csv: String, sites: String? = nil) throws -> (problems: [String], csv: String) {
  let files = try writeSpreadsheetScenario(csv: csv, sites: sites)
  do {
    _ = try loadScenario(files.scenario)
    return ([], files.csv)
  } catch {
    return (error.description.split(separator: "\n").map(String.init), files.csv)
  }
}

/// A central-Ohio scenario that gives no `region.states`, with `csv` as its sites spreadsheet.
private func ohioScenario(csv: String) throws -> String {
  let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("ohio-\(UUID().uuidString)")
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let json = """
    {
      "name": "ohio",
      "demand": { "regionShare": 0.002 },
      "sitesCsv": "sites.csv",
      "programs": [{ "name": "College", "latitude": 39.96, "longitude": -83.0 }]
    }
    """
  try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/scenario.json"))
  try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/sites.csv"))
  return folder + "/scenario.json"
}

@Suite("sites from a spreadsheet")
struct SitesSpreadsheetTests {
  @Test("sites that all name one state make it the region's state when the scenario gives none")
  func oneStateInferred() throws {
    let scenario = try loadScenario(
      try ohioScenario(
        csv: header
          + "\nRiverside,hospital,40.03,-83.03,OH,OhioHealth,20,3\nGrant,hospital,39.95,-82.99,,OhioHealth,12,2\n"
      ))
    #expect(scenario.region.states == [StateShare(code: "OH", share: 1)])
  }

  @Test("sites naming several states, with no region.states, are refused once with the line to add")
  func severalStatesRefusedOnce() throws {
    let csv =
      header + "\nRiverside,hospital,40.03,-83.03,OH,,20,3\nGrant,hospital,39.95,-82.99,OH,,12,2\n"
      + "Ashland,hospital,38.48,-82.64,KY,,10,2\n"
    let file = try ohioScenario(csv: csv)
    do {
      _ = try loadScenario(file)
      Issue.record("accepted")
    } catch {
      #expect(
        error.description.split(separator: "\n") == [
          "\(file): region.states: the listed sites name the states OH, KY, but the scenario does not give region.states "
            + "(the default is TX); add, with the states west to east and each one's share of the region's width: "
            + #""region": {"states": [{"code": "OH", "share": 0.67}, {"code": "KY", "share": 0.33}]}"#
        ])
    }
  }

  @Test("the spreadsheet's rows become listed sites with their coordinates and named systems")
  func rowsBecomeSites() throws {
    let files = try writeSpreadsheetScenario(csv: header + "\n" + goodRows + "\n")
    let scenario = try loadScenario(files.scenario)
    let sites = try #require(scenario.sites)
    #expect(sites.map(\.name) == ["Albany General", "Lebanon Hospital", "Florence Clinic"])
    #expect(sites.map(\.system) == [0, 0, nil])
    #expect(sites[0].latitude == 44.6365 && sites[0].longitude == -123.1059)
    #expect(
      sites[1].state == nil && sites[2].kind == .clinic && sites[0].staff == 14 && sites[0].capacity == 3)
    #expect(scenario.sitesSpreadsheet?.bytes == Data((header + "\n" + goodRows + "\n").utf8))
  }

  @Test("a system named in the spreadsheet is numbered after the systems of the scenario's own sites")
  func systemsFollowJSONSites() throws {
    let json =
      #"[{ "name": "Own", "kind": "clinic", "latitude": 44.2, "longitude": -123, "system": 0, "staff": 1, "capacity": 1 }]"#
    let files = try writeSpreadsheetScenario(csv: header + "\n" + goodRows, sites: json)
    let sites = try #require(try loadScenario(files.scenario).sites)
    #expect(sites.map(\.system) == [0, 1, 1, nil])
  }

  @Test("a field in quotes may hold a comma")
  func quotedField() throws {
    let files = try writeSpreadsheetScenario(
      csv: header + "\n\"Smith, Jones Imaging\",imaging_center,44.5,-123,OR,,2,1\n")
    #expect(try loadScenario(files.scenario).sites?.first?.name == "Smith, Jones Imaging")
  }

  @Test("a spreadsheet separated by semicolons is read")
  func semicolonSeparated() throws {
    let csv = (header + "\n" + goodRows + "\n").replacingOccurrences(of: ",", with: ";")
    let files = try writeSpreadsheetScenario(csv: csv)
    #expect(try loadScenario(files.scenario).sites?.map(\.staff) == [14, 8, 2])
  }

  @Test("a spreadsheet separated by tabs is read")
  func tabSeparated() throws {
    let csv = (header + "\n" + goodRows + "\n").replacingOccurrences(of: ",", with: "\t")
    let files = try writeSpreadsheetScenario(csv: csv)
    #expect(try loadScenario(files.scenario).sites?.first?.latitude == 44.6365)
  }

  @Test("a number with a decimal comma is refused, saying how to write it")
  func decimalComma() throws {
    let (problems, csv) = try loadProblems(
      header.replacingOccurrences(of: ",", with: ";") + "\nA;hospital;44,5;-123;OR;;2;1\n")
    #expect(
      problems == [
        "\(csv): line 2, column 3 (latitude): expected a number, got \"44,5\" (write the decimal mark as a point: 44.5)"
      ])
  }

  @Test("a missing column is reported naming the file, line 1 and its column")
  func missingColumn() throws {
    let (problems, csv) = try loadProblems(
      "name,kind,latitude,longitude,state,system,capacity\nA,hospital,44,-123,OR,,1\n")
    #expect(problems == ["\(csv): line 1, column 7: missing column \"staff\"; the header must be \(header)"])
  }

  @Test("a bad number is reported naming the file, the line and the column")
  func badNumber() throws {
    let (problems, csv) = try loadProblems(header + "\nA,hospital,44.5,west,OR,,2,1\n")
    #expect(problems == ["\(csv): line 2, column 4 (longitude): expected a number, got \"west\""])
  }

  @Test("a latitude out of range is reported naming the line and the column")
  func latitudeOutOfRange() throws {
    let (problems, csv) = try loadProblems(header + "\nA,hospital,94.5,-123,OR,,2,1\n")
    #expect(problems == ["\(csv): line 2, column 3 (latitude): must be from -90 to 90, got 94.5"])
  }

  @Test("an unknown kind is reported naming the line and the column, with the kinds allowed")
  func unknownKind() throws {
    let (problems, csv) = try loadProblems(header + "\n" + goodRows + "\nB,hospice,44.5,-123,OR,,2,1\n")
    #expect(
      problems == [
        "\(csv): line 5, column 2 (kind): unknown site kind \"hospice\"; allowed: hospital, imaging_center, clinic"
      ])
  }

  @Test("a duplicate name is reported at the second row's name")
  func duplicateName() throws {
    let (problems, csv) = try loadProblems(
      header + "\n" + goodRows + "\nLebanon Hospital,clinic,44.5,-123,OR,,2,1\n")
    #expect(problems.count == 1)
    #expect(
      problems.first?.hasPrefix(
        "\(csv): line 5, column 1 (name): site name \"Lebanon Hospital\" is used twice") == true)
  }

  @Test("a name already used by the scenario's own sites is a duplicate")
  func duplicateOfJSONSite() throws {
    let json =
      #"[{ "name": "Albany General", "kind": "clinic", "latitude": 44.2, "longitude": -123, "staff": 1, "capacity": 1 }]"#
    let (problems, csv) = try loadProblems(header + "\n" + goodRows, sites: json)
    #expect(
      problems.first?.hasPrefix("\(csv): line 2, column 1 (name): site name \"Albany General\" is used twice")
        == true)
  }

  @Test("a state not among region.states is reported at its column")
  func unknownState() throws {
    let (problems, csv) = try loadProblems(header + "\nA,hospital,44.5,-123,WA,,2,1\n")
    #expect(
      problems.first?.hasPrefix(
        "\(csv): line 2, column 5 (state): site \"A\": state \"WA\" is not among region.states") == true)
  }

  @Test("a dropped minus sign on a longitude, with no bounds, names the spreadsheet, its line and the site")
  func droppedSign() throws {
    let rows = goodRows.replacingOccurrences(of: "44.5365,-122.9070", with: "44.5365,122.9070")
    let (problems, _) = try loadProblems(header + "\n" + rows + "\n")
    #expect(problems.count == 1)
    #expect(problems.first?.contains(": sites.csv, line 3: ") == true)
    #expect(
      problems.first?.contains("site \"Lebanon Hospital\" at latitude 44.5365, longitude 122.907") == true)
    #expect(problems.first?.contains("is the longitude's minus sign missing?") == true)
  }

  @Test("a site outside region.bounds is named with its line and column")
  func outsideBoundsNamesSite() throws {
    let files = try writeSpreadsheetScenario(csv: header + "\nFar Hospital,hospital,47.5,-123,OR,,2,1\n")
    let json = try String(contentsOfFile: files.scenario, encoding: .utf8).replacingOccurrences(
      of: #""region": {"#,
      with: #""region": { "bounds": {"south": 43, "west": -125, "north": 45, "east": -121},"#)
    try Data(json.utf8).write(to: URL(fileURLWithPath: files.scenario))
    do {
      _ = try loadScenario(files.scenario)
      Issue.record("accepted")
    } catch {
      #expect(
        error.description.contains(
          "\(files.csv): line 2, column 3 (latitude): site \"Far Hospital\" lies outside region.bounds"))
    }
  }

  @Test("a row with too few fields is reported at its line")
  func shortRow() throws {
    let (problems, csv) = try loadProblems(header + "\nA,hospital,44.5,-123\n")
    #expect(problems == ["\(csv): line 2, column 5: has 4 fields; the header has 8"])
  }

  @Test("a missing spreadsheet is reported at sitesCsv")
  func missingFile() throws {
    let files = try writeSpreadsheetScenario(csv: header)
    try FileManager.default.removeItem(atPath: files.csv)
    do {
      _ = try loadScenario(files.scenario)
      Issue.record("loaded without its spreadsheet")
    } catch {
      #expect(error.description.hasPrefix("\(files.scenario): sitesCsv: cannot read the sites spreadsheet"))
    }
  }

  @Test("an xKm program beside a spreadsheet's sites is refused naming the program's field")
  func mixingWithSpreadsheet() throws {
    let files = try writeSpreadsheetScenario(csv: header + "\n" + goodRows)
    let text = try String(contentsOfFile: files.scenario, encoding: .utf8).replacingOccurrences(
      of: #""latitude": 44.39, "longitude": -122.98"#, with: #""xKm": 5, "yKm": 5"#)
    try Data(text.utf8).write(to: URL(fileURLWithPath: files.scenario))
    do {
      _ = try loadScenario(files.scenario)
      Issue.record("mixing accepted")
    } catch {
      #expect(
        error.description.contains("programs[0].xKm: this scenario places by latitude/longitude (sitesCsv)"))
    }
  }

  @Test("Scenarios/one-program-oregon.json reads its ten sites from its spreadsheet")
  func oregonReadsSpreadsheet() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let scenario = try loadScenario(
      root.appendingPathComponent("Scenarios/one-program-oregon.json").path)
    #expect(scenario.sites?.count == 10)
    #expect(scenario.sites?.allSatisfy { $0.latitude != nil && $0.longitude != nil } == true)
    #expect(scenario.sitesSpreadsheet?.path == "one-program-oregon-sites.csv")
  }
}
