import CohortModel
import Foundation
import InputFormats
import Testing

/// A scenario on the globe whose sites come from `sites.csv`.
private let json = Data(
  #"""
  {"name": "x", "demand": {"regionShare": 0.002}, "region": {"states": [{"code": "OR", "share": 1}]},
   "sitesCsv": "sites.csv", "programs": [{"name": "A", "latitude": 44.39, "longitude": -122.98}]}
  """#.utf8)

private let sites = Data(
  "name,kind,latitude,longitude,state,system,staff,capacity\nAlbany General,hospital,44.6,-123.1,OR,,14,3\n"
    .utf8)

/// The model decodes the bytes it is given: the files a scenario names come through the resolver
/// its caller passes, never from a file the model opens.
@Suite("the files a scenario names come through its resolver")
struct ScenarioResolverTests {
  @Test("the sites spreadsheet is the resolver's bytes, under the path the resolver names")
  func servedSpreadsheet() throws {
    let resolver = InputResolver.served(["sites.csv": (file: "folder/sites.csv", bytes: sites)])
    let scenario = try Scenario.decode(json, file: "folder/x.json", resolver: resolver)
    #expect(scenario.sites?.map(\.name) == ["Albany General"])
    #expect(scenario.sitesSpreadsheet?.file == "folder/sites.csv")
    #expect(scenario.sitesSpreadsheet?.bytes == sites)
  }

  @Test("without a resolver a scenario naming a spreadsheet is refused at sitesCsv, not read from disk")
  func noResolver() throws {
    // The spreadsheet exists beside the scenario's path: the model must still not open it.
    let folder = NSTemporaryDirectory() + "resolver-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try sites.write(to: URL(fileURLWithPath: folder + "/sites.csv"))
    let error = #expect(throws: ScenarioError.self) { try Scenario.decode(json, file: folder + "/x.json") }
    #expect(
      error?.problems.first?.description
        == "sitesCsv: cannot read the sites spreadsheet sites.csv: it was not given: only files already read are "
        + "available here")
  }

  @Test("a resolver reading from disk finds the spreadsheet beside the scenario")
  func besideTheScenario() {
    let resolved = InputResolver.files(relativeTo: "Scenarios/one-program-oregon.json").resolve("sites.csv")
    #expect(resolved.file == "Scenarios/sites.csv")
    #expect(InputResolver.files(relativeTo: "Scenarios/x.json").resolve("/etc/x.csv").file == "/etc/x.csv")
    #expect(InputResolver.files(relativeTo: "").resolve("sites.csv").file == "sites.csv")
  }
}
