import Foundation

/// What a results folder's `run.json` must offer `StagedOutputs` and `ResultsFolder`: the
/// settings that say whether two runs are the same (so a rerun may replace its folder and another
/// run may not), the command line of the process that holds the lock, and a `"files"` record
/// filled in at publish time. `run`/`compare`/`merge` write a `RunProvenance`, `sweep` a
/// `SweepProvenance`; both go through the same staging, locking and hashing.
protocol FolderProvenance: Encodable {
  var commandLine: [String] { get }
  var files: [String: FileDigest]? { get set }
  /// The settings this run is identified by, given the files it writes.
  func settings(files: [String]) -> RunSettings
  /// Pretty-printed JSON with sorted keys, ending in a newline.
  func json() -> String
}

extension FolderProvenance {
  /// Pretty-printed JSON with sorted keys and unescaped slashes, ending in a newline: the one
  /// layout of every `run.json`.
  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings, numbers and arrays cannot fail.
    let data = try! encoder.encode(self)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

extension RunProvenance: FolderProvenance {
  func settings(files: [String]) -> RunSettings { RunSettings(self, files: files) }
}

extension SweepProvenance: FolderProvenance {
  func settings(files: [String]) -> RunSettings {
    RunSettings(
      scenarioSha256: scenarioSha256, masterSeed: masterSeed, replications: replications, until: nil,
      strategies: strategies, reference: nil, shard: shard.map { "\($0.index)/\($0.count)" },
      design: designSha256, files: files)
  }
}
