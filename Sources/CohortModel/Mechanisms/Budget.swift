import Foundation
import SimKernel

/// Budget-limited openings: staff exits and growth become requisitions only when a site's budget
/// allows; a hiring freeze holds them until a later period.
extension CohortDynamics {
  /// Each period every site learns whether it is frozen and how many positions it gains (or,
  /// when positions are to shrink, how many it must lose); held exits and growth are approved
  /// when a period without a freeze comes. A loss is taken by leaving that many later exits
  /// unreplaced (`staffLeaves`). Cuts are pooled over the region: a small site may see no exit
  /// for years, so waiting for its own would keep the region above its budget (and its openings
  /// above what the demand promises) for that long, while the region's next exit is days away.
  mutating func reviewBudgets(_ simulation: inout Simulation<CohortEvent>) {
    let demand = scenario.demand
    // The listed positions are day 0's: warm-up reviews freeze and thaw but change no positions
    // (their draws are still made, so period n draws the same numbers however long the warm-up).
    let warmUp = simulation.now < 0
    let periodGrowth = expm1(world.demand.growthRatePerYear * demand.budgetPeriodDays / 365.25)
    for site in sites.indices {
      let positions = sites[site].positions
      let (frozen, change) = withBudgetStream(site) { stream in
        (stream.chance(demand.freezeProbability), stream.poisson(mean: Double(positions) * abs(periodGrowth)))
      }
      if frozen && !budgets[site].frozen { trace(simulation.now, "hiring_freeze", site: site) }
      budgets[site].frozen = frozen
      let growth = periodGrowth >= 0 && !warmUp ? change : 0
      if periodGrowth < 0 && !warmUp { pendingCuts += change }
      if growth > 0 { trace(simulation.now, "positions_granted", site: site, "positions=\(growth)") }
      budgets[site].deferredGrowth += growth
      guard !frozen else { continue }
      let exits = budgets[site].deferredExits
      let granted = budgets[site].deferredGrowth
      let chains = budgets[site].deferredChains
      budgets[site].deferredExits = 0
      budgets[site].deferredGrowth = 0
      budgets[site].deferredChains = []
      sites[site].positions += granted
      for _ in 0..<(exits + granted) { approveRequisition(at: site, &simulation) }
      for identity in chains { approveChainRequisition(at: site, identity: identity, &simulation) }
      if granted > 0 { scheduleNextExit(site, &simulation) }
    }
    budgetPeriod += 1
    simulation.schedule(
      .budgetReview, at: Double(budgetPeriod) * demand.budgetPeriodDays, priority: CohortPriority.budget)
  }

  /// Exits are a Poisson process at the derived exit rate per position; after the site's
  /// positions change the pending exit is cancelled and redrawn (memorylessness makes that exact).
  mutating func scheduleNextExit(_ site: Int, _ simulation: inout Simulation<CohortEvent>) {
    if let pending = budgets[site].nextExit { simulation.cancel(pending) }
    let rate = world.demand.exitRatePerYear / 365.25 * Double(sites[site].positions)
    guard rate > 0 else { return }
    let delay = withExitStream(site) { $0.exponential(mean: 1 / rate) }
    budgets[site].nextExit = simulation.schedule(
      .staffExit(site: Int32(site)), after: delay, priority: CohortPriority.budget)
  }

  mutating func staffLeaves(_ site: Int, _ simulation: inout Simulation<CohortEvent>) {
    budgets[site].nextExit = nil
    trace(simulation.now, "staff_exit", site: site)
    if pendingCuts > 0 && sites[site].positions > 0 {
      pendingCuts -= 1
      sites[site].positions -= 1
      trace(simulation.now, "position_cut", site: site)
    } else if budgets[site].frozen {
      budgets[site].deferredExits += 1
    } else {
      approveRequisition(at: site, &simulation)
    }
    scheduleNextExit(site, &simulation)
  }

  /// An exit or growth requisition is approved after the approval delay; the search starts then.
  /// Its delay comes from the site's approval stream, whose sequence placement cannot change.
  mutating func approveRequisition(at site: Int, _ simulation: inout Simulation<CohortEvent>) {
    let approvalDelay = scenario.demand.approvalDelayDays
    let delay = withApprovalStream(site) { approvalDelay.sample(&$0) }
    let identity = SeedDerivation.splitmix64(
      SeedDerivation.splitmix64(UInt64(site)) ^ UInt64(budgets[site].approvals))
    budgets[site].approvals += 1
    schedule(
      Requisition(site: Int32(site), approvedDay: simulation.now + delay, identity: identity), &simulation)
  }

  /// A vacancy-chain requisition: its approval delay is keyed by its own identity, so chains
  /// (which placement does change) never shift another requisition's draws.
  mutating func approveChainRequisition(
    at site: Int, identity: UInt64, _ simulation: inout Simulation<CohortEvent>
  ) {
    let approvalDelay = scenario.demand.approvalDelayDays
    let delay = streams.withStream(keyed: DrawKey(Draws.approvalDelay, entity: identity)) {
      approvalDelay.sample(&$0)
    }
    schedule(
      Requisition(site: Int32(site), approvedDay: simulation.now + delay, isChain: true, identity: identity),
      &simulation)
  }

  private mutating func schedule(_ requisition: Requisition, _ simulation: inout Simulation<CohortEvent>) {
    let delay = requisition.approvedDay - simulation.now
    requisitions.append(requisition)
    simulation.schedule(
      .requisitionApproved(requisition: Int32(requisitions.count - 1)), after: delay,
      priority: CohortPriority.budget)
  }
}
