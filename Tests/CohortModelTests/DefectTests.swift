import Foundation
import SimKernel
import Testing

@testable import CohortModel

/// The four defects an independent re-implementation found (issue 31), each with its answer
/// worked by hand in `TinyRegion`'s calendar.
@Suite("defects found by re-implementing the model")
struct DefectTests {
  @Test("a job held for a student who withdraws is released on the day they withdraw")
  func heldJobIsReleasedAtTheWithdrawal() {
    var scenario = TinyRegion.scenario()
    scenario.hiring.contingentHireProbability = 1
    scenario.hiring.holdWindowDays = 250
    // Withdraws halfway through the program: day 182.625.
    scenario.students.withdrawalProbability = 1
    scenario.students.withdrawalTiming = .constant(value: 0.5)
    // Opened on day 150: graduation is 215.25 days away, beyond the look-ahead (100) and within
    // the hold window (250), so the job is held for the student.
    let run = TinyRegion.run(scenario, staffExits: [(site: 0, day: 150)])
    #expect(run.days("held_for_student") == [150])
    #expect(run.days("withdrawn") == [182.625])
    // Released at once, not at the hold's look-ahead review (day 265.25); with no system and no
    // contacts the job goes straight to a posting.
    #expect(run.days("hold_released") == [182.625])
    #expect(run.days("posted").first == 182.625)
    #expect(run.events("offer").isEmpty)
  }

  /// A student told to apply on day 300 (a candidate from day 265.25) withdraws on day 305,
  /// before the inside offer due on day 310: the offer must not go out. In a child process, since
  /// an offer to a withdrawn student traps the lifecycle (receiveOffer is illegal once withdrawn)
  /// and that must fail this test, not the whole run.
  @Test("a student who withdraws between being told to apply and the inside offer is never offered the job")
  func withdrawnStudentIsNeverOffered() async {
    await #expect(processExitsWith: .success) {
      var scenario = TinyRegion.scenario()
      scenario.hiring.contingentHireProbability = 1
      scenario.students.withdrawalProbability = 1
      scenario.students.withdrawalTiming = .constant(value: 305 / TinyRegion.graduationDay)
      let run = TinyRegion.run(scenario, staffExits: [(site: 0, day: 300)])
      precondition(run.days("told_to_apply") == [300])
      precondition(run.days("withdrawn") == [305])
      precondition(run.events("offer").isEmpty)
    }
  }

  /// Exam A passes in month 1 (day 30.4375); exam B, 10 days after graduation (day 375.25), more
  /// than the half-year window later: A's pass expires that day.
  static func expiringScenario(maxAttemptsOfA: Int) -> Scenario {
    var scenario = TinyRegion.scenario()
    scenario.credentialPathways["tiny"] = CredentialPathway(
      exams: [
        ExamParameters(
          name: "A", monthsAfterStart: 1, daysAfterGraduation: nil, firstAttemptPass: 1, retakePass: 1,
          retakeWaitDays: 60, maxAttempts: maxAttemptsOfA),
        ExamParameters(
          name: "B", monthsAfterStart: nil, daysAfterGraduation: .constant(value: 10), firstAttemptPass: 1,
          retakePass: 1, retakeWaitDays: 60, maxAttempts: 0),
      ], windowYears: 0.5, window: .betweenPasses)
    return scenario
  }

  @Test("an expired pass whose exam has no attempts left is not sat again: the credential never comes")
  func expiredPassRespectsTheAttemptLimit() {
    let run = TinyRegion.run(Self.expiringScenario(maxAttemptsOfA: 1))
    #expect(run.days("exam_pass") == [365.25 / 12, 375.25])
    #expect(run.days("exam_pass_expired") == [375.25])
    #expect(run.events("exam_pass").count + run.events("exam_fail").count == 2, "A was sat a second time")
    #expect(run.days("exams_exhausted") == [375.25])
    #expect(run.students[0].credentialDay == nil)
  }

  @Test("an expired pass with attempts left is sat again after the retake wait, earning the credential")
  func expiredPassIsSatAgain() {
    let run = TinyRegion.run(Self.expiringScenario(maxAttemptsOfA: 2))
    #expect(run.days("exam_pass") == [365.25 / 12, 375.25, 435.25])
    #expect(run.events("exams_exhausted").isEmpty)
    #expect(run.students[0].credentialDay == 435.25)
  }

  @Test("a listed student's hire from the current-students file is no opening")
  func listedHireIsNoOpening() {
    var scenario = TinyRegion.scenario()
    scenario.currentStudents = CurrentStudents(
      file: "current.csv", asOfDate: "2024-04-10", asOfDay: 100,
      students: [
        CurrentStudent(
          id: "A", program: 0, intakeYear: 2024, status: .hired(site: 0, hireDay: nil, startDay: nil),
          rotationSites: [], currentSite: 0,
          examsPassed: [false], impression: nil)
      ])
    let run = TinyRegion.run(scenario)
    // The hire happened: accepted on the as-of date.
    #expect(run.days("offer_accepted") == [100])
    // The region has no demand of its own, so there is no opening at all.
    #expect(run.metrics[.openingsPerYear] == 0)
    #expect(run.metrics[.chainOpeningsPerYear] == 0)
    #expect(run.requisitions.isEmpty)
  }

  @Test("every requisition a freeze cancels is reported with the day it was cancelled")
  func cancelledRequisitionsReportTheirDay() {
    var scenario = smallScenario()
    // No warm-up (the first intake is in August 2024): every requisition is approved from day 0.
    scenario.programs[0].intakeYears = [2024, 2025, 2026]
    scenario.demand.freezeProbability = 0.5
    scenario.demand.freezeCancelProbability = 1
    let run = TinyRegion.run(scenario)
    let cancelled = run.days("requisition_cancelled")
    #expect(!cancelled.isEmpty)
    #expect(run.requisitions.compactMap(\.cancelledDay).sorted() == cancelled.sorted())
  }
}
