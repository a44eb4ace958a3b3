import SimKernel

/// One replication's model: the event handler that turns cohorts, rotations, budgets, exams and
/// offers into outcomes. It is the dispatcher: each piece of state has an owner (`Roster` for
/// students and cohorts, `Openings` for positions, budgets and requisitions, `Placement` for
/// rotation places, `HiringLists` for what the hiring tiers scan), `handle` routes each event to
/// the owner whose state it changes, and the mechanisms that join owners (filling a requisition
/// from a list of students, offers and their decisions) are extensions of this type, each in its
/// own file (docs/CONTRIBUTING.md, "Which owner").
///
/// All state is value-typed and indexed (students, sites, requisitions are array positions), and
/// every random number comes from a stream keyed by purpose and entity, so two strategies run
/// with the same seed share every draw their differences do not touch.
struct CohortDynamics: EventHandler, ~Copyable {
  typealias Event = CohortEvent

  let scenario: Scenario
  let world: World
  let replicationSeed: UInt64
  /// Trace lines collected during the run and handed to the monitor at the end. A reference so
  /// that tracing can read the model while recording (no exclusive access to the model needed).
  let traceSink: TraceSink?

  var streams: RandomStreamBank
  /// Budgets, positions and requisitions (`Openings.swift`).
  var openings: Openings
  /// Rotation placement: occupancy, nearby sites, the strategy (`Placement.swift`).
  var placement: Placement
  /// What the hiring tiers scan: sites' and systems' known students, holds, open-market searchers.
  var lists: HiringLists
  /// Students and cohorts (`Roster.swift`).
  var roster: Roster
  var counters = ModelCounters()

  init(scenario: Scenario, world: World, strategy: String, replicationSeed: UInt64, tracing: Bool) {
    self.scenario = scenario
    self.world = world
    self.replicationSeed = replicationSeed
    self.traceSink = tracing ? TraceSink() : nil
    streams = RandomStreamBank(replicationSeed: replicationSeed, algorithm: scenario.generator)
    streams.reserveCapacity(3 * world.sites.count)
    roster = Roster(scenario: scenario, world: world, traceSink: traceSink)
    openings = Openings(scenario: scenario, world: world, traceSink: traceSink, streams: &streams)
    placement = Placement(strategy: PlacementStrategies.named(strategy), siteCount: world.sites.count)
    lists = HiringLists(
      siteCount: world.sites.count, systemCount: world.systemCount,
      searching: SearcherIndex(widthKm: scenario.region.widthKm, heightKm: scenario.region.heightKm))
    counters.initialPositions = world.sites.reduce(0) { $0 + $1.positions }
  }

  /// Schedules what starts the run: every cohort's admission, then the budgets' first review,
  /// exits and fiscal year (`Openings.start`).
  mutating func start(_ simulation: inout Simulation<CohortEvent>) {
    roster.scheduleAdmissions(&simulation)
    openings.start(&streams, &simulation)
    openings.scheduleFiscalYear(0, &simulation)
  }

