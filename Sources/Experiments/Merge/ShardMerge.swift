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
/// Before writing anything it checks (`ShardSet`) that the folders are one complete run: all
/// from the same scenario bytes (SHA-256), master seed, cohortsim version, strategies, reference,
/// replication count, posterior and shard count; no shard missing, none given twice. Output is
/// staged like a run's: on any failure no file appears and earlier results in the output folder
/// stay as they were.
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
    let stopwatch = Stopwatch()
    let shards = try ShardSet(paths: shardDirectories, output: outputDirectory)
    guard case .run(let details, _) = shards.record.kind else {
      throw MergeError(
        "\(shards.folders[0].name) holds a sweep's shard; merge it with 'cohortsim merge' of its sweep")
    }
    let strategies = shards.record.header.strategies
    let optional: [OutputFile] = [.shardOutcomes, .students, .sites, .trace]
    let present = optional.filter { file in shards.folders.allSatisfy { $0.contains(file) } }
    let extras = present.filter { $0 != .shardOutcomes }
    let overTime: [OutputFile] = present.contains(.shardOutcomes) ? [.timeToOffer, .cohorts, .timeline] : []
    for file in optional where !present.contains(file) {
      if let with = shards.folders.first(where: { $0.contains(file) }),
        let without = shards.folders.first(where: { !$0.contains(file) })
      {
        throw MergeError(
          "shard \(with.name) has \(file.rawValue) but \(without.name) does not: the shards were run with different "
            + "output options; rerun them all alike")
      }
    }
    let files: [OutputFile] =
      [.summary, .replications] + (details.reference == nil ? [] : [.comparison]) + overTime + extras
      + [.provenance]
    guard details.reference.map(strategies.contains) ?? true else {
      throw MergeError(
        "\(shards.folders[0].path(of: .provenance)): the reference is not one of the strategies")
    }
    let runsPerParticle = details.posterior?.runsPerParticle
    var aggregate = ExperimentAggregate(
      strategies: strategies, reference: details.reference, splitsVariance: runsPerParticle != nil)
    try shards.publish(
      files, to: outputDirectory, commandLine: provenance.commandLine, startedAt: startedAt,
      overwrite: overwrite
    ) { outputs in
      var outcomes: OutcomeAggregate?
      let writer = ReplicationWriter(
        outputs: outputs, strategies: strategies, posteriorRun: runsPerParticle != nil)
      try writer.writeHeaders()
      for shard in shards.folders {
        if cancellation.isCancelled { throw MergeCancelled() }
        for output in try ShardReplications.read(
          shard, strategies: strategies, masterSeed: shards.record.header.masterSeed,
          posteriorRun: runsPerParticle != nil)
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
          try outputs[.students].append(
            try shard.body(of: .students, header: Self.line(OutputColumns.students)))
        }
        if outputs.contains(.sites) {
          try outputs[.sites].append(try shard.body(of: .sites, header: Self.line(OutputColumns.sites)))
        }
      }
      if outputs.contains(.trace), let traced = shards.folders.first(where: { !$0.block.isEmpty }) {
        try outputs[.trace].append(try traced.body(of: .trace, header: Self.line(OutputColumns.trace)))
      }
      try writer.writeSummaries(aggregate.summaries(), comparisons: aggregate.comparisons())
      if let outcomes { try writer.writeOutcomes(outcomes) }
      if cancellation.isCancelled { throw MergeCancelled() }
    }
    return RunReport(
      outputDirectory: outputDirectory, files: files, replications: aggregate.replications,
      strategies: strategies, summaries: aggregate.summaries(), comparisons: aggregate.comparisons(),
      targetReached: nil, elapsedSeconds: stopwatch.elapsedSeconds)
  }

  /// A header row as `CSVFormat` writes it, CRLF included.
  private static func line(_ header: [String]) -> String { CSVFormat.row(header.map(CSVFormat.text)) }
}
