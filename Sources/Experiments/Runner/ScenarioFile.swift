import CohortModel
import Foundation
import SimKernel

/// A scenario together with the exact bytes it was decoded from, so that `run.json` can name
/// the file's SHA-256 and a result can be traced to the input that produced it.
public struct ScenarioFile: Sendable {
  /// The path as given.
  public var path: String
  public var scenario: Scenario
  /// SHA-256 of the file's bytes, 64 lower-case hex digits.
  public var sha256: String
  /// SHA-256 of the sites spreadsheet's bytes (`sitesCsv`), as decoded, when the scenario names one.
  public var sitesCsvSha256: String? { scenario.sitesSpreadsheet.map { SHA256.hexDigest(of: $0.bytes) } }
  /// SHA-256 of the current-students file's bytes, with `--current-students`.
  public var currentStudentsSha256: String?
  /// The current-students file's bytes, with `--current-students`: a sweep reads them against
  /// each design point's scenario (`ScenarioFactors`).
  public var currentStudentsBytes: Data?
  /// The defaults that changed since the revision the file names (`"modelDefaults"`) and that
  /// it does not set: what a scenario written before the change is told (ModelDefaults).
  public var changedDefaults: [ModelDefaults.Change] = []

  /// Reads the current-students file at `path` (checked against the scenario) into the
  /// scenario: the warm start. `asOf` overrides the file's date.
  public mutating func warmStart(from path: String, asOf: String?) throws(ScenarioError) {
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw ScenarioError(
        file: path, problems: [FieldProblem(path: "", message: "no such file, or unreadable")])
    }
    scenario.currentStudents = try CurrentStudents.parse(bytes, file: path, scenario: scenario, asOf: asOf)
    currentStudentsSha256 = SHA256.hexDigest(of: bytes)
    currentStudentsBytes = bytes
  }

  public init(path: String, scenario: Scenario, sha256: String) {
    self.path = path
    self.scenario = scenario
    self.sha256 = sha256
  }

  /// Reads the file once, hashes and decodes those same bytes, so the hash cannot describe a
  /// different version of the file than the one simulated.
  public static func load(_ path: String) throws(ScenarioError) -> ScenarioFile {
    let bytes: Data
    switch InputFile.read(path) {
    case .success(let data): bytes = data
    case .failure:
      // `Scenario.load` words the reason (missing, a folder, a device) the same way.
      _ = try Scenario.load(contentsOf: path)
      throw ScenarioError(file: path, problems: [FieldProblem(path: "", message: "cannot read the file")])
    }
    let scenario = try Scenario.decode(bytes, file: path)
    // Every command that runs a scenario refuses one that could not finish, before any work.
    let excess = ResourceEstimate(scenario).problems
    guard excess.isEmpty else { throw ScenarioError(file: path, problems: excess) }
    var file = ScenarioFile(path: path, scenario: scenario, sha256: SHA256.hexDigest(of: bytes))
    file.changedDefaults = ModelDefaults.inherited(by: bytes, since: scenario.modelDefaults)
    return file
  }
}
