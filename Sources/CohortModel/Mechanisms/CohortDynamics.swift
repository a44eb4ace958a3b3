import SimKernel

/// One replication's model: the event handler that turns cohorts, rotations, budgets, exams and
/// offers into outcomes. Each mechanism lives in its own extension file, named after it.
///
/// All state is value-typed and indexed (students, sites, requisitions are array positions), and
/// every random number comes from a stream keyed by purpose and entity, so two strategies run
/// with the same seed share every draw their differences do not touch.
struct CohortDynamics: EventHandler, ~Copyable {
  typealias Event = CohortEvent

  let scenario: Scenario
  let world: World
  let strategy: (any PlacementStrategy)?
  let replicationSeed: UInt64
  /// Trace lines collected during the run and handed to the monitor at the end. A reference so
  /// that tracing can read the model while recording (no exclusive access to the model needed).
  let traceSink: TraceSink?

  var streams: RandomStreamBank
  /// Per program: its credential pathway, looked up by name once (`pathway(of:)` is asked at
  /// every exam).
  let programPathways: [CredentialPathway]
  /// Per site: index of its budget-review stream; its exit stream and its approval stream are
  /// the next two indices (see `RandomStreamBank` for why these three may be long-lived).
  var siteStreams: [Int32] = []
  var sites: [Site]
  var budgets: [SiteBudget]
  /// What the hiring tiers scan: sites' and systems' known students, holds, open-market searchers.
  var lists: HiringLists
  var cohorts: [Cohort] = []
  var students: [Student] = []
  var requisitions: [Requisition] = []
  var counters = ModelCounters()
  /// The number of the next budget review: period n falls on day n × budgetPeriodDays
  /// (negative in the warm-up).
  var budgetPeriod = 0
  /// Positions the budgets have cut that the region's next staff exits will take (shrinking
  /// demand); see `reviewBudgets`.
  var pendingCuts = 0
  /// Per cohort between its first and last rotation, its students' sites within the placement
  /// radius, nearest first (`NearbyLists`).
  var nearbyByCohort: [NearbyLists?] = []
  /// Per site, the other sites within commuting distance, in site order (`commuteNeighbours`).
  var neighbourPool: [Int32] = []
  var neighbourRanges: [Range<Int>?] = []
  /// Places left per site for the rotation being placed (all zero between placements) and the
  /// pool of its students' options (empty between placements): lent to the `PlacementRequest`
  /// and handed back (`startRotation`), so a region of thousands of sites does not fill and copy
  /// a table of them, nor regrow the pool, at every rotation.
  var roomTable: [Int] = []
  var optionScratch: [PlacementOption] = []

  init(scenario: Scenario, world: World, strategy: String, replicationSeed: UInt64, tracing: Bool) {
    self.scenario = scenario
    self.world = world
    self.strategy = PlacementStrategies.named(strategy)
    self.replicationSeed = replicationSeed
    self.traceSink = tracing ? TraceSink() : nil
    streams = RandomStreamBank(replicationSeed: replicationSeed, algorithm: scenario.generator)
    streams.reserveCapacity(3 * world.sites.count)
    programPathways = world.programs.map { scenario.pathway(named: $0.pathway)! }
    sites = world.sites
    budgets = Array(repeating: SiteBudget(), count: world.sites.count)
    roomTable = Array(repeating: 0, count: world.sites.count)
    lists = HiringLists(
      siteCount: world.sites.count, systemCount: world.systemCount,
      searching: SearcherIndex(widthKm: scenario.region.widthKm, heightKm: scenario.region.heightKm))
    counters.initialPositions = world.sites.reduce(0) { $0 + $1.positions }
    for site in world.sites.indices {
      siteStreams.append(Int32(streams.add(StreamKey("site budget review", site))))
      _ = streams.add(StreamKey("site exits", site))
      _ = streams.add(StreamKey("site approvals", site))
    }
  }

  /// Schedules what starts the run: every cohort's admission, the first budget review and each
  /// site's first staff exit. Budget reviews fall on whole periods counted from day 0, and like
  /// exits they begin in the warm-up (the first whole period at or before the clock's start), so
  /// students graduating early in the run meet freezes like any other.
  mutating func start(_ simulation: inout Simulation<CohortEvent>) {
    scheduleAdmissions(&simulation)
    let period = scenario.demand.budgetPeriodDays
    budgetPeriod = Int((simulation.now / period).rounded(.down))
    simulation.schedule(
      .budgetReview, at: max(simulation.now, Double(budgetPeriod) * period), priority: CohortPriority.budget)
    for site in sites.indices { scheduleNextExit(site, &simulation) }
    scheduleFiscalYear(0, &simulation)
  }

