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
///
/// **Storage.** The long-lived streams' generator states lie in one contiguous buffer, one
/// GSL-sized slot each, and are drawn through a single `gsl_rng` whose `state` pointer the bank
/// aims at the slot before lending it: no `gsl_rng_alloc` per stream (its calloc and its
/// default seeding, which our seeding overwrites, were a tenth of a replication). A slot is
/// seeded on its first draw, from the seed its key gave when it was added: the numbers are those
/// an eagerly seeded stream would draw, and a stream never drawn from costs sixteen bytes.
public struct RandomStreamBank: ~Copyable {
  /// Generator states of the long-lived streams, `stateSize` bytes each, in order of `add`.
  @usableFromInline var states: UnsafeMutableRawPointer
  @usableFromInline var capacity: Int
  /// Per long-lived stream: the seed its key derives, and whether its slot holds it yet.
  @usableFromInline var seeds: ContiguousArray<UInt64> = []
  @usableFromInline var seeded: ContiguousArray<Bool> = []
  @usableFromInline let stateSize: Int
  /// The one `gsl_rng` every long-lived stream draws through, aimed at its slot when lent.
  @usableFromInline let aimed: UnsafeMutablePointer<gsl_rng>
  /// The generator keyed streams reseed: never lent for longer than one `withStream(keyed:)`.
  @usableFromInline let scratch: UnsafeMutablePointer<gsl_rng>
  /// The generator one-off streams of the bank's algorithm reseed (`withStream(seeding:)`).
  @usableFromInline let oneOff: UnsafeMutablePointer<gsl_rng>
  @usableFromInline let replicationSeed: UInt64
  @usableFromInline let algorithm: GeneratorAlgorithm

  /// A bank whose streams derive their seeds from `replicationSeed`.
  public init(replicationSeed: UInt64, algorithm: GeneratorAlgorithm = .mt19937) {
    GSLRuntime.prepare()
    self.replicationSeed = replicationSeed
    self.algorithm = algorithm
    guard let scratch = gsl_rng_alloc(algorithm.keyedAlgorithm.gslType),
      let oneOff = gsl_rng_alloc(algorithm.gslType)
    else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    self.scratch = scratch
    self.oneOff = oneOff
    let type = algorithm.gslType
    // Slots aligned like malloc's blocks, which is what GSL's states were written for.
    stateSize = (type.pointee.size + 15) & ~15
    capacity = 0
    states = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
    aimed = UnsafeMutablePointer<gsl_rng>.allocate(capacity: 1)
    aimed.initialize(to: gsl_rng(type: type, state: states))
  }

  deinit {
    states.deallocate()
    aimed.deallocate()
    gsl_rng_free(scratch)
    gsl_rng_free(oneOff)
  }

  /// Streams in the bank.
  public var count: Int { seeds.count }

  /// Makes room for `capacity` long-lived streams, so adding that many copies no state (the
  /// buffer would otherwise double, copying every slot, as streams are added).
  public mutating func reserveCapacity(_ capacity: Int) {
    guard capacity > self.capacity else { return }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity * stateSize, alignment: 16)
    buffer.copyMemory(from: states, byteCount: self.capacity * stateSize)
    states.deallocate()
    states = buffer
    self.capacity = capacity
    aimed.pointee.state = states
    seeds.reserveCapacity(capacity)
    seeded.reserveCapacity(capacity)
  }

  /// Adds the stream named `key` and returns its index in the bank. Its slot is seeded when it
  /// is first lent.
  /// - Complexity: O(1) amortised (the state buffer doubles when full).
  public mutating func add(_ key: StreamKey) -> Int {
    if seeds.count == capacity { reserveCapacity(max(16, capacity * 2)) }
    seeds.append(SeedDerivation.streamSeed(replicationSeed: replicationSeed, key: key))
    seeded.append(false)
    return seeds.count - 1
  }

  /// Lends stream `index` to `body`.
  /// - Complexity: O(1), plus the seeding at its first draw (mt19937: 624 words).
  @inlinable
  public mutating func withStream<Result>(_ index: Int, _ body: (inout RandomStream) -> Result) -> Result {
    aimed.pointee.state = states + index * stateSize
    if !seeded[index] {
      RandomStream.seed(aimed, with: seeds[index], algorithm: algorithm)
      seeded[index] = true
    }
    var stream = RandomStream(borrowing: aimed)
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

  /// Lends `body` a stream of the bank's own algorithm named `key`, seeded afresh: the numbers of
  /// `RandomStream(replicationSeed:key:algorithm:)`, without allocating a generator. For a
  /// stream used once (a cohort's size, a rotation's placement).
  /// - Complexity: O(1) (mt19937: 624 words of seeding).
  public mutating func withStream<Result>(seeding key: StreamKey, _ body: (inout RandomStream) -> Result)
    -> Result
  {
    RandomStream.seed(
      oneOff, with: SeedDerivation.streamSeed(replicationSeed: replicationSeed, key: key),
      algorithm: algorithm)
    var stream = RandomStream(borrowing: oneOff)
    return body(&stream)
  }
}
