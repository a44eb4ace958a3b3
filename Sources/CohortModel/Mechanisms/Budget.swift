import Foundation
import SimKernel

/// Budget-limited openings: staff exits and growth become requisitions only when a site's budget
/// allows; a hiring freeze holds them until a later period.
extension CohortDynamics {
  /// Each period every site learns whether it is frozen and how many growth positions it is
  /// granted; held exits and growth are approved when a period without a freeze comes.
  mutating func reviewBudgets(_ simulation: inout Simulation<CohortEvent>) {
    let demand = scenario.demand
    let periodGrowth = expm1(world.demand.growthRatePerYear * demand.budgetPeriodDays / 365.25)
    for site in sites.indices {
      let positions = sites[site].positions
      let (frozen, growth) = withBudgetStream(site) { stream in
        (stream.chance(demand.freezeProbability), stream.poisson(mean: Double(positions) * periodGrowth))
      }
      if frozen && !budgets[site].frozen { trace(simulation.now, "hiring_freeze", site: site) }
      budgets[site].frozen = frozen
      budgets[site].deferredGrowth += growth
      guard !frozen else { continue }
      let exits = budgets[site].deferredExits
      let granted = budgets[site].deferredGrowth
      let chains = budgets[site].deferredChains
      budgets[site].deferredExits = 0
      budgets[site].deferredGrowth = 0
      budgets[site].deferredChains = 0
      sites[site].positions += granted
      for _ in 0..<(exits + granted) { approveRequisition(at: site, &simulation) }
      for _ in 0..<chains { approveRequisition(at: site, chain: true, &simulation) }
      if granted > 0 { scheduleNextExit(site, &simulation) }
    }
    simulation.schedule(.budgetReview, after: demand.budgetPeriodDays, priority: CohortPriority.budget)
  }

  /// Exits are a Poisson process at the derived exit rate per position; after the site's
  /// positions change the pending exit is cancelled and redrawn (memorylessness makes that exact).
  mutating func scheduleNextExit(_ site: Int, _ simulation: inout Simulation<CohortEvent>) {
    if let pending = budgets[site].nextExit { simulation.cancel(pending) }
    let rate = world.demand.exitRatePerYear / 365.25 * Double(sites[site].positions)
    guard rate > 0 else { return }
    let delay = withBudgetStream(site) { $0.exponential(mean: 1 / rate) }
    budgets[site].nextExit = simulation.schedule(
      .staffExit(site: Int32(site)), after: delay, priority: CohortPriority.budget)
  }

  mutating func staffLeaves(_ site: Int, _ simulation: inout Simulation<CohortEvent>) {
    budgets[site].nextExit = nil
    trace(simulation.now, "staff_exit", site: site)
    if budgets[site].frozen {
      budgets[site].deferredExits += 1
    } else {
      approveRequisition(at: site, &simulation)
    }
    scheduleNextExit(site, &simulation)
  }

  /// A requisition is approved after the approval delay; the search starts then.
  mutating func approveRequisition(
    at site: Int, chain: Bool = false, _ simulation: inout Simulation<CohortEvent>
  ) {
    let approvalDelay = scenario.demand.approvalDelayDays
    let delay = withBudgetStream(site) { approvalDelay.sample(&$0) }
    requisitions.append(Requisition(site: Int32(site), approvedDay: simulation.now + delay, isChain: chain))
    simulation.schedule(
      .requisitionApproved(requisition: Int32(requisitions.count - 1)), after: delay,
      priority: CohortPriority.budget)
  }
}
