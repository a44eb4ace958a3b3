import CohortModel
import Foundation
import InputFormats
import SimKernel

/// A scenario together with the exact bytes it was decoded from, so that `run.json` can name
/// the file's SHA-256 and a result can be traced to the input that produced it. The file is read
/// once per command: a sweep's or calibration's points edit these bytes (`ScenarioFactors`),
/// never the file as it may be on disk by then.
public struct ScenarioFile: Sendable {
  /// The path as given.
  public var path: String
  /// The file's bytes, as read: what `scenario` was decoded from and `sha256` hashes.
  public var bytes: Data
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
  /// How the warm start was dated: the override's name, for a design point's messages.
  public var currentStudentsAsOf: AsOfOverride?
  /// The defaults that changed since the revision the file names (`"modelDefaults"`) and that
  /// it does not set: what a scenario written before the change is told (ModelDefaults).
  public var changedDefaults: [ModelDefaults.Change] = []

  /// Reads the current-students file at `path` (checked against the scenario) into the
  /// scenario: the warm start. `asOf` may override the file's date.
  public mutating func warmStart(from path: String, asOf: AsOfOverride) throws(ScenarioError) {
    let bytes: Data
    switch InputFile.read(path) {
    case .success(let data): bytes = data
    case .failure(let problem):
      throw ScenarioError(file: path, problems: [FieldProblem(path: "", message: problem.description)])
    }
    scenario.currentStudents = try CurrentStudents.parse(bytes, file: path, scenario: scenario, asOf: asOf)
    currentStudentsSha256 = SHA256.hexDigest(of: bytes)
    currentStudentsBytes = bytes
    currentStudentsAsOf = asOf
  }

  /// The scenario decoded from `bytes`, the contents of `path`.
  public init(path: String, bytes: Data, scenario: Scenario) {
    self.path = path
    self.bytes = bytes
    self.scenario = scenario
    self.sha256 = SHA256.hexDigest(of: bytes)
  }

  /// Reads the file once, hashes and decodes those same bytes, so the hash cannot describe a
  /// different version of the file than the one simulated.
  public static func load(_ path: String) throws(ScenarioError) -> ScenarioFile {
    try decode(try read(path), path: path)
  }

  /// The bytes of the scenario file at `path`, or why it cannot be one (missing, a folder, a
  /// device), for a command that must look at them before decoding (`report` compares their
  /// hash with the one recorded); `decode` then takes the same bytes.
  public static func read(_ path: String) throws(ScenarioError) -> Data {
    switch InputFile.read(path) {
    case .success(let bytes): return bytes
    case .failure(let problem):
      let message =
        problem.description == "is a folder, not a file"
        ? "is a folder, not a scenario file (JSON)" : problem.description
      throw ScenarioError(file: path, problems: [FieldProblem(path: "", message: message)])
    }
  }

  /// The scenario file whose contents at `path` are `bytes`, decoded and checked.
  public static func decode(_ bytes: Data, path: String) throws(ScenarioError) -> ScenarioFile {
    // The files the scenario names (`sitesCsv`) are read relative to it, here, not by the model.
    let scenario = try Scenario.decode(bytes, file: path, resolver: .files(relativeTo: path))
    // Every command that runs a scenario refuses one that could not finish, before any work.
    let excess = ResourceEstimate(scenario).problems
    guard excess.isEmpty else { throw ScenarioError(file: path, problems: excess) }
    var file = ScenarioFile(path: path, bytes: bytes, scenario: scenario)
    file.changedDefaults = ModelDefaults.inherited(by: bytes, since: scenario.modelDefaults)
    return file
  }
}
