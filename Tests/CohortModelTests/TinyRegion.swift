import Foundation
import SimKernel

@testable import CohortModel

/// A region small enough to work every answer out by hand (MODEL.md §7): one hospital at the
/// program, one student living there, constant distributions everywhere, and no demand of its
/// own (no exits, no growth): each test opens the jobs it needs with `TinyRegion.run(staffExits:)`.
///
/// Every hiring and rotation parameter a worked answer relies on is set here, not left to the
/// defaults, so a change of default cannot move an answer. The calendar, in days since 1 January
/// 2024 (day 0):
/// - admission on day 0, one rotation at the hospital on days 0–140 (20 weeks, from month 0);
/// - a strong impression there: every weekly observation is at least 1 (noise, clashes and
///   fading off), so the impression is 1 from the first week;
/// - graduation on day 365.25 (12 months); a candidate from day 265.25 (`lookaheadDays` 100);
/// - one registry exam, sat 30 days after graduation (day 395.25), always passed (p = 1 − 10⁻⁹).
/// An inside offer comes 10 days after the student is told, a posting closes after 30 days, a
/// decision takes 5 days and onboarding 14; no outside applicant ever applies.
enum TinyRegion {
  static let graduationDay = 365.25
  static let lookaheadDays = 100.0
  static let examDay = graduationDay + 30
  static let insideOfferDays = 10.0
  static let postingDays = 30.0
  static let decisionDays = 5.0
  static let onboardingDays = 14.0

  static func scenario() -> Scenario {
    var scenario = Scenario()
    scenario.name = "tiny"
    scenario.seed = 1
    scenario.startYear = 2024
    scenario.years = 3
    scenario.region.widthKm = 200
    scenario.region.heightKm = 200
    scenario.region.states = [StateShare(code: "WA", share: 1)]
    scenario.region.hospitals.count = 0
    scenario.region.imagingCenters.count = 0
    scenario.region.clinics.count = 0
    scenario.licensure.states = []
    scenario.licensure.temporaryLicences = [:]
    var hospital = SiteListing()
    hospital.name = "general"
    hospital.kind = .hospital
    hospital.xKm = 100
    hospital.yKm = 100
    hospital.staff = 10
    hospital.capacity = 2
    scenario.sites = [hospital]

    // No demand of the region's own: openings come only from the exits a test schedules.
    scenario.demand.nationalOpeningsPerYear = 0
    scenario.demand.nationalGrowthOverDecade = 0
    scenario.demand.freezeProbability = 0
    scenario.demand.systemFreezeProbability = 0
    scenario.demand.freezeCancelProbability = 0
    scenario.demand.approvalDelayDays = .constant(value: 0)
    scenario.demand.budgetPeriodDays = 91
    scenario.network.withinSystemProbability = 0
    scenario.network.crossSystemContactsMean = 0
    scenario.network.recommendationProbability = 0

    var program = ProgramParameters()
    program.name = "Central"
    program.xKm = 100
    program.yKm = 100
    program.cohortSize = .constant(value: 1)
    program.intakeYears = [2024]
    program.intakeMonth = 1
    program.lengthMonths = 12
    program.clinicalStartMonth = 0
    program.rotations.count = 1
    program.rotations.lengthWeeks = 20
    program.rotations.gapWeeks = 0
    program.placementRadiusKm = 100
    program.strategy = "nearest-to-home"
    program.pathway = "tiny"
    scenario.programs = [program]
    scenario.credentialPathways["tiny"] = CredentialPathway(
      exams: [
        ExamParameters(
          name: "registry", monthsAfterStart: nil, daysAfterGraduation: .constant(value: 30),
          firstAttemptPass: 1,
          retakePass: 1, retakeWaitDays: 60, maxAttempts: 0)
      ], windowYears: 5, window: .fromGraduation)

    var students = scenario.students
    students.aptitude = .constant(value: 1)
    students.reliability = .constant(value: 1)
    students.rapport = .constant(value: 1)
    students.composure = .constant(value: 0.5)
    students.relationshipBuilding = .constant(value: 0.5)
    students.relocationWillingnessKm = .constant(value: 0)
    students.commuteKm = 50
    students.homeDistanceKm = .constant(value: 0)
    students.examAbility = .constant(value: 0)
    students.unwillingToRelocateShare = 0
    students.relocationWideningKmPerMonth = 0
    students.withdrawalProbability = 0
    students.withdrawalTiming = .constant(value: 0.5)
    scenario.students = students

    var evaluation = scenario.evaluation
    evaluation.observationNoise = 0
    evaluation.learningRate = 1
    evaluation.clashProbabilityPerWeek = 0
    evaluation.memoryHalfLifeDays = 1e9
    evaluation.spreadProbability = 0
    evaluation.spreadAttenuation = 1
    evaluation.spreadDelayDays = .constant(value: 0)
    scenario.evaluation = evaluation

    var hiring = scenario.hiring
    hiring.strongImpressionThreshold = 0.6
    hiring.recentStudentDays = 1000
    hiring.lookaheadDays = lookaheadDays
    hiring.insideOfferDays = .constant(value: insideOfferDays)
    hiring.postingDays = .constant(value: postingDays)
    hiring.applyProbability = 1
    hiring.relocationApplyFactor = 1
    hiring.externalApplicants = .constant(value: 0)
    hiring.externalCandidateScore = .constant(value: 0.5)
    hiring.externalFromRegionShare = 0
    hiring.credentialBonus = 0.1
    hiring.contingentHireProbability = 0
    hiring.contingentWindowDays = 180
    hiring.decisionDays = decisionDays
    hiring.onboardingDays = .constant(value: onboardingDays)
    hiring.holdWindowDays = 0
    hiring.knownCandidatesPerTier = 1
    hiring.finalTermApplyDays = 0
    hiring.knowledgeWeight = 0
    hiring.firstYearQuitProbability = 0
    hiring.maxChainLength = 4
    scenario.hiring = hiring
    return scenario
  }

