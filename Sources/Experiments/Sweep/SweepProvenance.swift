import Foundation

/// A sweep's `run.json`: what `run` records (version, scenario bytes, seed, replications,
/// strategies, command line, times) plus the design itself, so that a shard folder carries all
/// `cohortsim merge` needs to rebuild the design's points and check the shards belong together.
struct SweepProvenance: Codable {
  var cohortsimVersion: String
  var scenarioFile: String
  var scenarioSha256: String
  var masterSeed: UInt64
  var replications: Int
  var strategies: [String]
  var jobs: Int
  var commandLine: [String]
  var startedAt: String
  var finishedAt: String
  var platform: String
  var design: SweepDesign
  /// SHA-256 of the design as canonical JSON (`SweepProvenance.canonical`).
  var designSha256: String
  var points: Int
  /// Set in a shard folder: which block of points it holds.
  var shard: ShardRecord? = nil
  /// Set by `cohortsim merge`: the shard folders merged, in shard order.
  var mergedFrom: [String]? = nil
  /// Every other file in the folder, by name, with its size and SHA-256 (see `RunProvenance`).
  var files: [String: FileDigest]? = nil

  struct ShardRecord: Codable, Equatable {
    var index: Int
    var count: Int
    var firstPoint: Int
    var endPoint: Int

    init(_ shard: Shard, points: Int) {
      index = shard.index
      count = shard.count
      let block = shard.replications(of: points)
      firstPoint = block.lowerBound
      endPoint = block.upperBound
    }

    enum CodingKeys: String, CodingKey {
      case index, count, firstPoint = "first_point", endPoint = "end_point"
    }
  }

  enum CodingKeys: String, CodingKey {
    case cohortsimVersion = "cohortsim_version", scenarioFile = "scenario_file"
    case scenarioSha256 = "scenario_sha256", masterSeed = "master_seed", replications, strategies
    case jobs, commandLine = "command_line", startedAt = "started_at", finishedAt = "finished_at", platform
    case design, designSha256 = "design_sha256", points, shard, mergedFrom = "merged_from", files
  }

  /// The design as sorted-key JSON: the same bytes for the same design, whatever its file's layout.
  static func canonical(_ design: SweepDesign) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try! encoder.encode(design), as: UTF8.self)
  }
}
