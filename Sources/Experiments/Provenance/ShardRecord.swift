/// Which block of a run a shard folder holds (`--shard K/N`, see `Shard`): its index, the shard
/// count and the block's global indices — replications of a run, design points of a sweep, as
/// `first_replication`/`end_replication` or `first_point`/`end_point` in `run.json`.
struct ShardRecord: Codable, Equatable {
  /// What a sharded run divides into blocks.
  enum Unit: Equatable {
    /// A run's or comparison's replications.
    case replications
    /// A sweep's design points.
    case points
  }

  var index: Int
  var count: Int
  var unit: Unit
  /// The block's global indices, `first ..< end`.
  var block: Range<Int>

  /// The block `shard` holds of `total` replications or points.
  init(_ shard: Shard, of total: Int, unit: Unit) {
    index = shard.index
    count = shard.count
    self.unit = unit
    block = shard.replications(of: total)
  }

  private enum CodingKeys: String, CodingKey {
    case index, count, firstReplication = "first_replication", endReplication = "end_replication"
    case firstPoint = "first_point", endPoint = "end_point"
  }

  /// The keys of the block's ends for `unit`.
  private static func keys(_ unit: Unit) -> (first: CodingKeys, end: CodingKeys) {
    switch unit {
    case .replications: (.firstReplication, .endReplication)
    case .points: (.firstPoint, .endPoint)
    }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    index = try container.decode(Int.self, forKey: .index)
    count = try container.decode(Int.self, forKey: .count)
    unit = container.contains(.firstPoint) ? .points : .replications
    let keys = Self.keys(unit)
    let first = try container.decode(Int.self, forKey: keys.first)
    let end = try container.decode(Int.self, forKey: keys.end)
    guard first <= end else {
      throw DecodingError.dataCorruptedError(
        forKey: keys.end, in: container,
        debugDescription: "the block ends (\(end)) before it starts (\(first))")
    }
    block = first..<end
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    let keys = Self.keys(unit)
    try container.encode(index, forKey: .index)
    try container.encode(count, forKey: .count)
    try container.encode(block.lowerBound, forKey: keys.first)
    try container.encode(block.upperBound, forKey: keys.end)
  }
}
