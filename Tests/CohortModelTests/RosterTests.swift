import SimKernel
import Testing

@testable import CohortModel

/// The roster's methods hand back what another owner must carry on (issue 31): the dispatcher
/// acts on these answers, so each is checked on a roster alone, without the dispatcher.
@Suite("the roster hands back what the dispatcher carries to other owners")
struct RosterTests {
  /// Runs `body` on the tiny region's one-student cohort admitted onto a roster of its own, with
  /// its stream bank and calendar; `exams` replaces the pathway's exams (each passed at every
  /// attempt).
  private static func withAdmitted<R>(
    exams: [String] = ["registry"],
    _ body: (inout Roster, inout RandomStreamBank, inout Simulation<CohortEvent>) throws -> R
  ) rethrows -> R {
    var scenario = TinyRegion.scenario()
    scenario.credentialPathways["tiny"] = CredentialPathway(
      exams: exams.map {
        ExamParameters(
          name: $0, monthsAfterStart: nil, daysAfterGraduation: .constant(value: 30), firstAttemptPass: 1,
          retakePass: 1, retakeWaitDays: 60, maxAttempts: 0)
      }, windowYears: 5, window: .fromGraduation)
    let seed = SeedDerivation.replicationSeed(master: scenario.seed, replication: 0)
    let world = World(scenario: scenario, replicationSeed: seed)
    var roster = Roster(scenario: scenario, world: world, traceSink: nil)
    var streams = RandomStreamBank(replicationSeed: seed, algorithm: scenario.generator)
    var simulation = Simulation<CohortEvent>(start: 0)
    roster.scheduleAdmissions(&simulation)
    roster.admit(0, &streams, &simulation)
    return try body(&roster, &streams, &simulation)
  }

  @Test("an exam attempt hands back the credential only when it completes the pathway")
  func credentialOnLastPass() throws {
    try Self.withAdmitted(exams: ["first", "second"]) { roster, streams, simulation in
      let first = try #require(roster.attemptExam(0, 0, &streams, &simulation))
      #expect(first.passed && !first.earnsCredential)
      let second = try #require(roster.attemptExam(0, 1, &streams, &simulation))
      #expect(second.passed && second.earnsCredential)
    }
  }

  @Test("starting a rotation says whether the site's staff meet the student for the first time")
  func firstMeeting() {
    Self.withAdmitted { roster, _, _ in
      let first = roster.startObservation(0, at: 0, until: 30, now: 0)
      roster.students[0].lifecycle.record(.endRotation(site: 0))
      let again = roster.startObservation(0, at: 0, until: 90, now: 60)
      #expect(first && !again)
    }
  }
}
