import CohortModel
import Foundation

/// A finished results folder read back: its `run.json`, checked against the files it lists, and
/// whichever known CSV files are present, each read once on demand. Read-only: it never writes,
/// and a reader (the report) asks for the files it needs, so it grows as `compare`, `sweep` and
/// `calibrate` write more, without a flag per file.
public struct ResultsFolderContents {
  /// What wrote the folder, from the second word of `run.json`'s command line.
  public enum Kind: String, Sendable {
    case run, compare, merge, sweep, calibrate

    /// Files without which a folder of this kind is incomplete.
    public var requiredFiles: [String] {
      switch self {
      case .run, .merge: ["summary.csv", "replications.csv"]
      case .compare: ["summary.csv", "replications.csv", "comparison.csv"]
      case .sweep: ["design.csv", "points.csv"]
      case .calibrate:
        ["posterior_summary.csv", "posterior.csv", "posterior_predictive.csv", "generations.csv"]
      }
    }
  }

  public let directory: String
  public let kind: Kind
  /// `run.json` as JSON, so that keys added later (`files`, `select_best`) are simply there.
  public let provenance: [String: Any]
  /// The scenario as decoded from the file `run.json` names, when it still exists and its bytes
  /// still hash to `scenario_sha256`; otherwise nil and `scenarioNote` says why.
  public let scenario: Scenario?
  public let scenarioJSON: Any?
  public let scenarioNote: String?
  /// Whether `run.json` listed file hashes that were checked.
  public let verifiedFiles: [String]

  /// The CSV files read so far, by name.
  private var tables: [String: ResultsTable] = [:]

  /// Reads `run.json`, verifies the hashes it records, and checks the required files exist.
  /// - Throws: `FolderReadError` for a folder that does not exist, has no or an unreadable
  ///   `run.json`, lacks a required file, or holds a file whose bytes do not match `run.json`.
  public init(directory: String) throws(FolderReadError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else { throw FolderReadError(path: directory, problem: "no such folder") }
    self.directory = directory
    let runJSON = (directory as NSString).appendingPathComponent("run.json")
    guard let data = FileManager.default.contents(atPath: runJSON) else {
      throw FolderReadError(
        path: directory,
        problem: "no run.json: not a folder written by cohortsim run, compare, sweep or calibrate")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data),
      let provenance = object as? [String: Any],
      provenance["cohortsim_version"] is String
    else {
      throw FolderReadError(
        path: runJSON, problem: "not a cohortsim run.json (a JSON object with \"cohortsim_version\")")
    }
    self.provenance = provenance
    kind = Self.kind(of: provenance)
    verifiedFiles = try Self.verifyHashes(provenance, directory: directory)
    for file in kind.requiredFiles
    where !FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(file)) {
      throw FolderReadError(
        path: directory,
        problem: "missing \(file), which a \(kind.rawValue) folder always has (required: "
          + "\(kind.requiredFiles.joined(separator: ", ")))")
    }
    (scenario, scenarioJSON, scenarioNote) = Self.scenario(provenance, folder: directory)
  }

  private static func kind(of provenance: [String: Any]) -> Kind {
    let commandLine = provenance["command_line"] as? [String] ?? []
    if commandLine.count > 1, let kind = Kind(rawValue: commandLine[1]), kind != .merge { return kind }
    // A calibration's run.json always records its targets file, whatever its command line says.
    if provenance["targets_sha256"] is String { return .calibrate }
    if provenance["reference"] is String { return .compare }
    return commandLine.count > 1 && commandLine[1] == "merge" ? .merge : .run
  }

  /// Checks every file `run.json` lists under `"files"` (`{NAME: {"bytes": N, "sha256": HEX}}`)
  /// before anything is read, as `check` and `merge` do (`FolderManifest`: names inside the
  /// folder only, sizes before hashes), and returns their names. A folder without the key
  /// predates it.
  private static func verifyHashes(_ provenance: [String: Any], directory: String) throws(FolderReadError)
    -> [String]
  {
    if let problem = FolderManifest.problem(in: directory, requireFiles: false, unlistedResults: false) {
      throw FolderReadError(path: directory, problem: problem)
    }
    return (provenance["files"] as? [String: Any] ?? [:]).keys.sorted()
  }

  private static func scenario(_ provenance: [String: Any], folder: String) -> (Scenario?, Any?, String?) {
    guard let recorded = provenance["scenario_file"] as? String else {
      return (nil, nil, "run.json names no scenario file")
    }
    var path = recorded
    let sha256 = provenance["scenario_sha256"] as? String
    if !FileManager.default.fileExists(atPath: path),
      let moved = relocatedScenario(recorded, sha256: sha256, folder: folder)
    {
      path = moved
    }
    // Read once: the bytes hashed are the bytes decoded.
    guard let data = try? ScenarioFile.read(path) else {
      return (nil, nil, "the scenario file \(path) is no longer there")
    }
    if let recorded = provenance["scenario_sha256"] as? String, SHA256.hexDigest(of: data) != recorded {
      return (nil, nil, "the scenario file \(path) has changed since the run (its SHA-256 differs)")
    }
    guard let file = try? ScenarioFile.decode(data, path: path) else {
      return (nil, nil, "the scenario file \(path) no longer decodes")
    }
    return (file.scenario, try? JSONSerialization.jsonObject(with: data), nil)
  }

  /// Where a scenario recorded at an absolute path now lies when the tree holding both it and the
  /// results folder was moved or cloned elsewhere (committed reference results name the path they
  /// were made at): the recorded path's last one to three components, under the results folder's
  /// own ancestors, nearest first. Only a file with the recorded SHA-256 is taken, so a different
  /// scenario of the same name never is.
  static func relocatedScenario(_ recorded: String, sha256: String?, folder: String) -> String? {
    guard let sha256 else { return nil }
    let components = (recorded as NSString).pathComponents.filter { $0 != "/" }
    var ancestor = URL(fileURLWithPath: folder).standardizedFileURL
    while true {
      for count in 1...min(3, components.count) {
        let candidate = components.suffix(count).reduce(ancestor) { $0.appendingPathComponent($1) }.path
        if let data = FileManager.default.contents(atPath: candidate), SHA256.hexDigest(of: data) == sha256 {
          return candidate
        }
      }
      let parent = ancestor.deletingLastPathComponent()
      guard parent.path != ancestor.path else { return nil }
      ancestor = parent
    }
  }

  public func has(_ file: String) -> Bool {
    FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(file))
  }

  /// The named CSV file, read once; nil when the folder does not have it.
  public mutating func table(_ file: String) throws(FolderReadError) -> ResultsTable? {
    if let table = tables[file] { return table }
    guard has(file) else { return nil }
    let table = try ResultsTable(path: (directory as NSString).appendingPathComponent(file))
    tables[file] = table
    return table
  }

  /// The strategies in the order `run.json` lists them.
  public var strategies: [String] { provenance["strategies"] as? [String] ?? [] }
  public var reference: String? { provenance["reference"] as? String }
  public var replications: Int? { (provenance["replications"] as? NSNumber)?.intValue }
  /// The runs per particle a posterior run's `run.json` records (`run --posterior`); nil for
  /// any other folder.
  public var posteriorRunsPerParticle: Int? {
    ((provenance["posterior"] as? [String: Any])?["runs_per_particle"] as? NSNumber)?.intValue
  }
}
