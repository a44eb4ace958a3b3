import CGSL

/// Many independent streams with one owner: one stream per student or per site, say, where a
/// `~Copyable` `RandomStream` cannot be stored in an array.
///
/// The bank owns every generator and frees each exactly once when it goes away. `withStream`
/// lends one out as a `RandomStream` for the duration of a closure, so every draw goes through
/// the same API (and the same GSL calls) as a standalone stream.
public struct RandomStreamBank: ~Copyable {
  @usableFromInline var generators: ContiguousArray<UnsafeMutablePointer<gsl_rng>> = []
  let replicationSeed: UInt64
  let algorithm: GeneratorAlgorithm

  /// A bank whose streams derive their seeds from `replicationSeed`.
  public init(replicationSeed: UInt64, algorithm: GeneratorAlgorithm = .mt19937) {
    GSLRuntime.prepare()
    self.replicationSeed = replicationSeed
    self.algorithm = algorithm
  }

  deinit {
    for generator in generators { gsl_rng_free(generator) }
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
}
