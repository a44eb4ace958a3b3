import Foundation
import SimKernel

/// Budget-limited openings: staff exits and growth become requisitions only when a site's budget
/// allows; a hiring freeze holds them until a later period.
extension Openings {
  /// Each period every site learns whether it is frozen and how many positions it gains (or,
  /// when positions are to shrink, how many it must lose); held exits and growth are approved
  /// when a period without a freeze comes. A loss is taken by leaving that many later exits
  /// unreplaced (`staffLeaves`). Cuts are pooled over the region: a small site may see no exit
  /// for years, so waiting for its own would keep the region above its budget (and its openings
  /// above what the demand promises) for that long, while the region's next exit is days away.
  mutating func reviewBudgets(_ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>)
  {
    let demand = scenario.demand
    // The listed positions are day 0's: warm-up reviews freeze and thaw but change no positions
    // (their draws are still made, so period n draws the same numbers however long the warm-up).
    let warmUp = simulation.now < 0
    let periodGrowth = expm1(world.demand.growthRatePerYear * demand.budgetPeriodDays / 365.25)
    // With the fiscal-year cycle growth comes from `startFiscalYear`; the period's change is
    // still drawn, so the review stream's sequence is the same under either cycle.
    let growsHere = demand.growthCycle == .budgetPeriod && !warmUp
    let systemFrozen = drawSystemFreezes(&streams)
    for site in positions.indices {
      let staff = positions[site]
      let (frozen, change) = withBudgetStream(site, &streams) { stream in
        (stream.chance(demand.freezeProbability), stream.poisson(mean: Double(staff) * abs(periodGrowth)))
      }
      let hold = FreezeHold(
        siteFrozen: frozen, systemFrozen: world.sites[site].system.map { systemFrozen[$0] } ?? false,
        exemptsReplacements: demand.systemFreezeExemptsReplacements)
      if hold != .none && budgets[site].hold == .none {
        trace(
          simulation.now, "hiring_freeze", site: site,
          "by=\(frozen ? "site" : "system") holds=\(hold == .everything ? "all" : "growth")")
      }
      budgets[site].hold = hold
      let growth = periodGrowth >= 0 && growsHere ? change : 0
      if periodGrowth < 0 && growsHere { pendingCuts += change }
      if growth > 0 { trace(simulation.now, "positions_granted", site: site, "positions=\(growth)") }
      budgets[site].deferredGrowth += growth
      releaseHeld(site, &streams, &simulation)
    }
    cancelHeldRequisitions(&streams, &simulation)
    budgetPeriod += 1
    simulation.schedule(
      .budgetReview, at: Double(budgetPeriod) * demand.budgetPeriodDays, priority: CohortPriority.budget)
  }

  /// Approves what the site's freeze no longer holds, in a fixed order: held exits, held growth
  /// (both through the site's approval stream, so in an order placement cannot change), held
  /// job-to-job vacancies, then reposts of cancelled requisitions (both keyed).
  mutating func releaseHeld(
    _ site: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let hold = budgets[site].hold
    if !hold.holdsReplacements {
      let exits = budgets[site].deferredExits
      budgets[site].deferredExits = 0
      for _ in 0..<exits { approveRequisition(at: site, origin: .exit, &streams, &simulation) }
    }
    if !hold.holdsGrowth { releaseGrowth(site, &streams, &simulation) }
    if !hold.holdsReplacements {
      let chains = budgets[site].deferredChains
      budgets[site].deferredChains = []
      for vacancy in chains { approveJobToJob(at: site, vacancy, &streams, &simulation) }
    }
    var waiting: [Int32] = []
    for cancelled in budgets[site].deferredReposts {
      if hold.holds(requisitions[Int(cancelled)].origin) {
        waiting.append(cancelled)
      } else {
        repost(Int(cancelled), &streams, &simulation)
      }
    }
    budgets[site].deferredReposts = waiting
  }

  /// Adds the site's held growth to its positions and approves one requisition per position.
  mutating func releaseGrowth(
    _ site: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let granted = budgets[site].deferredGrowth
    guard granted > 0 else { return }
    budgets[site].deferredGrowth = 0
    positions[site] += granted
    for _ in 0..<granted { approveRequisition(at: site, origin: .growth, &streams, &simulation) }
    scheduleNextExit(site, &streams, &simulation)
  }

  /// Exits are a Poisson process at the derived exit rate per position; after the site's
  /// positions change the pending exit is cancelled and redrawn (memorylessness makes that exact).
  mutating func scheduleNextExit(
    _ site: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    if let pending = budgets[site].nextExit { simulation.cancel(pending) }
    let rate = world.demand.exitRatePerYear / 365.25 * Double(positions[site])
    guard rate > 0 else { return }
    let delay = withExitStream(site, &streams) { $0.exponential(mean: 1 / rate) }
    budgets[site].nextExit = simulation.schedule(
      .staffExit(site: Int32(site)), after: delay, priority: CohortPriority.budget)
  }

  mutating func staffLeaves(
    _ site: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    budgets[site].nextExit = nil
    trace(simulation.now, "staff_exit", site: site)
    if pendingCuts > 0 && positions[site] > 0 {
      pendingCuts -= 1
      positions[site] -= 1
      trace(simulation.now, "position_cut", site: site)
    } else if budgets[site].hold.holdsReplacements {
      budgets[site].deferredExits += 1
    } else {
      approveRequisition(at: site, origin: .exit, &streams, &simulation)
    }
    scheduleNextExit(site, &streams, &simulation)
  }

  /// An exit or growth requisition is approved after the approval delay; the search starts then.
  /// Its delay comes from the site's approval stream, whose sequence placement cannot change.
  mutating func approveRequisition(
    at site: Int, origin: RequisitionOrigin, _ streams: inout RandomStreamBank,
    _ simulation: inout Simulation<CohortEvent>
  ) {
    let approvalDelay = scenario.demand.approvalDelayDays
    let delay = withApprovalStream(site, &streams) { approvalDelay.sample(&$0) }
    let identity = SeedDerivation.splitmix64(
      SeedDerivation.splitmix64(UInt64(site)) ^ UInt64(budgets[site].approvals))
    budgets[site].approvals += 1
    schedule(
      Requisition(site: Int32(site), approvedDay: simulation.now + delay, origin: origin, identity: identity),
      &simulation)
  }

  /// A job-to-job requisition (a mover's old job, a new hire's quit): its approval delay is keyed
  /// by its own identity, so these vacancies (which placement does change) never shift another
  /// requisition's draws. Held while the site's freeze holds replacements.
  mutating func approveJobToJob(
    at site: Int, _ vacancy: DeferredVacancy, _ streams: inout RandomStreamBank,
    _ simulation: inout Simulation<CohortEvent>
  ) {
    if budgets[site].hold.holdsReplacements {
      budgets[site].deferredChains.append(vacancy)
      return
    }
    let approvalDelay = scenario.demand.approvalDelayDays
    let delay = streams.withStream(WorldDraw.approvalDelay(identity: vacancy.identity)) {
      approvalDelay.sample(&$0)
    }
    schedule(
      Requisition(
        site: Int32(site), approvedDay: simulation.now + delay, origin: vacancy.origin,
        chainLength: vacancy.chainLength, identity: vacancy.identity),
      &simulation)
  }

  mutating func schedule(_ requisition: Requisition, _ simulation: inout Simulation<CohortEvent>) {
    let delay = requisition.approvedDay - simulation.now
    requisitions.append(requisition)
    simulation.schedule(
      .requisitionApproved(requisition: Int32(requisitions.count - 1)), after: delay,
      priority: CohortPriority.budget)
  }
}
