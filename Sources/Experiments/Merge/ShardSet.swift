import Foundation

/// The shard folders given to `cohortsim merge`, checked to be one complete run or sweep before
/// any row is read: all written by the same command from the same scenario bytes, seed,
/// cohortsim version, strategies and replications (a run also the same reference and posterior,
/// a sweep the same design), split into the same number of shards, none missing, none given
/// twice, and none of them the merge's own output folder. Both merges (`ShardMerge`,
/// `SweepMerge`) read their shards and publish their folder through it.
struct ShardSet {
  /// The folders, in shard order.
  let folders: [ShardFolder]

  /// The first shard's record: what every shard agrees on.
  var record: RunRecord { folders[0].record }

  /// Reads and checks the folders at `paths` for a merge into `output`.
  /// - Throws: `MergeError` naming the folder and what is wrong with it.
  init(paths: [String], output: String) throws(MergeError) {
    let read = try paths.map { path throws(MergeError) in try ShardFolder(path: path) }
    folders = try Self.complete(read)
    if let clash = folders.first(where: { Self.standardized($0.path) == Self.standardized(output) }) {
      throw MergeError(.outputIsShard(output: output, shard: clash.name))
    }
  }

  /// Writes the merged folder at `output` as one unit (see `StagedOutputs`): `write` fills the
  /// `files`, then `run.json` records the shards' settings, the merge's command line and times,
  /// and the folders merged. On any failure nothing is published.
  func publish(
    _ files: [OutputFile], to output: String, commandLine: [String], startedAt: Date, overwrite: Bool,
    write: (StagedOutputs) throws -> Void
  ) throws {
    let merged = record.merged(
      from: folders.map { Self.standardized($0.path) }, commandLine: commandLine, startedAt: startedAt)
    let outputs = try StagedOutputs(directory: output, files: files, record: merged, overwrite: overwrite)
    do {
      try write(outputs)
      try outputs.commit(record: merged)
    } catch {
      outputs.discard()
      throw error
    }
  }

  private static func standardized(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// What every shard of one run must agree on, in the order a disagreement is reported: why a
  /// shard that differs is from another run, and the value, as "shard x/ is from WHY (THEIRS vs
  /// OURS in first/)" words them.
  private static func agreements(_ folder: ShardFolder) -> [(why: String, value: String)] {
    let header = folder.record.header
    let noun: String
    var strategies = header.strategies.joined(separator: ",")
    var kindOwn: [(String, String)] = []
    switch folder.record.kind {
    case .run(let details, _):
      noun = "run"
      strategies += details.reference.map { " against \($0)" } ?? ""
      kindOwn = [
        (
          "a run over another posterior",
          details.posterior.map { "posterior \($0.sha256) × \($0.runsPerParticle)" } ?? "fixed parameters"
        )
      ]
    case .sweep(let details, _):
      noun = "sweep"
      kindOwn = [("a different design", "design \(details.designSha256)")]
    case .calibrate:
      noun = "calibration"
    }
    return [
      ("another command", noun),
      ("a different scenario", "sha \(header.scenarioSha256)"),
      ("a \(noun) with a different seed", "seed \(header.masterSeed)"),
      ("a different cohortsim version", header.cohortsimVersion),
      ("a \(noun) of different strategies", strategies),
      ("a \(noun) of a different size", "\(header.replications) replications"),
    ] + kindOwn + [("a \(noun) split differently", "\(folder.shard.count) shards")]
  }

  /// The folders sorted by shard index, after checking that they are one run and all of it.
  private static func complete(_ folders: [ShardFolder]) throws(MergeError) -> [ShardFolder] {
    guard let first = folders.first else { throw MergeError("no shard folders given") }
    let ours = agreements(first)
    for folder in folders.dropFirst() {
      for (theirs, ours) in zip(agreements(folder), ours) where theirs.value != ours.value {
        throw MergeError(
          "shard \(folder.name) is from \(theirs.why) (\(theirs.value) vs \(ours.value) in \(first.name))")
      }
    }
    let count = first.shard.count
    var byIndex: [Int: ShardFolder] = [:]
    for folder in folders {
      if let earlier = byIndex[folder.shard.index] {
        throw MergeError(
          "shard \(folder.shard.index) of \(count) given twice: \(earlier.name) and \(folder.name)")
      }
      byIndex[folder.shard.index] = folder
    }
    let missing = (0..<count).filter { byIndex[$0] == nil }
    if !missing.isEmpty {
      let names = missing.map(String.init).joined(separator: ", ")
      throw MergeError(
        missing.count == 1
          ? "shard \(names) of \(count) is missing" : "shards \(names) of \(count) are missing")
    }
    return (0..<count).map { byIndex[$0]! }
  }
}
