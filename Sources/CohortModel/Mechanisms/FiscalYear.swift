import Foundation
import SimKernel

/// Growth positions as hospitals budget them: decided once a fiscal year and approved by a
/// committee some weeks into it (`demand.growthCycle` = fiscalYear). Replacements are not part of
/// this cycle: an exit is replaced whenever it happens (`staffLeaves`).
extension Openings {
  /// Day of the start of fiscal year `year` (0: the one starting in the scenario's first
  /// calendar year, on or after day 0).
  func fiscalYearStartDay(_ year: Int) -> Double {
    CohortDynamics.day(
      year: scenario.startYear + year, month: scenario.demand.fiscalYearStartMonth,
      startYear: scenario.startYear)
  }

  /// Schedules fiscal year `year`'s start if it falls within the horizon.
  func scheduleFiscalYear(_ year: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard scenario.demand.growthCycle == .fiscalYear else { return }
    let day = fiscalYearStartDay(year)
    guard day <= scenario.horizonDays else { return }
    simulation.schedule(.fiscalYearStarts(year: Int32(year)), at: day, priority: CohortPriority.budget)
  }

  /// Each site, in index order, learns the year's change in positions,
  /// `Poisson(positions × |expm1(g)|)`, and the committee's delay; both from a stream keyed by
  /// (site, fiscal year), so placement cannot move them.
  mutating func startFiscalYear(
    _ year: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let yearGrowth = expm1(world.demand.growthRatePerYear)
    let committee = scenario.demand.growthCommitteeDelayDays
    trace(simulation.now, "fiscal_year", "year=\(year)")
    for site in positions.indices {
      let staff = Double(positions[site])
      let (change, delay) = streams.withStream(WorldDraw.fiscalGrowth(site: site, year: year)) {
        stream in
        (stream.poisson(mean: staff * abs(yearGrowth)), committee.sample(&stream))
      }
      guard change > 0 else { continue }
      simulation.schedule(
        .growthDecided(site: Int32(site), positions: Int32(change)), after: delay,
        priority: CohortPriority.budget)
    }
    scheduleFiscalYear(year + 1, &simulation)
  }

  /// The committee's decision: growth positions are granted (and approved at once unless a
  /// freeze holds growth), or, when positions are to shrink, cuts join the region's pending cuts.
  mutating func decideGrowth(
    _ site: Int, positions granted: Int, _ streams: inout RandomStreamBank,
    _ simulation: inout Simulation<CohortEvent>
  ) {
    if world.demand.growthRatePerYear < 0 {
      pendingCuts += granted
      return
    }
    trace(simulation.now, "positions_granted", site: site, "positions=\(granted)")
    budgets[site].deferredGrowth += granted
    if !budgets[site].hold.holdsGrowth { releaseGrowth(site, &streams, &simulation) }
  }
}
