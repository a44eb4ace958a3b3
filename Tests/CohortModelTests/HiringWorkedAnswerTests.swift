import Foundation
import SimKernel
import Testing

@testable import CohortModel

/// MODEL.md 7.4–7.11 with answers worked by hand in `TinyRegion`'s calendar: graduation on day
/// 365.25, a candidate from day 265.25, the registry exam passed on day 395.25 unless a test
/// moves it; told → offer 10 days, posting 30, decision 5, onboarding 14.
@Suite("hiring mechanisms, worked by hand")
struct HiringWorkedAnswerTests {
  /// A contingent hire: told on day 270, offered on 280, accepted on 285; the planned start is
  /// graduation + onboarding = 379.25 and the contingency deadline 180 days later, day 559.25.
  static func contingentHire(credentialAfterGraduationDays: Double) -> Scenario {
    var scenario = TinyRegion.scenario()
    scenario.hiring.contingentHireProbability = 1
    scenario.hiring.contingentWindowDays = 180
    scenario.credentialPathways["tiny"]!.exams[0].daysAfterGraduation = .constant(
      value: credentialAfterGraduationDays)
    return scenario
  }

  @Test(
    "a contingent hire without the credential by the deadline loses the job that day, and it is searched for again"
  )
  func contingencyDeadlineRescinds() {
    // The credential would come on day 665.25, after the deadline.
    let run = TinyRegion.run(Self.contingentHire(credentialAfterGraduationDays: 300), staffExits: [(0, 270)])
    #expect(run.days("job_start").first == 379.25)
    #expect(run.days("rescinded") == [559.25])
    // Rescinded and uncredentialed, the student is no candidate: the job goes to a posting,
    // reposted every 30 days until the first close after the credential (day 679.25) hires them.
    #expect(run.days("posted").first == 559.25)
    #expect(run.days("offer_accepted") == [285, 684.25])
    #expect(run.days("job_start") == [379.25, 698.25])
    #expect(run.students[0].rescinded)
    #expect(run.metrics[.rescindedRate] == 1)
  }

  @Test("a contingent hire credentialed before the deadline keeps the job")
  func credentialBeforeTheDeadlineKeepsTheJob() {
    let run = TinyRegion.run(Self.contingentHire(credentialAfterGraduationDays: 100), staffExits: [(0, 270)])
    #expect(run.days("credential") == [465.25])
    #expect(run.events("rescinded").isEmpty)
    #expect(run.students[0].offerSite == 0)
  }

  /// The hospital in Oregon, which licenses sonographers (processing 30 days) and grants
  /// temporary licences from graduation (processing 30 days, valid a year).
  static func licensing(_ scenario: Scenario) -> Scenario {
    var scenario = scenario
    scenario.region.states = [StateShare(code: "OR", share: 1)]
    scenario.licensure.states = ["OR"]
    scenario.licensure.processingDays = ["OR": .constant(value: 30)]
    scenario.licensure.temporaryLicences = [
      "OR": TemporaryLicence(validDays: 365, applyBeforeGraduationDays: 0)
    ]
    return scenario
  }

  @Test(
    "a contingent hire in a state with temporary licences starts work on the grant, before the credential")
  func temporaryLicenceStartsAContingentHire() {
    // Accepted on day 285; sought from graduation (365.25), granted on 395.25; the start on
    // 379.25 waits for it; the credential comes on day 465.25 and the full licence 30 days later.
    let run = TinyRegion.run(
      Self.licensing(Self.contingentHire(credentialAfterGraduationDays: 100)), staffExits: [(0, 270)])
    #expect(run.days("temporary_licence_sought") == [285])
    #expect(run.days("start_waits_for_licence") == [379.25])
    #expect(run.days("temporary_licence_granted") == [395.25])
    #expect(run.days("job_start") == [395.25])
    #expect(run.days("licence_applied") == [465.25])
    #expect(run.students[0].licenceDay == 495.25)
  }

  @Test("a credentialed hire never seeks a temporary licence: they start when the full licence comes")
  func credentialedHireSeeksNoTemporaryLicence() {
    // Credentialed on day 395.25; opened on day 400: told 400, offered 410, accepted 415 and
    // applies for the licence at once; start planned for 429, licence granted on 445.
    let run = TinyRegion.run(Self.licensing(TinyRegion.scenario()), staffExits: [(0, 400)])
    #expect(run.days("offer_accepted") == [415])
    #expect(run.events("temporary_licence_sought").isEmpty)
    #expect(run.events("temporary_licence_granted").isEmpty)
    #expect(run.days("licence_applied") == [415])
    #expect(run.days("start_waits_for_licence") == [429])
    #expect(run.days("job_start") == [445])
  }

  @Test("a site frozen in every budget period holds its exit: the job is never searched for")
  func freezeHoldsTheExit() {
    var scenario = TinyRegion.scenario()
    scenario.demand.freezeProbability = 1
    let run = TinyRegion.run(scenario, staffExits: [(0, 400)])
    #expect(run.days("hiring_freeze") == [0])
    #expect(run.days("staff_exit") == [400])
    #expect(run.events("requisition_approved").isEmpty)
    #expect(run.events("offer").isEmpty)
    #expect(run.metrics[.openingsPerYear] == 0)
  }

