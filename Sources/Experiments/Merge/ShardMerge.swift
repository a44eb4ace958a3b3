import Foundation

/// `cohortsim merge`: turns the folders of a sharded run back into the files one machine would
/// have written — `summary.csv`, `replications.csv`, `comparison.csv` for a comparison, and the
/// over-time files (`time_to_offer.csv`, `cohorts.csv`, `timeline.csv`, from each shard's
/// `outcomes.csv` through the runner's `OutcomeAggregate`) — byte for byte.
///
/// Byte-identical because nothing is computed differently: the shards' rows are read back
/// (every value round-trips, as `CSVFormat` writes shortest round-trip decimals), put in global
/// replication order (shard 0's block, then shard 1's, …), and handed to the same
/// `ReplicationWriter` and `ExperimentAggregate` the runner uses, in the same order the runner's
/// consumer would have. `students.csv` (and `sites.csv`) is merged when every shard wrote one
/// (shards disagreeing on it, or on `trace.csv`, are refused), by concatenating the shards' rows
/// in shard order (which is replication order); `trace.csv` is copied from the
/// shard holding replication 0 when every shard was run with `--trace`.
///
/// Before writing anything it checks that the folders are one complete run: all from the same
/// scenario bytes (SHA-256), master seed, cohortsim version, strategies, reference, replication
/// count and shard count; no shard missing, none given twice. Output is staged like a run's:
/// on any failure no file appears and earlier results in the output folder stay as they were.
public struct ShardMerge {
  public let shardDirectories: [String]
  public let outputDirectory: String
  /// The merge's own version and command line, recorded in its `run.json`.
  public let provenance: ProvenanceInfo
  /// Replace an output folder holding a run with other settings (`--overwrite`).
  public var overwrite = false

  public init(
    shardDirectories: [String], outputDirectory: String, provenance: ProvenanceInfo, overwrite: Bool = false
  ) {
    self.shardDirectories = shardDirectories
    self.outputDirectory = outputDirectory
    self.provenance = provenance
    self.overwrite = overwrite
  }

