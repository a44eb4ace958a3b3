import CGSL

/// The generator algorithms a stream can use; all are GSL's.
public enum GeneratorAlgorithm: String, Sendable, CaseIterable, Codable {
  /// Matsumoto and Nishimura's Mersenne Twister (1998): GSL's default and ours.
  case mt19937
  /// L'Ecuyer's maximally equidistributed Tausworthe generator (1996): small state, fast seeding.
  case taus2
  /// Lüscher's RANLUX at the highest luxury level (1994): slow, for checking results.
  case ranlxd2

  var gslType: UnsafePointer<gsl_rng_type> {
    switch self {
    case .mt19937: return cohortsim_rng_mt19937()
    case .taus2: return cohortsim_rng_taus2()
    case .ranlxd2: return cohortsim_rng_ranlxd2()
    }
  }
}

/// One independent sequence of random numbers: the sole owner of a `gsl_rng`.
///
/// It is `~Copyable` so the generator is freed exactly once, when its owner goes away, and can
/// never be shared by accident between two replications or two threads. Seeds come from
/// `SeedDerivation`, never from the clock.
///
/// GSL's `mt19937` keeps only the low 32 bits of a seed; the derivation folds the 64-bit seed
/// (high word XOR low word) so that both halves matter.
public struct RandomStream: ~Copyable {
  @usableFromInline let generator: UnsafeMutablePointer<gsl_rng>
  /// False for a stream lent by a `RandomStreamBank`, which keeps ownership.
  @usableFromInline let ownsGenerator: Bool

  /// A stream seeded with `seed` exactly as given.
  public init(seed: UInt64, algorithm: GeneratorAlgorithm = .mt19937) {
    GSLRuntime.prepare()
    guard let generator = gsl_rng_alloc(algorithm.gslType) else {
      // Allocation of a few kilobytes failing means the process is out of memory; nothing
      // sensible can continue, and GSL's handler is off so it would not abort for us.
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    self.generator = generator
    self.ownsGenerator = true
    RandomStream.seed(generator, with: seed)
  }

  /// Seeds a generator with a 64-bit seed folded to the 32 bits GSL's mt19937 keeps.
  static func seed(_ generator: UnsafeMutablePointer<gsl_rng>, with seed: UInt64) {
    gsl_rng_set(generator, UInt(truncatingIfNeeded: (seed >> 32) ^ (seed & 0xFFFF_FFFF)))
  }

  /// The stream named `key` of the replication whose seed is `replicationSeed`.
  public init(replicationSeed: UInt64, key: StreamKey, algorithm: GeneratorAlgorithm = .mt19937) {
    self.init(
      seed: SeedDerivation.streamSeed(replicationSeed: replicationSeed, key: key), algorithm: algorithm)
  }

  /// A stream over a generator owned elsewhere (a `RandomStreamBank`): never frees it.
  @inlinable
  init(borrowing generator: UnsafeMutablePointer<gsl_rng>) {
    self.generator = generator
    self.ownsGenerator = false
  }

  deinit {
    if ownsGenerator { gsl_rng_free(generator) }
  }

  /// A uniform draw on [0, 1), from `gsl_rng_uniform`.
  /// - Complexity: O(1)
  @inlinable
  public mutating func uniform() -> Double {
    gsl_rng_uniform(generator)
  }

  /// A uniform draw on (0, 1), from `gsl_rng_uniform_pos`: safe to take a logarithm of.
  /// - Complexity: O(1)
  @inlinable
  public mutating func uniformPositive() -> Double {
    gsl_rng_uniform_pos(generator)
  }

  /// An integer uniform on 0..<`upperBound`, from `gsl_rng_uniform_int` (no modulo bias).
  /// - Precondition: `upperBound > 0`
  @inlinable
  public mutating func integer(below upperBound: Int) -> Int {
    precondition(upperBound > 0, "integer(below:) needs a positive bound")
    return Int(gsl_rng_uniform_int(generator, UInt(upperBound)))
  }

  /// True with probability `probability`, from `gsl_rng_uniform`.
  @inlinable
  public mutating func chance(_ probability: Double) -> Bool {
    gsl_rng_uniform(generator) < probability
  }

  /// An exponential draw with the given mean, from `gsl_ran_exponential`.
  /// - Complexity: O(1)
  @inlinable
  public mutating func exponential(mean: Double) -> Double {
    gsl_ran_exponential(generator, mean)
  }

  /// A normal draw, from `gsl_ran_gaussian_ziggurat` (Marsaglia and Tsang, 2000).
  @inlinable
  public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
    mean + gsl_ran_gaussian_ziggurat(generator, standardDeviation)
  }

  /// A Poisson count with the given mean, from `gsl_ran_poisson`.
  @inlinable
  public mutating func poisson(mean: Double) -> Int {
    Int(gsl_ran_poisson(generator, mean))
  }

  /// Passes the raw generator to code in this module that calls `gsl_ran_*` directly.
  @inlinable
  func withGenerator<R>(_ body: (UnsafeMutablePointer<gsl_rng>) -> R) -> R {
    body(generator)
  }
}