  mutating func handle(_ event: CohortEvent, in simulation: inout Simulation<CohortEvent>) {
    switch event {
    case .cohortAdmitted(let cohort): roster.admit(Int(cohort), &streams, &simulation)
    case .rotationStarts(let cohort, let rotation): startRotation(Int(cohort), Int(rotation), &simulation)
    case .clinicalWeek(let student): roster.observeWeek(Int(student), &streams, &simulation)
    case .rotationEnds(let student, let site): endRotation(Int(student), at: Int(site), &simulation)
    case .reputationSpreads(let student, let site):
      spreadReputation(Int(student), from: Int(site), &simulation)
    case .graduation(let student): graduate(Int(student), &simulation)
    case .examAttempt(let student, let exam): attemptExam(Int(student), Int(exam), &simulation)
    case .budgetReview: openings.reviewBudgets(&streams, &simulation)
    case .staffExit(let site): openings.staffLeaves(Int(site), &streams, &simulation)
    case .requisitionApproved(let requisition): openRequisition(Int(requisition), &simulation)
    case .insideOffer(let requisition, let student):
      deliverInsideOffer(Int(requisition), Int(student), &simulation)
    case .postingCloses(let requisition): closePosting(Int(requisition), &simulation)
    case .offerDecision(let student): decideOnOffers(Int(student), &simulation)
    case .jobStarts(let student): startJob(Int(student), &simulation)
    case .contingencyDeadline(let student): checkContingency(Int(student), &simulation)
    case .licenceGranted(let student): grantLicence(Int(student), &simulation)
    case .temporaryLicenceGranted(let student, let requisition):
      grantTemporaryLicence(Int(student), for: Int(requisition), &simulation)
    case .finalTermStarts(let student): startFinalTerm(Int(student), &simulation)
    case .holdReview(let requisition): reviewHold(Int(requisition), &simulation)
    case .withdrawal(let student): withdraw(Int(student), &simulation)
    case .newHireQuits(let student, let requisition):
      newHireQuits(Int(student), Int(requisition), &simulation)
    case .fiscalYearStarts(let year): openings.startFiscalYear(Int(year), &streams, &simulation)
    case .growthDecided(let site, let positions):
      openings.decideGrowth(Int(site), positions: Int(positions), &streams, &simulation)
    case .listedStudentHired(let student): hireListedStudent(Int(student), &simulation)
    }
  }

  /// Records one line of the trace when the monitor keeps one; builds no string otherwise.
  func trace(
    _ time: Double, _ event: String, student: Int? = nil, site: Int? = nil,
    _ detail: @autoclosure () -> String = ""
  ) {
    traceSink?.record(
      time, event, student: student, studentId: student.flatMap { roster.listedStudent($0)?.id }, site: site,
      detail())
  }

  /// Puts a graduate on the open market as their `search`th search (the lifecycle counts them),
  /// filed under their reach of the next few months (`filingReach`).
  mutating func startSearching(_ index: Int, search: Int32, now: Double) {
    let (reach, validUntil) = roster.filingReach(index, now: now)
    lists.searching.insert(
      Int32(index), search: search, home: roster.students[index].home, reachKm: reach, validUntil: validUntil)
  }

  /// Files again the searchers whose filing ran out before `now`, if they are still in that
  /// search; before a posting looks at the index, so its classes cover every reach of the day.
  mutating func renewSearcherFilings(now: Double) {
    for renewal in lists.searching.expired(before: now)
    where Self.isApplying(roster.students[Int(renewal.student)], search: renewal.search) {
      startSearching(Int(renewal.student), search: renewal.search, now: now)
    }
  }

  /// Draws from the short-lived stream `draw` of requisition `requisition` (keyed by its
  /// placement-independent identity, not its array position).
  mutating func withRequisitionStream<R>(
    _ requisition: Int, _ draw: RequisitionDraw, _ body: (inout RandomStream) -> R
  ) -> R {
    openings.withRequisitionStream(requisition, draw, &streams, body)
  }
}

/// Running totals the metrics are computed from.
struct ModelCounters {
  var initialPositions = 0
  var acceptedBySource = [Int](repeating: 0, count: OfferSource.allCases.count)
  var acceptedContingent = 0
  var rescinded = 0
  var acceptedRelocated = 0
  var rotationSlots = 0
  var rotationSlotsUnplaced = 0
  /// Where accepted offers were, by place (see `recordAcceptancePlace`).
  var acceptedAtRotationSite = 0
  var acceptedInRotationSystem = 0
  /// First attempts in the run and their passes, by exam kind (see `recordExamAttempt`).
  var firstAttempts = [Int](repeating: 0, count: ExamKind.allCases.count)
  var firstAttemptPasses = [Int](repeating: 0, count: ExamKind.allCases.count)
}

/// Collects trace lines during one replication (confined to that replication's thread).
final class TraceSink {
  var records: [TraceRecord] = []

  func record(
    _ time: Double, _ event: String, student: Int?, studentId: String?, site: Int?, _ detail: String
  ) {
    records.append(
      TraceRecord(
        time: time, event: event, student: student, site: site, detail: detail, studentId: studentId))
  }
}