  /// What one run of a tiny scenario gave.
  struct Run {
    var traces: [TraceRecord]
    var students: [StudentOutcome]
    var requisitions: [RequisitionOutcome]
    var metrics: ReplicationMetrics

    /// The trace lines of `event`, in order.
    func events(_ event: String) -> [TraceRecord] { traces.filter { $0.event == event } }

    /// The days of the trace lines of `event`, in order.
    func days(_ event: String) -> [Double] { events(event).map(\.time) }
  }

  /// Runs `scenario` (replication 0) with a staff exit at each (site, day) of `staffExits`.
  static func run(_ scenario: Scenario, staffExits: [(site: Int, day: Double)] = []) -> Run {
    let seed = SeedDerivation.replicationSeed(master: scenario.seed, replication: 0)
    let world = World(scenario: scenario, replicationSeed: seed)
    var model = CohortDynamics(
      scenario: scenario, world: world, strategy: PlacementStrategies.programDefault, replicationSeed: seed,
      tracing: true)
    var simulation = Simulation<CohortEvent>(
      start: CohortDynamics.firstAdmissionDay(scenario: scenario, world: world))
    model.start(&simulation)
    for exit in staffExits {
      simulation.schedule(.staffExit(site: Int32(exit.site)), at: exit.day, priority: CohortPriority.budget)
    }
    simulation.run(until: scenario.horizonDays, &model)
    let metrics = model.finish(at: simulation.now)
    return Run(
      traces: model.traceSink?.records ?? [], students: model.studentOutcomes(),
      requisitions: model.requisitionOutcomes(horizon: scenario.horizonDays), metrics: metrics)
  }
}

extension TinyRegion {
  /// Adds a hospital at (`xKm`, 100), independent unless `system` is given; returns its index.
  @discardableResult
  static func addHospital(_ scenario: inout Scenario, _ name: String, xKm: Double, system: Int? = nil) -> Int
  {
    var hospital = SiteListing()
    hospital.name = name
    hospital.kind = .hospital
    hospital.xKm = xKm
    hospital.yKm = 100
    hospital.system = system
    hospital.staff = 10
    hospital.capacity = 2
    scenario.sites!.append(hospital)
    return scenario.sites!.count - 1
  }
}
