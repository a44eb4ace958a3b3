import SimKernel
import Testing

/// Reproducibility and independence of random streams.
@Suite("Random streams")
struct RandomStreamTests {
  static func trace(seed: UInt64) -> (times: [Double], events: [MM1Queue.Event]) {
    var queue = MM1Queue(
      arrivalRate: 0.8, serviceRate: 1.0, warmUp: 0, measured: 2_000, seed: seed, recordsTrace: true)
    _ = queue.run()
    return (queue.trace.map(\.time), queue.trace.map(\.event))
  }

  static func uniforms(_ stream: consuming RandomStream, count: Int = 10_000) -> [Double] {
    (0..<count).map { _ in stream.uniform() }
  }

  @Test("The same seed gives the same event sequence, time for time")
  func sameSeedSameEventSequence() {
    let first = Self.trace(seed: 42)
    let second = Self.trace(seed: 42)
    // 2,000 measured customers each arrive and depart: at least 4,000 events.
    #expect(first.times.count >= 4_000)
    #expect(first.times == second.times)
    #expect(first.events == second.events)
  }

  @Test("Different replication seeds give different event sequences")
  func differentSeedsDifferentEventSequences() {
    #expect(Self.trace(seed: 42).times != Self.trace(seed: 43).times)
  }

  static let streamPairs:
    [(firstSeed: UInt64, firstKey: StreamKey, secondSeed: UInt64, secondKey: StreamKey)] = [
      (1, StreamKey("arrivals"), 1, StreamKey("services")),
      (1, StreamKey("student", 1), 1, StreamKey("student", 2)),
      (1, StreamKey("exam attempts", 17), 1, StreamKey("interviews", 17)),
      (1, StreamKey("student", 0), 2, StreamKey("student", 0)),
    ]

  @Test(
    "Streams with different keys or replications are uncorrelated: |r| < 4/sqrt(n) over 10,000 uniforms",
    arguments: streamPairs)
  func differentKeysAreUncorrelated(
    firstSeed: UInt64, firstKey: StreamKey, secondSeed: UInt64, secondKey: StreamKey
  ) {
    let first = Self.uniforms(RandomStream(replicationSeed: firstSeed, key: firstKey))
    let second = Self.uniforms(RandomStream(replicationSeed: secondSeed, key: secondKey))
    let r = pearsonCorrelation(first, second)
    #expect(abs(r) < 4 / Double(first.count).squareRoot(), "r = \(r)")
  }

  @Test("A stream is perfectly correlated with another of the same key and seed")
  func sameKeyIsIdentical() {
    let first = Self.uniforms(RandomStream(replicationSeed: 1, key: StreamKey("student", 3)))
    let second = Self.uniforms(RandomStream(replicationSeed: 1, key: StreamKey("student", 3)))
    #expect(first == second)
  }

  @Test("The high word of a 64-bit seed changes the stream")
  func highWordOfSeedMatters() {
    let low = Self.uniforms(RandomStream(seed: 7), count: 10)
    let high = Self.uniforms(RandomStream(seed: 1 << 40 | 7), count: 10)
    #expect(low != high)
  }

  @Test("A stream is GSL's generator of the algorithm asked for, mt19937 by default")
  func streamUsesGSLGenerator() {
    #expect(RandomStream(seed: 5489).algorithmName == "mt19937")
    #expect(RandomStream(seed: 5489, algorithm: .taus2).algorithmName == "taus2")
    #expect(RandomStream(seed: 5489, algorithm: .ranlxd2).algorithmName == "ranlxd2")
  }

  @Test("integer(below:) stays in 0..<bound and reaches both ends")
  func integerBelowStaysInRange() {
    var stream = RandomStream(seed: 11)
    let drawn = (0..<1_000).map { _ in stream.integer(below: 6) }
    #expect(drawn.allSatisfy { (0..<6).contains($0) })
    #expect(drawn.contains(0) && drawn.contains(5))
  }
}

@Suite("seeding uses all 64 bits")
struct FullSeedTests {
  @Test(
    "seeds that differ only in their high 32 bits give different streams",
    arguments: GeneratorAlgorithm.allCases.filter { $0 != .ranlxd2 })
  func highBitsMatter(algorithm: GeneratorAlgorithm) {
    var low = RandomStream(seed: 12345, algorithm: algorithm)
    var high = RandomStream(seed: 12345 | (1 << 40), algorithm: algorithm)
    let lowDraws = (0..<8).map { _ in low.uniform() }
    let highDraws = (0..<8).map { _ in high.uniform() }
    #expect(lowDraws != highDraws)
  }

  @Test("seeds whose 32-bit folds coincide give different streams")
  func foldedCollisionsAreGone() {
    // (hi ^ lo) is 0 for both: the old folding mapped them to the same 32-bit seed.
    var first = RandomStream(seed: 0x0000_0001_0000_0001)
    var second = RandomStream(seed: 0x0000_0002_0000_0002)
    #expect((0..<8).map { _ in first.uniform() } != (0..<8).map { _ in second.uniform() })
  }

  @Test("a bank's stream draws exactly what a standalone stream with the same key draws")
  func bankMatchesStandalone() {
    var bank = RandomStreamBank(replicationSeed: 99, algorithm: .taus2)
    let index = bank.add(StreamKey("student", 3))
    var standalone = RandomStream(replicationSeed: 99, key: StreamKey("student", 3), algorithm: .taus2)
    let fromBank = bank.withStream(index) { stream in (0..<5).map { _ in stream.uniform() } }
    #expect(fromBank == (0..<5).map { _ in standalone.uniform() })
  }
}
