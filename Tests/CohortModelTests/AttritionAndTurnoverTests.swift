import CohortModel
import Foundation
import SimKernel
import Testing

/// Students who withdraw, new hires who leave, and vacancy chains that end (MODEL.md 7.1a, 7.8a,
/// 7.7a). Every comparison runs the same seeds with the mechanism on and off.
@Suite("attrition, new-hire turnover and bounded chains")
struct AttritionAndTurnoverTests {
  static func withoutAttrition() -> Scenario {
    var scenario = smallScenario()
    scenario.students.withdrawalProbability = 0
    return scenario
  }

  /// 60 admitted a replication in the window, 6 replications: the share withdrawing has a
  /// standard error of about 0.03, so ±0.15 around 0.5 is five standard errors.
  @Test("withdrawn students leave the graduate count: half withdrawing halves it")
  func withdrawnStudentsLeaveTheGraduateCount() {
    let kept = Self.withoutAttrition()
    var halved = kept
    halved.students.withdrawalProbability = 0.5
    let all = metrics(of: kept, replications: 6).map { $0[.graduates] }
    let some = metrics(of: halved, replications: 6).map { $0[.graduates] }
    let ratio = some.reduce(0, +) / all.reduce(0, +)
    #expect(abs(ratio - 0.5) < 0.15, "graduates \(some) of \(all)")
  }

  @Test("a withdrawn student never graduates, rotates, sits an exam or takes a job afterwards")
  func withdrawnStudentsDoNothingAfterwards() {
    var scenario = smallScenario()
    scenario.students.withdrawalProbability = 0.5
    let (_, monitor) = collected(scenario)
    var withdrawn: [Int: Double] = [:]
    for record in monitor.traces where record.event == "withdrawn" {
      withdrawn[record.student!] = record.time
    }
    #expect(withdrawn.count > 10)
    let later = monitor.traces.filter { record in
      guard let student = record.student, let day = withdrawn[student], record.time > day else {
        return false
      }
      return ["graduated", "rotation_start", "exam_pass", "exam_fail", "offer_accepted", "job_start"]
        .contains(record.event)
    }
    #expect(later.isEmpty, "\(later.prefix(3))")
    #expect(monitor.students.filter { withdrawn[$0.student] != nil }.allSatisfy { $0.graduationDay == nil })
  }

  /// Withdrawals in the last weeks of the program, when inside offers come (the look-ahead).
  @Test("a student who withdraws after accepting a job gives it back: the opening is searched for again")
  func withdrawalGivesTheJobBack() {
    var scenario = smallScenario()
    scenario.students.withdrawalProbability = 0.5
    scenario.students.withdrawalTiming = .uniform(lower: 0.9, upper: 0.99)
    var givenBack = 0
    var searchedAgain = 0
    for replication in 0..<3 {
      let traces = collected(scenario, replication: replication).1.traces
      var accepted: [Int: String] = [:]
      for (position, record) in traces.enumerated() {
        if record.event == "offer_accepted", let requisition = record.detail.split(separator: " ").first {
          accepted[record.student!] = String(requisition)
        }
        guard record.event == "withdrawn", let requisition = accepted[record.student!] else { continue }
        givenBack += 1
        let later = traces[(position + 1)...].contains {
          $0.detail.hasPrefix(requisition + " ") || $0.detail == requisition
        }
        if later { searchedAgain += 1 }
      }
    }
    #expect(givenBack > 0)
    #expect(searchedAgain == givenBack, "\(searchedAgain) of \(givenBack) searched again")
  }

  /// Withdrawals during rotations at late points of the program: if a withdrawal did not free its
  /// place, places would leak cohort after cohort and ever more students would go unplaced.
  @Test("withdrawal frees rotation places: no more rotations go unplaced than without attrition")
  func withdrawalFreesRotationPlaces() {
    var kept = Self.withoutAttrition()
    kept.programs[0].cohortSize = .constant(value: 20)
    var leaving = kept
    leaving.students.withdrawalProbability = 0.6
    leaving.students.withdrawalTiming = .uniform(lower: 0.4, upper: 0.9)
    let unplacedKept = mean(.studentsUnplacedRotations, metrics(of: kept, replications: 4))
    let unplacedLeaving = mean(.studentsUnplacedRotations, metrics(of: leaving, replications: 4))
    #expect(
      unplacedLeaving <= unplacedKept + 0.02, "with attrition \(unplacedLeaving), without \(unplacedKept)")
  }

  static func quitScenario(_ probability: Double) -> Scenario {
    var scenario = Self.withoutAttrition()
    scenario.hiring.externalFromRegionShare = 0
    scenario.hiring.firstYearQuitProbability = probability
    return scenario
  }

  @Test("new hires who leave open job-to-job vacancies, counted with chains and not with BLS openings")
  func newHireQuitsOpenJobToJobVacancies() {
    let staying = metrics(of: Self.quitScenario(0), replications: 4)
    let leaving = metrics(of: Self.quitScenario(1), replications: 4)
    #expect(staying.allSatisfy { $0[.chainOpeningsPerYear] == 0 })
    #expect(mean(.chainOpeningsPerYear, leaving) > 0.5)
    // The BLS openings come from streams quits cannot touch (MODEL.md §4): exactly equal.
    #expect(staying.map { $0[.openingsPerYear] } == leaving.map { $0[.openingsPerYear] })
  }

  @Test("a new hire leaves within the first year of the job they started")
  func newHiresLeaveWithinTheFirstYear() {
    let (_, monitor) = collected(Self.quitScenario(0.5))
    var started: [Int: Double] = [:]
    var quits = 0
    for record in monitor.traces {
      if record.event == "job_start" { started[record.student!] = record.time }
      if record.event == "new_hire_quit" {
        quits += 1
        let start = started[record.student!]
        #expect(start != nil && record.time - start! <= 365 && record.time >= start!)
      }
    }
    #expect(quits > 3)
  }

  /// Every chain requisition descends from one exit or growth requisition, and a requisition is
  /// filled from outside at most once, so with chains capped at L links at most L chain
  /// approvals per budget approval are possible, counted over the whole run (warm-up included).
  static func chainCounts(maxLength: Int) -> (chain: Int, budget: Int) {
    var scenario = Self.quitScenario(0)
    scenario.hiring.externalFromRegionShare = 1
    scenario.hiring.maxChainLength = maxLength
    scenario.demand.freezeCancelProbability = 0
    var chain = 0
    var budget = 0
    for replication in 0..<3 {
      let (_, monitor) = collected(scenario, replication: replication)
      for record in monitor.traces where record.event == "requisition_approved" {
        if record.detail.hasSuffix("origin=chain") { chain += 1 }
        if record.detail.hasSuffix("origin=budget") { budget += 1 }
      }
    }
    return (chain, budget)
  }

  @Test("vacancy chains end: with every outside hire a local mover, chains stop at maxChainLength")
  func vacancyChainsEnd() {
    let capped = Self.chainCounts(maxLength: 1)
    let long = Self.chainCounts(maxLength: 1000)
    #expect(capped.chain > 0 && capped.chain <= capped.budget, "\(capped)")
    #expect(long.chain > capped.chain, "uncapped \(long), capped \(capped)")
  }
}