  /// Checks the shards and writes the merged files.
  /// - Throws: `MergeError` when the shards are not one complete run or a shard file is
  ///   malformed; `OutputError` when the merged files cannot be written.
  /// - Complexity: O(total size of the shards' files); one shard's rows are in memory at a time.
  public func run(cancellation: Cancellation = Cancellation()) throws -> RunReport {
    let startedAt = Date()
    let clock = ContinuousClock()
    let start = clock.now
    let shards = try Self.completeRun(
      try shardDirectories.map { path throws(MergeError) in
        try ShardFolder(path: path)
      })
    try MergeOutput.refuseShardAsOutput(outputDirectory, shards: shards.map { ($0.path, $0.name) })
    func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
    let first = shards[0].provenance
    let strategies = first.strategies
    let optional: [OutputFile] = [.shardOutcomes, .students, .sites, .trace]
    let present = optional.filter { file in shards.allSatisfy { $0.contains(file) } }
    let extras = present.filter { $0 != .shardOutcomes }
    let overTime: [OutputFile] = present.contains(.shardOutcomes) ? [.timeToOffer, .cohorts, .timeline] : []
    for file in optional where !present.contains(file) {
      if let with = shards.first(where: { $0.contains(file) }),
        let without = shards.first(where: { !$0.contains(file) })
      {
        throw MergeError(
          "shard \(with.name) has \(file.rawValue) but \(without.name) does not: the shards were run with different "
            + "output options; rerun them all alike")
      }
    }
    let files: [OutputFile] =
      [.summary, .replications] + (first.reference == nil ? [] : [.comparison]) + overTime + extras
      + [.provenance]
    guard first.reference.map(strategies.contains) ?? true else {
      throw MergeError("\(shards[0].path(of: .provenance)): the reference is not one of the strategies")
    }
    var merged = first
    merged.commandLine = provenance.commandLine
    merged.shard = nil
    merged.mergedFrom = shards.map { standardized($0.path) }
    merged.files = nil
    let outputs = try StagedOutputs(
      directory: outputDirectory, files: files, settings: merged, overwrite: overwrite)
    do {
      let runsPerParticle = first.posterior?.runsPerParticle
      var aggregate = ExperimentAggregate(
        strategies: strategies, reference: first.reference, splitsVariance: runsPerParticle != nil)
      var outcomes: OutcomeAggregate?
      let writer = ReplicationWriter(
        outputs: outputs, strategies: strategies, posteriorRun: runsPerParticle != nil)
      try writer.writeHeaders()
      for shard in shards {
        if cancellation.isCancelled { throw MergeCancelled() }
        for output in try ShardReplications.read(
          shard, strategies: strategies, masterSeed: first.masterSeed, posteriorRun: runsPerParticle != nil)
        {
          try writer.write(output)
          aggregate.add(output.runs.map(\.metrics), particleGroup: runsPerParticle.map { output.index / $0 })
        }
        if !overTime.isEmpty {
          let (year, replications) = try ShardOutcomes.read(shard, strategies: strategies)
          guard let startYear = year else { continue }
          if outcomes == nil { outcomes = OutcomeAggregate(strategies: strategies, startYear: startYear) }
          guard outcomes?.startYear == startYear else {
            throw MergeError(
              "\(shard.path(of: .shardOutcomes)): its years start in \(startYear), another shard's do not")
          }
          for replication in replications { outcomes?.add(replication) }
        }
        if outputs.contains(.students) {
          try outputs[.students].append(try Self.body(of: shard, .students, header: OutputColumns.students))
        }
        if outputs.contains(.sites) {
          try outputs[.sites].append(try Self.body(of: shard, .sites, header: OutputColumns.sites))
        }
      }
      if outputs.contains(.trace), let traced = shards.first(where: { !$0.block.isEmpty }) {
        try outputs[.trace].append(try Self.body(of: traced, .trace, header: OutputColumns.trace))
      }
      let summaries = aggregate.summaries()
      let comparisons = aggregate.comparisons()
      try writer.writeSummaries(summaries, comparisons: comparisons)
      if let outcomes { try writer.writeOutcomes(outcomes) }
      if cancellation.isCancelled { throw MergeCancelled() }
      merged.startedAt = RunProvenance.timestamp(startedAt)
      merged.finishedAt = RunProvenance.timestamp(Date())
      merged.platform = RunProvenance.platform
      try outputs.commit(provenance: merged)
      let duration = clock.now - start
      return RunReport(
        outputDirectory: outputDirectory, files: files, replications: aggregate.replications,
        strategies: strategies, summaries: summaries, comparisons: comparisons, targetReached: nil,
        elapsedSeconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
    } catch {
      outputs.discard()
      throw error
    }
  }

  /// The shards sorted by index, after checking that they are one run and all of it.
  static func completeRun(_ folders: [ShardFolder]) throws(MergeError) -> [ShardFolder] {
    guard let first = folders.first else { throw MergeError("no shard folders given") }
    let reference = first.provenance
    for folder in folders.dropFirst() {
      let other = folder.provenance
      func differs(_ what: String, _ theirs: String, _ ours: String) -> MergeError {
        MergeError("shard \(folder.name) is from \(what) (\(theirs) vs \(ours) in \(first.name))")
      }
      if other.scenarioSha256 != reference.scenarioSha256 {
        throw differs(
          "a different scenario", "sha \(other.scenarioSha256)", "sha \(reference.scenarioSha256)")
      }
      if other.masterSeed != reference.masterSeed {
        throw differs(
          "a run with a different seed", "seed \(other.masterSeed)", "seed \(reference.masterSeed)")
      }
      if other.cohortsimVersion != reference.cohortsimVersion {
        throw differs(
          "a different cohortsim version", other.cohortsimVersion, reference.cohortsimVersion)
      }
      if other.strategies != reference.strategies || other.reference != reference.reference {
        func list(_ run: RunProvenance) -> String {
          run.strategies.joined(separator: ",") + (run.reference.map { " against \($0)" } ?? "")
        }
        throw differs("a run of different strategies", list(other), list(reference))
      }
      if other.replications != reference.replications {
        throw differs(
          "a run of a different size", "\(other.replications) replications",
          "\(reference.replications)")
      }
      if other.posterior != reference.posterior {
        func describe(_ run: RunProvenance) -> String {
          run.posterior.map { "posterior \($0.sha256) × \($0.runsPerParticle)" } ?? "fixed parameters"
        }
        throw differs("a run over another posterior", describe(other), describe(reference))
      }
      if folder.shard.count != first.shard.count {
        throw differs(
          "a run split differently", "\(folder.shard.count) shards", "\(first.shard.count)")
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

  /// A shard's `students.csv` or `trace.csv` without its header line, checked to have the right
  /// header and to end with a complete row.
  private static func body(of shard: ShardFolder, _ file: OutputFile, header: [String]) throws(MergeError)
    -> String
  {
    let path = shard.path(of: file)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MergeError("\(path) is missing or unreadable")
    }
    let text = String(decoding: data, as: UTF8.self)
    let headerRow = CSVFormat.row(header.map(CSVFormat.text))
    guard text.hasPrefix(headerRow) else {
      throw MergeError("\(path) line 1: the header is not \(headerRow)")
    }
    guard text.hasSuffix("\r\n") else {
      throw MergeError("\(path) does not end with a complete row (CRLF): the file is truncated")
    }
    return String(text.dropFirst(headerRow.count))
  }
}