  @Test("an outside hire opens a vacancy at the site the mover left, and chains stop at maxChainLength")
  func vacancyChainStopsAtItsBound() {
    var scenario = TinyRegion.scenario()
    TinyRegion.addHospital(&scenario, "east", xKm: 130)
    scenario.hiring.externalApplicants = .constant(value: 1)
    scenario.hiring.externalFromRegionShare = 1
    scenario.hiring.maxChainLength = 2
    // Opened on day 10, long before the student is a candidate: each posting closes after 30
    // days with the outsider hired; the mover's old job is the other hospital's (the only site
    // within commuting distance), approved at once. Link 2 is the last.
    let run = TinyRegion.run(scenario, staffExits: [(0, 10)])
    #expect(run.days("external_hire") == [40, 70, 100])
    let chains = run.events("requisition_approved").filter { $0.detail.hasSuffix("origin=chain") }
    #expect(chains.map(\.time) == [40, 70])
    #expect(chains.map(\.site) == [1, 0])
    #expect(run.metrics[.chainOpeningsPerYear] == 2.0 / 3)
    #expect(run.metrics[.openingsPerYear] == 1.0 / 3)
  }

  @Test("a contact at another site recommends a strong student they saw, and the offer comes from that tier")
  func contactRecommendsAStudent() {
    var scenario = TinyRegion.scenario()
    // The student rotates at the general hospital (at home); "east" 30 km away knows it as a contact.
    TinyRegion.addHospital(&scenario, "east", xKm: 130)
    scenario.network.contacts = [[0, 1]]
    scenario.network.recommendationProbability = 1
    scenario.students.relationshipBuilding = .constant(value: 1)
    scenario.hiring.contingentHireProbability = 1
    let run = TinyRegion.run(scenario, staffExits: [(1, 270)])
    #expect(run.students[0].rotationSites == [0])
    #expect(run.days("recommended") == [270])
    let offers = run.events("offer")
    #expect(offers.map(\.time) == [280])
    #expect(offers.map(\.site) == [1])
    #expect(offers.first?.detail.contains("source=recommendation") == true)
  }

  @Test("a graduate's reach widens month by month until a job 80 km away is within it")
  func wideningReachBringsAFarJobWithin() {
    var scenario = TinyRegion.scenario()
    // 80 km from home, beyond the 50 km commute; widening 30 km a month, the reach passes 80 km
    // a month after graduation (day 395.6875): on day 400 it is 84.25 km.
    scenario.sites![0].xKm = 180
    scenario.students.relocationWideningKmPerMonth = 30
    let run = TinyRegion.run(scenario, staffExits: [(0, 400)])
    #expect(run.days("told_to_apply") == [400])
    #expect(run.days("offer_accepted") == [415])
    #expect(run.students[0].relocated)
    #expect(run.students[0].relocationDistanceKm == 80)
  }

  @Test("a new hire who quits within the year leaves a job-to-job opening at their site that day")
  func newHireQuitOpensAJobToJobOpening() throws {
    var scenario = TinyRegion.scenario()
    scenario.hiring.firstYearQuitProbability = 1
    // Credentialed on 395.25; told 400, offered 410, accepted 415, started 429.
    let run = TinyRegion.run(scenario, staffExits: [(0, 400)])
    #expect(run.days("job_start") == [429])
    let quit = try #require(run.events("new_hire_quit").first)
    #expect(quit.time > 429 && quit.time <= 429 + 365)
    let opened = run.events("requisition_approved").filter { $0.detail.hasSuffix("origin=new_hire_quit") }
    #expect(opened.map(\.time) == [quit.time])
    #expect(opened.map(\.site) == [0])
  }

  /// A credentialed graduate the site does not count as its own (the rotation ended more than
  /// `recentStudentDays` ago), against one outsider scoring 0.5 + the 0.1 credential bonus.
  /// The graduate's interview: skill 1 − e^(−20/16) = 0.7135 after 20 weeks, so the rated
  /// quality is (0.5 × 0.7135 + 0.25 + 0.25) = 0.8568; plus composure and the bonus.
  static func posting(composure: Double) -> TinyRegion.Run {
    var scenario = TinyRegion.scenario()
    scenario.hiring.recentStudentDays = 100
    scenario.hiring.externalApplicants = .constant(value: 1)
    scenario.students.composure = .constant(value: composure)
    // Opened on day 420: posted at once (no own, system or contact candidate), closes on 450.
    return TinyRegion.run(scenario, staffExits: [(0, 420)])
  }

  @Test("on a posting a graduate scoring 1.46 beats an outsider scoring 0.6")
  func graduateWinsThePosting() {
    let run = Self.posting(composure: 0.5)
    #expect(run.days("posted") == [420])
    let offers = run.events("offer")
    #expect(offers.map(\.time) == [450])
    #expect(offers.first?.detail.contains("source=open_market") == true)
    #expect(run.events("external_hire").isEmpty)
  }

  @Test("on a posting an outsider scoring 0.6 beats a graduate scoring −0.04")
  func outsiderWinsThePosting() {
    let run = Self.posting(composure: -1)
    #expect(run.days("external_hire") == [450])
    #expect(run.events("offer").isEmpty)
  }
}