  mutating func handle(_ event: CohortEvent, in simulation: inout Simulation<CohortEvent>) {
    switch event {
    case .cohortAdmitted(let cohort): admit(Int(cohort), &simulation)
    case .rotationStarts(let cohort, let rotation): startRotation(Int(cohort), Int(rotation), &simulation)
    case .clinicalWeek(let student): observeWeek(Int(student), &simulation)
    case .rotationEnds(let student, let site): endRotation(Int(student), at: Int(site), &simulation)
    case .reputationSpreads(let student, let site):
      spreadReputation(Int(student), from: Int(site), &simulation)
    case .graduation(let student): graduate(Int(student), &simulation)
    case .examAttempt(let student, let exam): attemptExam(Int(student), Int(exam), &simulation)
    case .budgetReview: reviewBudgets(&simulation)
    case .staffExit(let site): staffLeaves(Int(site), &simulation)
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
    case .fiscalYearStarts(let year): startFiscalYear(Int(year), &simulation)
    case .growthDecided(let site, let positions):
      decideGrowth(Int(site), positions: Int(positions), &simulation)
    case .listedStudentHired(let student): hireListedStudent(Int(student), &simulation)
    }
  }

  /// Records one line of the trace when the monitor keeps one; builds no string otherwise.
  func trace(
    _ time: Double, _ event: String, student: Int? = nil, site: Int? = nil,
    _ detail: @autoclosure () -> String = ""
  ) {
    guard let traceSink else { return }
    traceSink.records.append(
      TraceRecord(
        time: time, event: event, student: student, site: site, detail: detail(),
        studentId: student.flatMap { listedStudent($0)?.id }))
  }

  /// Puts a graduate on the open market as their `search`th search (the lifecycle counts them),
  /// filed under their reach of the next few months (`filingReach`).
  mutating func startSearching(_ index: Int, search: Int32, now: Double) {
    let (reach, validUntil) = filingReach(index, now: now)
    lists.searching.insert(
      Int32(index), search: search, home: students[index].home, reachKm: reach, validUntil: validUntil)
  }

  /// Files again the searchers whose filing ran out before `now`, if they are still in that
  /// search; before a posting looks at the index, so its classes cover every reach of the day.
  mutating func renewSearcherFilings(now: Double) {
    for renewal in lists.searching.expired(before: now)
    where Self.isApplying(students[Int(renewal.student)], search: renewal.search) {
      startSearching(Int(renewal.student), search: renewal.search, now: now)
    }
  }

  /// Draws from a site's budget-review stream (freeze, growth): one pair per site per period.
  mutating func withBudgetStream<R>(_ site: Int, _ body: (inout RandomStream) -> R) -> R {
    streams.withStream(Int(siteStreams[site]), body)
  }

  /// Draws from a site's staff-exit stream: the exits' times depend only on positions, which
  /// only budget reviews change.
  mutating func withExitStream<R>(_ site: Int, _ body: (inout RandomStream) -> R) -> R {
    streams.withStream(Int(siteStreams[site]) + 1, body)
  }

  /// Draws the approval delays of a site's own (exit and growth) requisitions, in the order
  /// budgets approve them; vacancy-chain requisitions draw from their own keyed stream.
  mutating func withApprovalStream<R>(_ site: Int, _ body: (inout RandomStream) -> R) -> R {
    streams.withStream(Int(siteStreams[site]) + 2, body)
  }

  /// Draws from the short-lived stream `draw` of requisition `requisition` (keyed by its
  /// placement-independent identity, not its array position).
  mutating func withRequisitionStream<R>(
    _ requisition: Int, _ draw: RequisitionDraw, _ body: (inout RandomStream) -> R
  ) -> R {
    streams.withStream(keyed: draw.key(identity: requisitions[requisition].identity), body)
  }

  /// Draws from the short-lived stream `draw` of student `student`.
  mutating func withStudentStream<R>(_ student: Int, _ draw: StudentDraw, _ body: (inout RandomStream) -> R)
    -> R
  {
    streams.withStream(keyed: draw.key(student: student), body)
  }

  /// Draws from the short-lived stream `draw` of the world.
  mutating func withWorldStream<R>(_ draw: WorldDraw, _ body: (inout RandomStream) -> R) -> R {
    streams.withStream(keyed: draw.key, body)
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
}
