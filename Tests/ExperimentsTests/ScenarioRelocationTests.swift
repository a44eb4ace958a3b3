import Foundation
import TestSupport
import Testing

@testable import Experiments

@Suite("a results folder moved with its scenario")
struct ScenarioRelocationTests {
  /// `root/tree/Scenarios/s.json` holding `text`, and an empty results folder `root/tree/Results/r`.
  static func movedTree(_ text: String, _ label: String = #function) throws -> (root: String, folder: String)
  {
    let root = temporaryDirectory(label)
    let scenarios = root + "/tree/Scenarios"
    let folder = root + "/tree/Results/r"
    try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: scenarios + "/s.json"))
    return (root, folder)
  }

  @Test("a scenario recorded at a path that is gone is found beside the moved results folder by its SHA-256")
  func relocatedByHash() throws {
    let (root, folder) = try Self.movedTree("{\"name\": \"s\"}")
    defer { removeTemporaryDirectory(root) }
    let found = ResultsFolderContents.relocatedScenario(
      "/gone/checkout/Scenarios/s.json", sha256: SHA256.hexDigest(of: Data("{\"name\": \"s\"}".utf8)),
      folder: folder)
    #expect(
      found.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        == URL(fileURLWithPath: root + "/tree/Scenarios/s.json").standardizedFileURL.path)
  }

  @Test("a file of the same name with other bytes is not taken for the recorded scenario")
  func otherBytesAreNotTaken() throws {
    let (root, folder) = try Self.movedTree("{\"name\": \"edited\"}")
    defer { removeTemporaryDirectory(root) }
    let found = ResultsFolderContents.relocatedScenario(
      "/gone/checkout/Scenarios/s.json", sha256: SHA256.hexDigest(of: Data("{\"name\": \"s\"}".utf8)),
      folder: folder)
    #expect(found == nil)
  }

  @Test("a folder moved together with its scenario still reads the scenario")
  func movedFixtureReadsItsScenario() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let moved = root + "-moved"
    try FileManager.default.moveItem(atPath: root, toPath: moved)
    defer { removeTemporaryDirectory(moved) }
    let relocated = moved + String(folder.dropFirst(root.count))
    let report = try ResultsFolderContents(directory: relocated)
    #expect(report.scenario != nil, "\(report.scenarioNote ?? "")")
  }
}
