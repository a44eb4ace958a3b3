import Foundation

/// What both merges (`ShardMerge`, `SweepMerge`) check of their output folder before reading any
/// shard's rows: that it is none of the shards, which the merge would otherwise replace with the
/// whole run and so lose the shard (also when spelt with `.` or `..`).
enum MergeOutput {
  /// Throws when `output` names the same folder as one of `shards` (paths as given, and their
  /// names with a trailing slash for the message).
  static func refuseShardAsOutput(_ output: String, shards: [(path: String, name: String)]) throws(MergeError)
  {
    func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
    if let clash = shards.first(where: { standardized($0.path) == standardized(output) }) {
      throw MergeError("--out \(output) is the shard folder \(clash.name); merge into another folder")
    }
  }
}
