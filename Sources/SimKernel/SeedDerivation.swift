/// Derives every seed in a run from one master seed, so that no seed ever comes from the clock.
///
/// A stream's seed is a pure function of (master seed, replication index, stream key):
///
///     s0 = splitmix64(master)
///     s1 = splitmix64(s0 ^ replication &* 0x9E3779B97F4A7C15)
///     seed = splitmix64(s1 ^ fnv1a64(key.purpose) ^ splitmix64(key.index))
///
/// `splitmix64` is the finaliser of Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators" (OOPSLA 2014); FNV-1a hashes the purpose's UTF-8 bytes. Nothing depends on
/// `Hasher` (randomly seeded per process), the thread that asks, or the machine, so a
/// replication draws the same numbers whether it runs first, last, alone or on a cluster node.
public enum SeedDerivation {
  /// The SplitMix64 output function: a bijection on 64-bit words with full avalanche.
  /// - Complexity: O(1)
  @inlinable
  public static func splitmix64(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// FNV-1a over UTF-8 bytes: stable across processes, unlike `String.hashValue`.
  /// - Complexity: O(length of `text`)
  public static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// The seed of replication `replication` of a run whose master seed is `master`.
  /// Recorded in `replications.csv` so that any single replication can be rerun alone.
  public static func replicationSeed(master: UInt64, replication: Int) -> UInt64 {
    splitmix64(splitmix64(master) ^ (UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15))
  }

  /// The seed of the stream `key` inside a replication whose seed is `replicationSeed`.
  public static func streamSeed(replicationSeed: UInt64, key: StreamKey) -> UInt64 {
    splitmix64(replicationSeed ^ fnv1a64(key.purpose) ^ splitmix64(UInt64(truncatingIfNeeded: key.index)))
  }

  /// The seed of the keyed draw `key` inside a replication whose seed is `replicationSeed`:
  ///
  ///     seed = splitmix64(splitmix64(splitmix64(replication ^ purpose) ^ entity) ^ occurrence)
  ///
  /// Chaining the finaliser (rather than XOR-ing the parts together) keeps (entity a,
  /// occurrence b) apart from (entity b, occurrence a).
  /// - Complexity: O(1)
  @inlinable
  public static func drawSeed(replicationSeed: UInt64, key: DrawKey) -> UInt64 {
    splitmix64(splitmix64(splitmix64(replicationSeed ^ key.purpose.hash) ^ key.entity) ^ key.occurrence)
  }
}

/// What a short-lived keyed stream is for: a purpose name hashed once (FNV-1a), so that building
/// a key on a hot path costs no hashing.
public struct DrawPurpose: Hashable, Sendable, CustomStringConvertible {
  public let name: String
  public let hash: UInt64

  public init(_ name: String) {
    self.name = name
    self.hash = SeedDerivation.fnv1a64(name)
  }

  public var description: String { name }
}

/// Names one short-lived stream by what its draws are about: the purpose, the entity (a site, a
/// requisition's identity, a student) and, where the purpose repeats for that entity, which
/// occurrence (a posting number, a student applying to the requisition).
///
/// Two runs that differ only in policy draw the same numbers for the same key, whatever else
/// happened before: the seed depends on the key alone, not on how many draws came earlier.
public struct DrawKey: Hashable, Sendable, CustomStringConvertible {
  public var purpose: DrawPurpose
  public var entity: UInt64
  public var occurrence: UInt64

  @inlinable
  public init(_ purpose: DrawPurpose, entity: UInt64, occurrence: UInt64 = 0) {
    self.purpose = purpose
    self.entity = entity
    self.occurrence = occurrence
  }

  @inlinable
  public init(_ purpose: DrawPurpose, entity: Int, occurrence: Int = 0) {
    self.init(
      purpose, entity: UInt64(truncatingIfNeeded: entity), occurrence: UInt64(truncatingIfNeeded: occurrence))
  }

  public var description: String { "\(purpose) / \(entity) / \(occurrence)" }
}

/// Names what a random stream is for, e.g. `StreamKey("exam attempts", 17)` for student 17.
///
/// Keying streams by purpose and entity is what makes common random numbers work: when two runs
/// differ in one policy, every stream the policy does not touch draws the same numbers in both.
public struct StreamKey: Hashable, Sendable, CustomStringConvertible {
  public var purpose: String
  public var index: Int

  public init(_ purpose: String, _ index: Int = 0) {
    self.purpose = purpose
    self.index = index
  }

  public var description: String { "\(purpose) / \(index)" }
}
