import CGSL

/// Many independent streams with one owner: long-lived streams (one per student or per site,
/// say, where a `~Copyable` `RandomStream` cannot be stored in an array) and short-lived keyed
/// streams.
///
/// **The rule that makes common random numbers work.** Every draw is keyed by what it is about.
/// A long-lived stream (`add`) is allowed only for a purpose whose *sequence* of draws cannot
/// depend on the policy being compared: a site's budget reviews, its staff exits, the approval
/// of its own (non-chain) requisitions, a student's traits and exam attempts. Any draw whose
/// occurrence can depend on policy (anything about a requisition, an applicant, a licence
/// application) uses a keyed stream (`withStream(keyed:)`): its seed is a function of the
/// (purpose, entity, occurrence) key alone, so it draws the same numbers in two runs however
/// many other draws came before it.
///
/// A keyed stream is one scratch generator reseeded from the key, so it allocates nothing. Its
/// algorithm is `algorithm.keyedAlgorithm`: taus2 when the bank's is mt19937, whose 2.5 KB state
/// would cost 624 words of seeding for a stream that makes a handful of draws (see
/// benchmarks/README.md); ranlxd2 stays ranlxd2 so a checking run changes every generator.
///
/// The bank owns every generator and frees each exactly once when it goes away. `withStream`
/// lends one out as a `RandomStream` for the duration of a closure, so every draw goes through
/// the same API (and the same GSL calls) as a standalone stream.
public struct RandomStreamBank: ~Copyable {
  @usableFromInline var generators: ContiguousArray<UnsafeMutablePointer<gsl_rng>> = []
  /// The generator keyed streams reseed: never lent for longer than one `withStream(keyed:)`.
  @usableFromInline let scratch: UnsafeMutablePointer<gsl_rng>
  @usableFromInline let replicationSeed: UInt64
  @usableFromInline let algorithm: GeneratorAlgorithm

  /// A bank whose streams derive their seeds from `replicationSeed`.
  public init(replicationSeed: UInt64, algorithm: GeneratorAlgorithm = .mt19937) {
    GSLRuntime.prepare()
    self.replicationSeed = replicationSeed
    self.algorithm = algorithm
    guard let scratch = gsl_rng_alloc(algorithm.keyedAlgorithm.gslType) else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    self.scratch = scratch
  }

  deinit {
    for generator in generators { gsl_rng_free(generator) }
    gsl_rng_free(scratch)
  }

  /// Streams in the bank.
  public var count: Int { generators.count }

  /// Adds the stream named `key` and returns its index in the bank.
  /// - Complexity: O(1) amortised, plus GSL's seeding (mt19937: 624 words).
  public mutating func add(_ key: StreamKey) -> Int {
    guard let generator = gsl_rng_alloc(algorithm.gslType) else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    RandomStream.seed(
      generator, with: SeedDerivation.streamSeed(replicationSeed: replicationSeed, key: key),
      algorithm: algorithm)
    generators.append(generator)
    return generators.count - 1
  }

  /// Lends stream `index` to `body`.
  /// - Complexity: O(1)
  @inlinable
  public mutating func withStream<Result>(_ index: Int, _ body: (inout RandomStream) -> Result) -> Result {
    var stream = RandomStream(borrowing: generators[index])
    return body(&stream)
  }

  /// Lends `body` the short-lived stream named `key`: the same numbers for the same key in any
  /// run of this replication seed, whatever was drawn before.
  /// - Complexity: O(1): reseeding taus2 is three words and six warm-up steps.
  public mutating func withStream<Result>(keyed key: DrawKey, _ body: (inout RandomStream) -> Result)
    -> Result
  {
    RandomStream.seed(
      scratch, with: SeedDerivation.drawSeed(replicationSeed: replicationSeed, key: key),
      algorithm: algorithm.keyedAlgorithm)
    var stream = RandomStream(borrowing: scratch)
    return body(&stream)
  }
}
