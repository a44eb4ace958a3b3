import SimKernel

/// Vacancy chains: an outside hire is often an experienced sonographer from another site of the
/// region, whose move opens a vacancy there. These job-to-job moves within the occupation are not
/// in the BLS openings the demand is seeded from (those count growth and exits from the
/// occupation), so they are counted apart, but they give rotation sites more requisitions.
extension Openings {
  /// `requisition` is the one filled from outside; the chain it opens takes an identity derived
  /// from it.
  mutating func openVacancyChain(
    for requisition: Int, leaving hiringSite: Int, _ streams: inout RandomStreamBank,
    _ simulation: inout Simulation<CohortEvent>
  ) {
    let share = scenario.hiring.externalFromRegionShare
    let length = requisitions[requisition].chainLength
    // Chains must end: the last permitted link is filled without opening another (7.7a).
    guard share > 0, Int(length) < scenario.hiring.maxChainLength else { return }
    let (moves, draw) = withRequisitionStream(requisition, .vacancyChain, &streams) {
      ($0.chance(share), $0.uniform())
    }
    guard moves else { return }
    let nearby = commuteNeighbours(of: hiringSite)
    let weights = nearby.map { Double(positions[Int($0)]) }
    let total = weights.reduce(0, +)
    guard total > 0 else { return }
    let left = Int(nearby[nearby.startIndex + Distribution.pick(weights: weights, u: draw)])
    let identity = DerivedRequisition.vacancyChainLink.identity(from: requisitions[requisition].identity)
    trace(simulation.now, "vacancy_chain", site: left, "moved_to_site=\(world.sites[hiringSite].name)")
    approveJobToJob(
      at: left, DeferredVacancy(identity: identity, origin: .chain, chainLength: length + 1), &streams,
      &simulation)
  }

  /// The other sites within commuting distance of `site`, in site order: found at the first
  /// chain through the site and kept (`neighbourPool`), since sites do not move.
  mutating func commuteNeighbours(of site: Int) -> ArraySlice<Int32> {
    if site >= neighbourRanges.count {
      neighbourRanges.append(
        contentsOf: repeatElement(nil, count: max(positions.count, site + 1) - neighbourRanges.count))
    }
    if let range = neighbourRanges[site] { return neighbourPool[range] }
    let first = neighbourPool.count
    world.forEachSite(within: scenario.students.commuteKm, of: world.sites[site].location) { other, _ in
      if other != site { neighbourPool.append(Int32(other)) }
    }
    neighbourPool[first...].sort()
    neighbourRanges[site] = first..<neighbourPool.count
    return neighbourPool[first..<neighbourPool.count]
  }
}
