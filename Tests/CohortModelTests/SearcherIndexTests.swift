import SimKernel
import Testing

@testable import CohortModel

/// The searcher index narrows a posting's applicants to those who could take it: it must never
/// miss one (that would change who applies), whatever the cell layout.
@Suite struct SearcherIndexTests {
  /// Visits `location` and returns the students visited, in order.
  static func visited(
    _ index: inout SearcherIndex, near location: Location,
    current: (SearcherIndex.Entry) -> Bool = { _ in true }
  ) -> [Int32] {
    var seen: [Int32] = []
    index.forEachCandidate(near: location, isCurrent: current) { seen.append($0) }
    return seen
  }

  @Test("a posting visits exactly the searchers whose filed reach covers it, wherever they and it lie")
  func visitsExactlyThoseWithinReach() {
    // Reaches spread over every class, homes and postings over the whole region (and a little
    // outside it, where cells clamp): the visited set must equal the brute-force one.
    var stream = RandomStream(seed: 2026_12_02)
    let width = 3_000.0
    let height = 1_800.0
    var index = SearcherIndex(widthKm: width, heightKm: height)
    var searchers: [(home: Location, reach: Double)] = []
    for student in 0..<600 {
      let home = Location(
        xKm: stream.uniform() * (width + 100) - 50, yKm: stream.uniform() * (height + 100) - 50)
      let reach = [30.0, 90, 150, 350, 700, 1_500, 2_900, 5_000][student % 8] * (0.5 + stream.uniform() / 2)
      searchers.append((home, reach))
      index.insert(Int32(student), search: 1, home: home, reachKm: reach)
    }
    for _ in 0..<200 {
      let posting = Location(xKm: stream.uniform() * width, yKm: stream.uniform() * height)
      let expected = searchers.indices.filter {
        posting.distanceKm(to: searchers[$0].home) <= searchers[$0].reach
      }
      let got = Self.visited(&index, near: posting).map(Int.init)
      #expect(got.sorted() == expected, "posting at \(posting.xKm), \(posting.yKm)")
      #expect(Set(got).count == got.count, "a searcher visited twice")
    }
  }

  @Test("refiling a searcher makes their earlier filing stale: they are visited once, under the new reach")
  func refilingReplacesTheEarlierFiling() {
    var index = SearcherIndex(widthKm: 1_000, heightKm: 1_000)
    let home = Location(xKm: 100, yKm: 100)
    let far = Location(xKm: 700, yKm: 100)
    index.insert(7, search: 1, home: home, reachKm: 150, validUntil: 90)
    #expect(Self.visited(&index, near: far).isEmpty)
    index.insert(7, search: 1, home: home, reachKm: 650)
    #expect(Self.visited(&index, near: far) == [7])
    #expect(Self.visited(&index, near: home) == [7])
  }

  @Test("filings that run out come back earliest first, ties in the order filed, and only once")
  func expiredFilingsComeBackInOrder() {
    var index = SearcherIndex(widthKm: 500, heightKm: 500)
    let home = Location(xKm: 10, yKm: 10)
    index.insert(3, search: 1, home: home, reachKm: 100, validUntil: 50)
    index.insert(1, search: 1, home: home, reachKm: 100, validUntil: 20)
    index.insert(2, search: 4, home: home, reachKm: 100, validUntil: 50)
    index.insert(4, search: 1, home: home, reachKm: 100)
    #expect(index.expired(before: 20).isEmpty)
    #expect(index.expired(before: 51).map(\.student) == [1, 3, 2])
    #expect(index.expired(before: 1_000).isEmpty)
  }

  @Test("a searcher no longer current is dropped when visited and never visited again")
  func staleSearchersAreDropped() {
    var index = SearcherIndex(widthKm: 500, heightKm: 500)
    let home = Location(xKm: 50, yKm: 50)
    index.insert(1, search: 1, home: home, reachKm: 100)
    index.insert(2, search: 1, home: home, reachKm: 100)
    #expect(Self.visited(&index, near: home, current: { $0.student != 1 }) == [2])
    #expect(Self.visited(&index, near: home) == [2])
  }
}
