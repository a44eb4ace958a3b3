/// One of `count` equal slices of a run's replications, so a cluster can run each slice as a
/// separate job and `ShardMerge` can put the whole run back together.
///
/// The rule is contiguous blocks: of `R` replications, shard `K` of `N` (counting from 0, as
/// `SLURM_ARRAY_TASK_ID` does) runs replications `⌊K·R/N⌋ ..< ⌊(K+1)·R/N⌋`. Blocks keep each
/// shard's rows a contiguous run of `replications.csv`, so merging is concatenation in shard
/// order, and block sizes differ by at most one. A shard simulates its replications with the
/// seeds of the whole run (`SeedDerivation.replicationSeed` of the global index), so how a run is
/// split never changes a number. With more shards than replications some shards are empty,
/// which is allowed: they still write their header and `run.json`.
public struct Shard: Sendable, Equatable, Hashable {
  /// 0-based.
  public let index: Int
  /// How many shards the run is split into.
  public let count: Int

  /// - Precondition: `0 <= index < count`.
  public init(index: Int, count: Int) {
    precondition(count >= 1 && (0..<count).contains(index), "a shard index is 0 ..< count")
    self.index = index
    self.count = count
  }

  /// The global replication indices this shard runs, of a run of `total`.
  /// - Complexity: O(1).
  public func replications(of total: Int) -> Range<Int> {
    // Multiply before dividing so the blocks tile 0 ..< total exactly; Int64 range is ample.
    (total * index / count)..<(total * (index + 1) / count)
  }

  /// `K/N`, as typed after `--shard`.
  public var description: String { "\(index)/\(count)" }
}
