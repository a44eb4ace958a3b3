/// Why `cohortsim merge` refused its shard folders: a shard missing, given twice or from another
/// run, or a file in one that is not what a sharded run writes. The message names the folder or
/// file and the problem; the executable prints it and exits 2.
///
/// Experiments knows no flags: the problems a command line would cure with an option carry their
/// facts (`Problem`), and the command line names the options (`description(shardOption:outOption:)`).
public struct MergeError: Error, Sendable, CustomStringConvertible, Equatable {
  public enum Problem: Sendable, Equatable {
    /// A path given as a shard is not a folder.
    case notAFolder(String)
    /// A shard folder holds no `run.json`: its task did not finish.
    case unfinishedShard(String)
    /// The merge's output folder is one of the shards.
    case outputIsShard(output: String, shard: String)
    /// Anything else, said in full.
    case other(String)
  }

  public var problem: Problem

  public init(_ message: String) { problem = .other(message) }

  public init(_ problem: Problem) { self.problem = problem }

  /// The message in the library's own words, naming no option.
  public var description: String { description(shardOption: nil, outOption: nil) }

  /// The message naming the options that would cure it, as the command line spells them (nil: in
  /// words).
  public func description(shardOption: String?, outOption: String?) -> String {
    switch problem {
    case .notAFolder(let name):
      let wrote = shardOption.map { shard in "'cohortsim run \(shard) K/N \(outOption ?? "--out") DIR'" }
      return "\(name) is not a folder; give the folders \(wrote ?? "a sharded run") wrote"
    case .unfinishedShard(let name):
      let rerun = shardOption.map { "rerun it with \($0) K/N" } ?? "rerun that shard"
      return "\(name) has no run.json: not a finished shard (its task may have failed; \(rerun))"
    case .outputIsShard(let output, let shard):
      return
        "\(outOption ?? "the output folder") \(output) is the shard folder \(shard); merge into another folder"
    case .other(let message):
      return message
    }
  }
}

/// The merge was interrupted (SIGINT, SIGTERM, SIGHUP) before publishing; nothing was changed.
public struct MergeCancelled: Error, Sendable {
  public init() {}
}
