import CohortModel
import Foundation
import SimKernel
import Testing

/// Budgets as hospitals run them (MODEL.md 7.4): growth in a fiscal-year cycle, system-wide
/// freezes, the replacement exemption and cancellation by a freeze.
@Suite("fiscal-year growth, system freezes and cancellations")
struct BudgetCycleTests {
  /// Growth only (no cuts), a fixed committee delay and no attrition noise.
  static func growthScenario(_ cycle: GrowthCycle) -> Scenario {
    var scenario = smallScenario()
    scenario.demand.nationalGrowthOverDecade = 0.5
    scenario.demand.growthCycle = cycle
    scenario.demand.fiscalYearStartMonth = 10
    scenario.demand.growthCommitteeDelayDays = .constant(value: 30)
    return scenario
  }

  @Test("growth positions are granted only on the committee's day, 30 days into each October fiscal year")
  func growthComesOnceAFiscalYear() {
    let scenario = Self.growthScenario(.fiscalYear)
    let octoberPlusCommittee: Double = 9 * 365.25 / 12 + 30
    let committeeDays: [Double] = (0..<Int(scenario.years)).map { Double($0) * 365.25 + octoberPlusCommittee }
    let grants = collected(scenario).1.traces.filter { $0.event == "positions_granted" }
    #expect(grants.count > 3)
    #expect(grants.allSatisfy { grant in committeeDays.contains { abs($0 - grant.time) < 1e-6 } })
    let perPeriod = collected(Self.growthScenario(.budgetPeriod)).1.traces.filter {
      $0.event == "positions_granted"
    }
    #expect(perPeriod.contains { grant in !committeeDays.contains { abs($0 - grant.time) < 1e-6 } })
  }

  /// System freezes only (site freezes off): the sites newly frozen at a review are whole systems.
  @Test("a system freeze holds every site of the system in the same period, and no independent site")
  func systemFreezesHoldWholeSystems() {
    var scenario = smallScenario()
    scenario.demand.freezeProbability = 0
    scenario.demand.systemFreezeProbability = 0.4
    let systems = [0: Set([0, 1, 2]), 1: Set([3, 4, 5])]
    let freezes = collected(scenario).1.traces.filter { $0.event == "hiring_freeze" }
    #expect(freezes.count >= 6)
    for time in Set(freezes.map(\.time)) {
      let frozen = Set(freezes.filter { $0.time == time }.compactMap(\.site))
      let covered = systems.values.filter { !$0.isDisjoint(with: frozen) }.reduce(Set<Int>()) { $0.union($1) }
      #expect(frozen == covered, "day \(time): \(frozen.sorted())")
    }
  }

  /// Approval immediate, growth zero: an exit is replaced at its own instant unless held.
  static func replacedAtOnce(exempt: Bool) -> Double {
    var scenario = smallScenario()
    scenario.demand.nationalGrowthOverDecade = 0
    scenario.demand.approvalDelayDays = .constant(value: 0)
    scenario.demand.freezeProbability = 0
    scenario.demand.systemFreezeProbability = 0.9
    scenario.demand.systemFreezeExemptsReplacements = exempt
    let traces = collected(scenario).1.traces
    let approvals = Set(
      traces.filter { $0.event == "requisition_approved" && $0.detail.hasSuffix("origin=budget") }.map {
        "\($0.time) \($0.site!)"
      })
    let exits = traces.filter { $0.event == "staff_exit" && $0.site! < 6 }
    return Double(exits.filter { approvals.contains("\($0.time) \($0.site!)") }.count) / Double(exits.count)
  }

  @Test("a system freeze that exempts patient-facing replacements still replaces every exit at once")
  func exemptionLetsReplacementsThrough() {
    let exempt = Self.replacedAtOnce(exempt: true)
    let held = Self.replacedAtOnce(exempt: false)
    #expect(exempt == 1, "exempt \(exempt)")
    #expect(held < 0.5, "held \(held)")
  }

  static func cancellationRuns(_ probability: Double) -> ([ReplicationMetrics], Int, Int) {
    var scenario = smallScenario()
    scenario.demand.freezeProbability = 0.5
    scenario.demand.freezeCancelProbability = probability
    var cancelled = 0
    var reposted = 0
    for replication in 0..<3 {
      let traces = collected(scenario, replication: replication).1.traces
      cancelled += traces.filter { $0.event == "requisition_cancelled" }.count
      reposted += traces.filter { $0.event == "requisition_approved" && $0.detail.hasSuffix(" repost") }.count
    }
    return (metrics(of: scenario, replications: 3), cancelled, reposted)
  }

  @Test("a freeze cancels open requisitions; each vacancy is reposted later and counted as one opening")
  func freezesCancelRequisitions() {
    let (kept, keptCancelled, _) = Self.cancellationRuns(0)
    let (cut, cancelled, reposted) = Self.cancellationRuns(1)
    #expect(keptCancelled == 0)
    #expect(cancelled > 5)
    #expect(reposted > 0 && reposted <= cancelled, "\(reposted) reposts of \(cancelled)")
    #expect(kept.map { $0[.openingsPerYear] } == cut.map { $0[.openingsPerYear] })
  }
}
