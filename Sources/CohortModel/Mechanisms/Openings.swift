import SimKernel

/// Budgets and the requisitions they approve, with one owner: each site's budgeted positions and
/// budget state, the region's pending cuts and budget period, every requisition, and the
/// long-lived streams of each site's reviews, exits and approvals.
///
/// Its mechanisms (budget reviews and freezes, staff exits, the fiscal-year growth cycle, reposts
/// and vacancy chains: `Budget.swift`, `Freezes.swift`, `FiscalYear.swift`, `VacancyChain.swift`)
/// are methods on it that take the run's fixed inputs, the stream bank and the simulation as
/// arguments, so none of them can reach a student. The dispatcher (`CohortDynamics`) routes the
/// budget events here; the mechanisms that join requisitions to students (filling, offers) read
/// and advance requisitions through `requisitions`.
struct Openings {
  let scenario: Scenario
  let world: World
  /// Where site-level trace lines go (`TraceSink`); nil when the run keeps no trace.
  let traceSink: TraceSink?
  /// Budgeted positions per site: the listed or generated staff, then what growth and cuts make
  /// of them. Every other property of a site is fixed for the run (`world.sites`).
  var positions: [Int]
  var budgets: [SiteBudget]
  /// Every requisition approved so far, in order of approval; an index here is its identity in
  /// events and outputs.
  var requisitions: [Requisition] = []
  /// The number of the next budget review: period n falls on day n × budgetPeriodDays
  /// (negative in the warm-up).
  var budgetPeriod = 0
  /// Positions the budgets have cut that the region's next staff exits will take (shrinking
  /// demand); see `reviewBudgets`.
  var pendingCuts = 0
  /// Per site: index of its budget-review stream; its exit stream and its approval stream are
  /// the next two indices (see `RandomStreamBank` for why these three may be long-lived).
  private var siteStreams: [Int32] = []
  /// Per site, the other sites within commuting distance, in site order (`commuteNeighbours`).
  var neighbourPool: [Int32] = []
  var neighbourRanges: [Range<Int>?] = []

  /// Adds each site's three long-lived streams to `streams`, in site order (review, exits,
  /// approvals), so their indices are the same in every replication of the world.
  init(scenario: Scenario, world: World, traceSink: TraceSink?, streams: inout RandomStreamBank) {
    self.scenario = scenario
    self.world = world
    self.traceSink = traceSink
    positions = world.sites.map(\.positions)
    budgets = Array(repeating: SiteBudget(), count: world.sites.count)
    for site in world.sites.indices {
      siteStreams.append(Int32(streams.add(StreamKey("site budget review", site))))
      _ = streams.add(StreamKey("site exits", site))
      _ = streams.add(StreamKey("site approvals", site))
    }
  }

  /// Schedules the first budget review and each site's first staff exit. Budget reviews fall on
  /// whole periods counted from day 0, and like exits they begin in the warm-up (the first whole
  /// period at or before the clock's start), so students graduating early in the run meet
  /// freezes like any other.
  mutating func start(_ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>) {
    let period = scenario.demand.budgetPeriodDays
    budgetPeriod = Int((simulation.now / period).rounded(.down))
    simulation.schedule(
      .budgetReview, at: max(simulation.now, Double(budgetPeriod) * period), priority: CohortPriority.budget)
    for site in positions.indices { scheduleNextExit(site, &streams, &simulation) }
  }

  /// Records a trace line about a site (no student) when the run keeps a trace.
  func trace(_ time: Double, _ event: String, site: Int? = nil, _ detail: @autoclosure () -> String = "") {
    traceSink?.record(time, event, student: nil, studentId: nil, site: site, detail())
  }

  /// Draws from a site's budget-review stream (freeze, growth): one pair per site per period.
  func withBudgetStream<R>(_ site: Int, _ streams: inout RandomStreamBank, _ body: (inout RandomStream) -> R)
    -> R
  {
    streams.withStream(Int(siteStreams[site]), body)
  }

  /// Draws from a site's staff-exit stream: the exits' times depend only on positions, which
  /// only budget reviews change.
  func withExitStream<R>(_ site: Int, _ streams: inout RandomStreamBank, _ body: (inout RandomStream) -> R)
    -> R
  {
    streams.withStream(Int(siteStreams[site]) + 1, body)
  }

  /// Draws the approval delays of a site's own (exit and growth) requisitions, in the order
  /// budgets approve them; vacancy-chain requisitions draw from their own keyed stream.
  func withApprovalStream<R>(
    _ site: Int, _ streams: inout RandomStreamBank, _ body: (inout RandomStream) -> R
  ) -> R {
    streams.withStream(Int(siteStreams[site]) + 2, body)
  }

  /// Draws from the short-lived stream `draw` of requisition `requisition` (keyed by its
  /// placement-independent identity, not its array position).
  func withRequisitionStream<R>(
    _ requisition: Int, _ draw: RequisitionDraw, _ streams: inout RandomStreamBank,
    _ body: (inout RandomStream) -> R
  ) -> R {
    streams.withStream(keyed: draw.key(identity: requisitions[requisition].identity), body)
  }
}
