import SimKernel

/// Vacancy chains: an outside hire is often an experienced sonographer from another site of the
/// region, whose move opens a vacancy there. These job-to-job moves within the occupation are not
/// in the BLS openings the demand is seeded from (those count growth and exits from the
/// occupation), so they are counted apart, but they give rotation sites more requisitions.
extension CohortDynamics {
  /// `requisition` is the one filled from outside; the chain it opens takes an identity derived
  /// from it.
  mutating func openVacancyChain(
    for requisition: Int, leaving hiringSite: Int, _ simulation: inout Simulation<CohortEvent>
  ) {
    let share = scenario.hiring.externalFromRegionShare
    let length = requisitions[requisition].chainLength
    // Chains must end: the last permitted link is filled without opening another (7.7a).
    guard share > 0, Int(length) < scenario.hiring.maxChainLength else { return }
    var nearby: [Int] = []
    world.forEachSite(within: scenario.students.commuteKm, of: sites[hiringSite].location) { site, _ in
      if site != hiringSite { nearby.append(site) }
    }
    nearby.sort()
    let weights = nearby.map { Double(sites[$0].positions) }
    let total = weights.reduce(0, +)
    let (moves, draw) = withRequisitionStream(requisition, Draws.vacancyChain) {
      ($0.chance(share), $0.uniform())
    }
    guard moves, total > 0 else { return }
    let left = nearby[Distribution.pick(weights: weights, u: draw)]
    let identity = SeedDerivation.splitmix64(requisitions[requisition].identity ^ Draws.vacancyChain.hash)
    trace(simulation.now, "vacancy_chain", site: left, "moved_to_site=\(sites[hiringSite].name)")
    approveJobToJob(
      at: left, DeferredVacancy(identity: identity, origin: .chain, chainLength: length + 1), &simulation)
  }
}
