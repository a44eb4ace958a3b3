import SimKernel
import Testing

@Suite("keyed streams of a bank")
struct KeyedStreamTests {
  static let purpose = DrawPurpose("test purpose")

  func draws(_ key: DrawKey, in bank: inout RandomStreamBank) -> [Double] {
    bank.withStream(keyed: key) { stream in (0..<4).map { _ in stream.uniform() } }
  }

  @Test("a keyed stream draws the same numbers whatever was drawn before it")
  func keyedDrawsIgnoreHistory() {
    let key = DrawKey(Self.purpose, entity: 5, occurrence: 2)
    var quiet = RandomStreamBank(replicationSeed: 11)
    let first = draws(key, in: &quiet)
    var busy = RandomStreamBank(replicationSeed: 11)
    let long = busy.add(StreamKey("long", 0))
    for entity in 0..<50 { _ = draws(DrawKey(Self.purpose, entity: entity), in: &busy) }
    _ = busy.withStream(long) { $0.uniform() }
    #expect(draws(key, in: &busy) == first)
  }

  @Test("entity and occurrence are not interchangeable, and the replication seed matters")
  func keysAreDistinct() {
    var bank = RandomStreamBank(replicationSeed: 11)
    let a = draws(DrawKey(Self.purpose, entity: 1, occurrence: 2), in: &bank)
    #expect(a != draws(DrawKey(Self.purpose, entity: 2, occurrence: 1), in: &bank))
    #expect(a != draws(DrawKey(DrawPurpose("other"), entity: 1, occurrence: 2), in: &bank))
    var other = RandomStreamBank(replicationSeed: 12)
    #expect(a != draws(DrawKey(Self.purpose, entity: 1, occurrence: 2), in: &other))
  }

  @Test("keyed streams are drawn by taus2 under mt19937 and by the bank's generator otherwise")
  func keyedAlgorithm() {
    var mt = RandomStreamBank(replicationSeed: 1, algorithm: .mt19937)
    #expect(mt.withStream(keyed: DrawKey(Self.purpose, entity: 0)) { $0.algorithmName } == "taus2")
    var ranlux = RandomStreamBank(replicationSeed: 1, algorithm: .ranlxd2)
    #expect(ranlux.withStream(keyed: DrawKey(Self.purpose, entity: 0)) { $0.algorithmName } == "ranlxd2")
  }
}
