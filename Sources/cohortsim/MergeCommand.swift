import Experiments
import Foundation

/// `cohortsim merge`: the shard folders of a run split with `--shard K/N`, put back together.
struct MergeCommand: Subcommand {
  static let name = "merge"
  static let summary = "merge the shard folders of a run split with --shard into one run's results"
  static let usage = "SHARD_DIR... --out DIR [--quiet]"
  static let discussion = """
    Reads the folders written by 'cohortsim run --shard K/N' (or 'compare --shard K/N', or 'sweep --shard \
    K/N', whose design.csv, points.csv, replications.csv and sensitivity.csv it rebuilds), in any \
    order, and writes into DIR exactly what one machine running the whole scenario would have written: \
    summary.csv, replications.csv, comparison.csv for a comparison, time_to_offer.csv, cohorts.csv and \
    timeline.csv (from the shards' outcomes.csv), and students.csv, sites.csv (and trace.csv) when every shard \
    wrote one — the CSV files byte for byte, whatever N was. run.json records the \
    merge and lists the shard folders under "merged_from". It first checks that the folders are one \
    complete run: the same scenario bytes (SHA-256), seed, cohortsim version, strategies, replications \
    and N, no shard missing and none given twice, every row present with its expected seed; otherwise \
    it writes nothing, names the problem and exits 2. Exit codes: 0 merged, 2 the shards are not one \
    complete run or a file in them is malformed or does not match its run.json (or bad usage, or --out is in use or holds something it may not replace), 3 failure, 130 interrupted.
    """
  static let out = Option.folder(
    "out", "DIR", "where the merged results go (required); earlier results there are replaced only on success"
  )
  static let overwrite = CommonOptions.overwrite.help(
    "replace an --out folder that holds a run with other settings; a folder with files cohortsim did not write "
      + "is never replaced")
  static let quiet = Flag("quiet", "print nothing but errors: no closing table")
  static let options: [any OptionDeclaration] = [out, overwrite, quiet]
  static let examples = [
    "cohortsim merge shards/0 shards/1 shards/2 shards/3 --out Results/baseline",
    "cohortsim merge Results/baseline-shards/shard-* --out Results/baseline",
  ]

  let shardDirectories: [String]
  let outputDirectory: String
  let quiet: Bool
  let overwrite: Bool
  let commandLine: [String]

  init(_ arguments: ParsedArguments) throws {
    guard !arguments.positionals.isEmpty else {
      throw UsageError(message: "'merge' takes one or more shard folders (SHARD_DIR...)", command: Self.name)
    }
    guard let outputDirectory = try arguments[Self.out] else {
      throw UsageError(
        message: "'merge' needs --out DIR: where the merged summary.csv and replications.csv go",
        command: Self.name)
    }
    shardDirectories = arguments.positionals
    self.outputDirectory = outputDirectory
    quiet = try arguments[Self.quiet]
    overwrite = try arguments[Self.overwrite]
    commandLine = ["cohortsim", arguments.command] + arguments.raw
  }

  func run() throws -> ExitStatus {
    if SweepMerge.holdsSweep(shardDirectories[0]) { return try mergeSweep() }
    let merge = ShardMerge(
      shardDirectories: shardDirectories, outputDirectory: outputDirectory,
      provenance: ProvenanceInfo(version: cohortsimVersion, commandLine: commandLine), overwrite: overwrite)
    let interrupts = InterruptTrap()
    defer { interrupts.restore() }
    let report: RunReport
    do {
      report = try merge.run(cancellation: interrupts.cancellation)
    } catch is MergeCancelled {
      throw CommandFailure(.interrupted, "interrupted: nothing merged; \(outputDirectory) left as it was")
    }
    if !quiet {
      print(
        "merged \(shardDirectories.count) shards: " + ResultTables.location(report)
          + ResultTables.headlines(report) + ResultTables.differences(report), terminator: "")
    }
    return .done
  }

  /// The shard folders of `cohortsim sweep --shard K/N`.
  private func mergeSweep() throws -> ExitStatus {
    let merge = SweepMerge(
      shardDirectories: shardDirectories, outputDirectory: outputDirectory,
      provenance: ProvenanceInfo(version: cohortsimVersion, commandLine: commandLine), overwrite: overwrite)
    let points = try merge.run()
    if !quiet {
      print("merged \(shardDirectories.count) sweep shards: \(points) points → \(outputDirectory)/")
    }
    return .done
  }
}
