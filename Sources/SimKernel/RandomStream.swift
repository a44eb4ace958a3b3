import CGSL

/// The generator algorithms a stream can use; all are GSL's.
public enum GeneratorAlgorithm: String, Sendable, CaseIterable {
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
  @usableFromInline static func seed(
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
      var s1 = next32() | 2
      var s2 = next32() | 8
      var s3 = next32() | 16
      // Warm-up, as taus2_set does: six steps of taus_get (GSL's taus.c), computed here rather
      // than through six indirect gsl_rng_get calls (keyed streams reseed on every draw).
      // Bit-exact with GSL's: the tests compare it with gsl_rng_get's warm-up.
      for _ in 0..<6 { Self.tausStep(&s1, &s2, &s3) }
      words[0] = s1
      words[1] = s2
      words[2] = s3
    case .ranlxd2:
      gsl_rng_set(generator, UInt(truncatingIfNeeded: (seed >> 32) ^ (seed & 0xFFFF_FFFF)))
    }
  }

  /// One step of GSL's taus2 (`taus_get` in taus.c, L'Ecuyer 1996) on 32-bit values held in
  /// `unsigned long` words: `TAUSWORTHE(s,a,b,c,d) = (((s & c) << d) & MASK) ^ ((((s << a) &
  /// MASK) ^ s) >> b)` with MASK = 2³² − 1, for the three components.
  @inline(__always)
  static func tausStep(_ s1: inout UInt, _ s2: inout UInt, _ s3: inout UInt) {
    let mask: UInt = 0xFFFF_FFFF
    s1 = (((s1 & 4_294_967_294) << 12) & mask) ^ ((((s1 << 13) & mask) ^ s1) >> 19)
    s2 = (((s2 & 4_294_967_288) << 4) & mask) ^ ((((s2 << 2) & mask) ^ s2) >> 25)
    s3 = (((s3 & 4_294_967_280) << 17) & mask) ^ ((((s3 << 3) & mask) ^ s3) >> 11)
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
