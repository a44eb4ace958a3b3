import SimKernel
import Testing

@testable import CohortModel

/// The typed draw keys (DrawKeys.swift): distinct draws never share a stream.
@Suite struct DrawKeyTests {
  @Test("every student draw of a student has its own key, and other students' keys differ")
  func studentDrawsAreDistinct() {
    var draws: [StudentDraw] = [.traits, .relocationRefusal, .withdrawal, .licenceProcessing]
    for n in 0..<3 {
      draws += [
        .temporaryLicence(requisition: n), .examSitting(exam: n), .observation(week: n),
        .rotationEnd(rotation: n),
      ]
      for attempt in 1...3 { draws.append(.examAttempt(exam: n, attempt: attempt)) }
    }
    let keys = [0, 1].flatMap { student in draws.map { $0.key(student: student) } }
    #expect(Set(keys).count == keys.count)
  }

  @Test("a requisition's draws for different tiers, contacts, postings and students never share a key")
  func requisitionDrawsAreDistinct() {
    var draws: [RequisitionDraw] = [.vacancyChain]
    for n in 0..<3 {
      draws += [
        .postingLength(posting: n), .externalApplicants(posting: n), .onboarding(student: n),
        .freezeCancel(period: n),
      ]
      for m in 0..<3 {
        draws += [.recommendation(contact: n, candidate: m), .applicant(posting: n, student: m)]
      }
    }
    for tier in [RequisitionTier.ownSite, .sameSystem, .recommendation] {
      for candidate in 0..<3 { draws.append(.insideOfferDelay(tier: tier, candidate: candidate)) }
    }
    let keys = [UInt64(7), 8].flatMap { identity in draws.map { $0.key(identity: identity) } }
    #expect(Set(keys).count == keys.count)
  }

  @Test("the world's draws differ by site, system, cohort, programme, row and period")
  func worldDrawsAreDistinct() {
    var draws: [WorldDraw] = []
    for n in 0..<3 {
      draws += [
        .programOutcomes(program: n), .cohortOutcomes(cohort: n), .currentStudentTraits(row: n),
        .currentStudentExams(row: n), .approvalDelay(identity: UInt64(n)),
      ]
      for m in 0..<3 {
        draws += [
          .fiscalGrowth(site: n, year: m), .systemFreeze(system: n, period: m),
          .placement(cohort: n, rotation: m),
          .firstYearQuit(student: n, job: UInt64(m)),
        ]
      }
    }
    let keys = draws.map(\.key)
    #expect(Set(keys).count == keys.count)
  }

  @Test("derived requisitions get different identities from one cause")
  func derivedIdentitiesDiffer() {
    let identities = [DerivedRequisition.vacancyChainLink, .repost, .newHireQuit].map {
      $0.identity(from: 42)
    }
    #expect(Set(identities).count == 3)
  }
}
