import CGSL

/// The generator algorithms a stream can use; all are GSL's.
public enum GeneratorAlgorithm: String, Sendable, CaseIterable, Codable {
  /// Matsumoto and Nishimura's Mersenne Twister (1998): GSL's default and ours.
  case mt19937
  /// L'Ecuyer's maximally equidistributed Tausworthe generator (1996): small state, fast seeding.
  case taus2
  /// Lüscher's RANLUX at the highest luxury level (1994): slow, for checking results.
  case ranlxd2

  /// The algorithm of short-lived keyed streams (`RandomStreamBank.withStream(keyed:)`): taus2
  /// in place of mt19937, whose seeding fills 624 words for a stream of a few draws.
  public var keyedAlgorithm: GeneratorAlgorithm {
    switch self {
    case .mt19937, .taus2: return .taus2
    case .ranlxd2: return .ranlxd2
    }
  }

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
/// Every bit of the 64-bit seed matters: see `seed(_:with:algorithm:)`.
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
    RandomStream.seed(generator, with: seed, algorithm: algorithm)
  }

  /// Seeds a generator with all 64 bits of `seed`.
  ///
  /// `gsl_rng_set` keeps only 32 bits for mt19937 and taus2, so among the 10⁵ streams of a
  /// national replication two would likely coincide (birthday bound). For those two generators
  /// the whole state is filled instead from a SplitMix64 sequence started at `seed`, as
  /// NumPy's SeedSequence and Vigna recommend for seeding large-state generators; the layouts
  /// are GSL's own (`mt_state_t`: 624 words then an index; `taus_state_t`: three words) and
  /// have not changed since GSL 1.0. Other generators fall back to `gsl_rng_set` with the
  /// seed folded to 32 bits.
  static func seed(
    _ generator: UnsafeMutablePointer<gsl_rng>, with seed: UInt64, algorithm: GeneratorAlgorithm
  ) {
    var sequence = seed
    func next32() -> UInt {
      sequence &+= 0x9E37_79B9_7F4A_7C15
      return UInt(truncatingIfNeeded: SeedDerivation.splitmix64(sequence) >> 32)
    }
    let state = gsl_rng_state(generator)!
    let size = gsl_rng_size(generator)
    switch algorithm {
    case .mt19937:
      precondition(size >= 624 * MemoryLayout<UInt>.stride + 4, "unexpected GSL mt19937 state layout")
      let words = state.bindMemory(to: UInt.self, capacity: 625)
      for index in 0..<624 { words[index] = next32() }
      words[0] |= 0x8000_0000  // never the all-zero state
      // `mti` (an int after the words) = 624: the first draw regenerates the whole block.
      (state + 624 * MemoryLayout<UInt>.stride).bindMemory(to: Int32.self, capacity: 1).pointee = 624
    case .taus2:
      precondition(size >= 3 * MemoryLayout<UInt>.stride, "unexpected GSL taus2 state layout")
      let words = state.bindMemory(to: UInt.self, capacity: 3)
      // Each component needs enough high bits set (s1 > 1, s2 > 7, s3 > 15), as taus2_set ensures.
      words[0] = next32() | 2
      words[1] = next32() | 8
      words[2] = next32() | 16
      for _ in 0..<6 { _ = gsl_rng_get(generator) }  // warm-up, as taus2_set does
    case .ranlxd2:
      gsl_rng_set(generator, UInt(truncatingIfNeeded: (seed >> 32) ^ (seed & 0xFFFF_FFFF)))
    }
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

  /// GSL's name of the generator (`gsl_rng_name`), e.g. "mt19937".
  public var algorithmName: String { String(cString: gsl_rng_name(generator)) }

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
