/// How much of a run or sweep a results folder holds: all of it, one shard (`--shard K/N`), or
/// all of it put back together from shards by `cohortsim merge`. In `run.json` a shard records
/// `"shard"`, a merge `"merged_from"`, a whole run neither.
enum RunExtent: Codable, Equatable {
  case whole
  case shard(ShardRecord)
  /// The shard folders merged, as absolute paths, in shard order.
  case merged(from: [String])

  private enum CodingKeys: String, CodingKey {
    case shard, mergedFrom = "merged_from"
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let shard = try container.decodeIfPresent(ShardRecord.self, forKey: .shard)
    let mergedFrom = try container.decodeIfPresent([String].self, forKey: .mergedFrom)
    switch (shard, mergedFrom) {
    case (nil, nil): self = .whole
    case (let shard?, nil): self = .shard(shard)
    case (nil, let folders?): self = .merged(from: folders)
    case (.some, .some):
      throw DecodingError.dataCorruptedError(
        forKey: .mergedFrom, in: container,
        debugDescription: "a folder is a shard or a merge of shards, not both")
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .whole: break
    case .shard(let shard): try container.encode(shard, forKey: .shard)
    case .merged(let folders): try container.encode(folders, forKey: .mergedFrom)
    }
  }

  /// The shard this folder holds; nil for a whole or merged one.
  var shard: ShardRecord? {
    if case .shard(let shard) = self { return shard }
    return nil
  }
}
