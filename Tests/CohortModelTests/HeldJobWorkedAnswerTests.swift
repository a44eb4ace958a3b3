import Foundation
import SimKernel
import Testing

@testable import CohortModel

/// MODEL.md 7.5a and 7.1a with answers worked by hand in `TinyRegion`'s calendar: graduation on
/// day 365.25, a candidate from day 265.25, an inside offer 10 days after the student is told.
@Suite("a held job, worked by hand")
struct HeldJobWorkedAnswerTests {
  /// The hospital hires on contingency, so the student is a candidate from day 265.25 on.
  static func holding(windowDays: Double) -> Scenario {
    var scenario = TinyRegion.scenario()
    scenario.hiring.contingentHireProbability = 1
    scenario.hiring.holdWindowDays = windowDays
    return scenario
  }

  @Test("a held job's offer lands at the held site on graduationDay − lookaheadDays + insideOfferDays")
  func heldJobIsOfferedWhenTheStudentComesWithinTheLookAhead() {
    // Opened on day 150: graduation is 215.25 days away, beyond the look-ahead (100) and within
    // the hold window (250): held until day 400, reviewed on day 265.25.
    let run = TinyRegion.run(Self.holding(windowDays: 250), staffExits: [(site: 0, day: 150)])
    #expect(run.days("held_for_student") == [150])
    #expect(run.days("told_to_apply") == [265.25])
    let offers = run.events("offer")
    #expect(offers.map(\.time) == [275.25])
    #expect(offers.map(\.site) == [0])
    #expect(offers.first?.detail.contains("source=own_site") == true)
    #expect(run.events("hold_released").isEmpty)
    #expect(run.events("posted").isEmpty)
  }

  @Test("no job is held for a student who lives beyond their reach of it")
  func noHoldBeyondReach() {
    var scenario = Self.holding(windowDays: 250)
    // The hospital 60 km from the student's home: within the placement radius (100), beyond the
    // commute (50) with no willingness to relocate.
    scenario.sites![0].xKm = 160
    let run = TinyRegion.run(scenario, staffExits: [(site: 0, day: 150)])
    #expect(run.students[0].rotationSites == [0])
    #expect(run.events("held_for_student").isEmpty)
    #expect(run.days("posted").first == 150)
  }

  @Test("a held job is released to its next tier on the last day of the hold window")
  func heldJobIsReleasedAtTheEndOfItsWindow() {
    var scenario = Self.holding(windowDays: 100)
    // No contingent hires, and the credential comes 200 days after graduation (day 565.25):
    // the student could qualify within the window but does not.
    scenario.hiring.contingentHireProbability = 0
    scenario.credentialPathways["tiny"]!.exams[0].daysAfterGraduation = .constant(value: 200)
    let run = TinyRegion.run(scenario, staffExits: [(site: 0, day: 300)])
    #expect(run.days("held_for_student") == [300])
    #expect(run.days("hold_released") == [400])
    #expect(run.days("posted").first == 400)
    #expect(run.events("told_to_apply").isEmpty)
  }

  /// Told on day 270 (inside offer due on day 280); withdraws on day 0.75 × 365.25 = 273.9375.
  static func toldThenWithdraws() -> TinyRegion.Run {
    var scenario = TinyRegion.scenario()
    scenario.hiring.contingentHireProbability = 1
    scenario.students.withdrawalProbability = 1
    scenario.students.withdrawalTiming = .constant(value: 0.75)
    return TinyRegion.run(scenario, staffExits: [(site: 0, day: 270)])
  }

  /// Run in a child process: a mechanism that offered a withdrawn student a job would trap in the
  /// student lifecycle, and the trap must fail this test only.
  @Test(
    "a student told to apply who withdraws before the offer gets none: the job is posted on the offer day")
  func withdrawnStudentGetsNoOffer() async {
    await #expect(processExitsWith: .success) {
      let run = HeldJobWorkedAnswerTests.toldThenWithdraws()
      let answer =
        run.days("told_to_apply") == [270] && run.days("withdrawn") == [273.9375]
        && run.events("offer").isEmpty && run.days("posted").first == 280
      if !answer {
        FileHandle.standardError.write(Data("\(run.traces.map { "\($0.time) \($0.event)" })\n".utf8))
        exit(1)
      }
    }
  }
}
