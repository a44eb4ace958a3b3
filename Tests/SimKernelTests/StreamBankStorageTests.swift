import CGSL
import SimKernel
import Testing

/// The bank's flat storage (one state buffer, one aimed `gsl_rng`, lazy seeding) and the inline
/// taus2 warm-up must draw exactly the numbers of separately allocated, eagerly seeded streams:
/// the model's results are byte-identical only if they do.
@Suite("stream bank storage draws what separate generators draw")
struct StreamBankStorageTests {
  static func draws(_ stream: inout RandomStream, _ count: Int) -> [Double] {
    (0..<count).map { _ in stream.uniform() }
  }

  @Test("taus2 seeding warms up exactly as six calls of GSL's own taus_get would")
  func tausWarmUpIsGSLs() throws {
    for seed: UInt64 in [0, 1, 7, 0xDEAD_BEEF, 1 << 40 | 3, .max] {
      // The reference: the same three SplitMix64 words, warmed up by gsl_rng_get itself.
      let reference = try #require(gsl_rng_alloc(cohortsim_rng_taus2()))
      defer { gsl_rng_free(reference) }
      var sequence = seed
      let words = gsl_rng_state(reference).bindMemory(to: UInt.self, capacity: 3)
      for (index, low) in [UInt(2), 8, 16].enumerated() {
        sequence &+= 0x9E37_79B9_7F4A_7C15
        words[index] = UInt(truncatingIfNeeded: SeedDerivation.splitmix64(sequence) >> 32) | low
      }
      for _ in 0..<6 { _ = gsl_rng_get(reference) }
      var stream = RandomStream(seed: seed, algorithm: .taus2)
      #expect(Self.draws(&stream, 100) == (0..<100).map { _ in gsl_rng_uniform(reference) }, "seed \(seed)")
    }
  }

  @Test(
    "interleaved draws from 40 bank streams, some added after others drew, equal each stream drawn alone",
    arguments: GeneratorAlgorithm.allCases)
  func interleavedBankStreamsMatchStandalone(algorithm: GeneratorAlgorithm) {
    var bank = RandomStreamBank(replicationSeed: 2026, algorithm: algorithm)
    var fromBank = [[Double]](repeating: [], count: 40)
    // Twenty streams first, drawn from, then twenty more: the state buffer grows (and moves)
    // while streams hold state in it. Some streams are never drawn until late (lazy seeding).
    for index in 0..<20 { #expect(bank.add(StreamKey("entity", index)) == index) }
    for round in 0..<3 {
      for index in stride(from: 0, to: 20, by: 2) {
        fromBank[index] += bank.withStream(index) { Self.draws(&$0, 3 + round) }
      }
    }
    for index in 20..<40 { #expect(bank.add(StreamKey("entity", index)) == index) }
    for round in 0..<3 {
      for index in (0..<40).reversed() {
        fromBank[index] += bank.withStream(index) { Self.draws(&$0, 2 + round) }
      }
    }
    for index in 0..<40 {
      var alone = RandomStream(replicationSeed: 2026, key: StreamKey("entity", index), algorithm: algorithm)
      #expect(fromBank[index] == Self.draws(&alone, fromBank[index].count), "stream \(index)")
    }
  }

  @Test(
    "a one-off stream from the bank draws what a standalone stream with its key draws, whatever came before",
    arguments: GeneratorAlgorithm.allCases)
  func oneOffStreamMatchesStandalone(algorithm: GeneratorAlgorithm) {
    var bank = RandomStreamBank(replicationSeed: 5, algorithm: algorithm)
    let long = bank.add(StreamKey("long"))
    for index in 0..<3 {
      _ = bank.withStream(seeding: StreamKey("placement", index)) { Self.draws(&$0, 7) }
      _ = bank.withStream(long) { $0.uniform() }
    }
    let drawn = bank.withStream(seeding: StreamKey("placement", 9)) { Self.draws(&$0, 50) }
    var alone = RandomStream(replicationSeed: 5, key: StreamKey("placement", 9), algorithm: algorithm)
    #expect(drawn == Self.draws(&alone, 50))
    #expect(bank.withStream(seeding: StreamKey("placement", 9)) { $0.algorithmName } == alone.algorithmName)
  }
}
