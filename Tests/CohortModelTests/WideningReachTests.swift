import CohortModel
import SimKernel
import Testing

/// MODEL.md 7.6: a graduate who would move widens their reach month by month, so postings out of
/// reach at graduation come within it later. The searcher index files graduates under the reach
/// of the next three months and files them again when that runs out; a graduate left under their
/// first filing would never be seen by the far postings.
@Suite struct WideningReachTests {
  /// The small region stretched east to a large hospital 1,500 km from the program, beyond any
  /// graduate's reach until they have searched for about four months (80 km commute, no
  /// relocation willingness to begin with, widening 400 km a month), and no outside applicants.
  static func scenario() -> Scenario {
    var scenario = smallScenario()
    scenario.region.widthKm = 2_000
    var far = SiteListing()
    far.name = "far general"
    far.kind = .hospital
    far.xKm = 1_600
    far.yKm = 100
    far.staff = 60
    far.capacity = 0
    scenario.sites = (scenario.sites ?? []) + [far]
    scenario.students.relocationWillingnessKm = .constant(value: 0)
    scenario.students.unwillingToRelocateShare = 0
    scenario.students.relocationWideningKmPerMonth = 400
    scenario.hiring.externalApplicants = .constant(value: 0)
    return scenario
  }

  @Test("graduates whose reach has widened past a far site win its public postings, months after graduating")
  func widenedReachFindsFarPostings() {
    let scenario = Self.scenario()
    let far = (scenario.sites ?? []).count - 1
    var farHires = 0
    for replication in 0..<4 {
      let (_, monitor) = collected(scenario, replication: replication)
      // Public postings only (the far site's contacts may also recommend a graduate, which does
      // not go through the searcher index), and graduates in their first search (a rescinded
      // hire searching again is filed afresh, under the reach of that later day).
      let refiled = Set(monitor.traces.filter { $0.event == "rescinded" }.map(\.student))
      farHires +=
        monitor.traces.filter {
          $0.event == "offer_accepted" && $0.site == far && $0.detail.contains("source=open_market")
            && !refiled.contains($0.student)
        }.count
    }
    // With 60 staff the far hospital has several openings a year and nobody else to hire.
    #expect(farHires > 0)
  }
}
