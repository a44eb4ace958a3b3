import Testing

@testable import CohortModel

@Suite struct HiringListsTests {
  func lists() -> HiringLists {
    HiringLists(siteCount: 2, systemCount: 1, searching: SearcherIndex(widthKm: 10, heightKm: 10))
  }

  /// Ties in every scan go to the first arrival, so the lists must keep arrival order through
  /// removals: 4, 7, 9 at site 1, then 7 goes past hiring.
  @Test("a site's known students keep their arrival order when one is removed")
  func removalKeepsOrder() {
    var lists = lists()
    for student in [4, 7, 9] { lists.add(student, to: .site(1)) }
    lists.add(7, to: .system(0))
    lists.remove(7, from: [.site(1), .system(0)])
    #expect(lists.known(by: .site(1)) == [4, 9])
    #expect(lists.known(by: .system(0)).isEmpty)
    #expect(lists.known(by: .site(0)).isEmpty)
  }

  @Test("the jobs held for a student come back in the order they were held, less those ended")
  func holdsInOrder() {
    var lists = lists()
    lists.hold(12, for: 3)
    lists.hold(5, for: 3)
    lists.hold(8, for: 3)
    lists.endHold(5, for: 3)
    #expect(lists.held(for: 3) == [12, 8])
    #expect(lists.held(for: 4).isEmpty)
  }
}
