import CohortModel
import Foundation
import SimKernel
import Testing

@Suite("not_seeking_6m")
struct NotSeekingMetricTests {
  /// not_seeking = N / F, placed_6m = P / F and placed_6m_seeking = P / (F − N) for F graduates
  /// followed 183 days, P of them placed and N not placed and not seeking; so
  /// 1 − placed_6m / placed_6m_seeking = 1 − (F − N) / F = N / F whenever P > 0.
  @Test("not_seeking_6m equals 1 − placed_6m ÷ placed_6m_seeking in every replication")
  func equalsOneMinusTheRatioOfPlacedShares() {
    let runs = metrics(of: smallScenario(), replications: 4)
    var checked = 0
    for (replication, run) in runs.enumerated() where run[.placed6m] > 0 {
      checked += 1
      let expected = 1 - run[.placed6m] / run[.placed6mSeeking]
      #expect(
        abs(run[.notSeeking6m] - expected) < 1e-12,
        "replication \(replication): not_seeking_6m \(run[.notSeeking6m]), 1 − ratio \(expected)")
    }
    #expect(checked >= 3)
    // Some graduates are not seeking (the default unwilling share is 0.55), so the identity is
    // not 0 = 0.
    #expect(runs.contains { $0[.notSeeking6m] > 0 })
  }

  @Test("not_seeking_6m is 0 when nobody refuses to relocate and everyone would move some way")
  func zeroWhenEveryoneWouldRelocate() {
    var scenario = smallScenario()
    scenario.students.unwillingToRelocateShare = 0
    scenario.students.relocationWillingnessKm = .constant(value: 50)
    let runs = metrics(of: scenario, replications: 4)
    #expect(runs.allSatisfy { $0[.notSeeking6m] == 0 }, "\(runs.map { $0[.notSeeking6m] })")
    // Some graduates are still unplaced at six months, so 0 is not a matter of everyone placed.
    #expect(runs.contains { $0[.placed6m] < 1 })
  }
}
