import SimKernel

/// Filling an opening: the site looks at its own students first, then what its system has
/// heard, then its contacts' recommendations, and only then posts the job publicly.
extension CohortDynamics {
  mutating func openRequisition(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard !openings.requisitions[index].isCancelled else { return }
    let origin = openings.requisitions[index].origin.traceName
    trace(
      simulation.now, "requisition_approved", site: Int(openings.requisitions[index].site),
      "requisition=\(index) origin=\(origin)\(openings.requisitions[index].isRepost ? " repost" : "")")
    search(index, after: .open, &simulation)
  }

  /// Applies `input`, which sends the requisition back to searching, and carries out the search
  /// it asks for from the tier it names.
  mutating func search(
    _ index: Int, after input: RequisitionLifecycle.Input, _ simulation: inout Simulation<CohortEvent>
  ) {
    guard case .search(let from) = openings.requisitions[index].lifecycle.apply(input) else {
      preconditionFailure("requisition: \(input) starts a search")
    }
    advance(index, from: from, &simulation)
  }

  /// Tries the requisition's tiers from `tier` until a candidate is found or the job is posted.
  private mutating func advance(
    _ index: Int, from tier: RequisitionTier, _ simulation: inout Simulation<CohortEvent>
  ) {
    let site = Int(openings.requisitions[index].site)
    var tier = tier
    while true {
      let candidate: Int?
      let tried = openings.requisitions[index].lifecycle.tried
      switch tier {
      case .ownSite: candidate = bestOwnStudent(for: site, now: simulation.now, excluding: tried)
      case .sameSystem: candidate = bestHeardOfInSystem(for: site, now: simulation.now, excluding: tried)
      case .recommendation:
        candidate = bestRecommended(for: index, at: site, now: simulation.now, excluding: tried)
      case .openMarket:
        guard case .schedulePosting(let posting) = openings.requisitions[index].lifecycle.apply(.post) else {
          preconditionFailure("a posting is scheduled")
        }
        let postingDays = scenario.hiring.postingDays
        let days = withRequisitionStream(index, .postingLength(posting: Int(posting))) {
          postingDays.sample(&$0)
        }
        trace(simulation.now, "posted", site: site, "requisition=\(index) posting=\(posting)")
        simulation.schedule(.postingCloses(requisition: Int32(index)), after: days)
        return
      }
      if let student = candidate {
        guard
          case .scheduleInsideOffer = openings.requisitions[index].lifecycle.apply(
            .refer(tier: tier, candidate: Int32(student)))
        else { preconditionFailure("a referral schedules the inside offer") }
        tell(student, about: index, at: tier, &simulation)
        return
      }
      if holdForKnownStudent(index, at: tier, &simulation) { return }
      tier = tier.next
    }
  }

  /// The inside candidate `student` is told about requisition `index` (the manager's "apply
  /// now"); the inside offer follows after `insideOfferDays`.
  mutating func tell(
    _ student: Int, about index: Int, at tier: RequisitionTier, _ simulation: inout Simulation<CohortEvent>
  ) {
    let insideOfferDays = scenario.hiring.insideOfferDays
    let days = withRequisitionStream(index, .insideOfferDelay(tier: tier, candidate: student)) {
      insideOfferDays.sample(&$0)
    }
    let event =
      tier == .ownSite ? "told_to_apply" : tier == .sameSystem ? "system_referral" : "recommended"
    trace(
      simulation.now, event, student: student, site: Int(openings.requisitions[index].site),
      "requisition=\(index)")
    simulation.schedule(.insideOffer(requisition: Int32(index), student: Int32(student)), after: days)
  }

  /// Whether the site could hire the student now: not already hired, close enough to
  /// graduating, within the student's reach (commute plus relocation willingness: staff who
  /// know a student know whether they would move), and credentialed unless the site hires on
  /// contingency (a student whose contingent job was rescinded needs the credential before anyone
  /// hires them again).
  ///
  /// The conjunction is pure, so its tests run cheapest and most often false first (the
  /// graduation window rules out most of a site's history); the distance comes last.
  func isCandidate(_ index: Int, for site: Int, now: Double) -> Bool {
    guard roster.students[index].graduationDay - now <= scenario.hiring.lookaheadDays,
      now >= roster.students[index].unavailableUntil, roster.students[index].lifecycle.isAvailable,
      world.sites[site].location.distanceKm(to: roster.students[index].home)
        <= roster.reachKm(index, now: now)
    else {
      return false
    }
    if roster.students[index].isCredentialed { return true }
    return world.sites[site].allowsContingentHires && !roster.students[index].lifecycle.record.rescinded
      && !roster.students[index].examsExhausted
  }

  /// A candidate's standing with a manager who knows them: the impression, plus a bonus for a
  /// credential already in hand.
  func standing(_ impression: Double, _ index: Int) -> Double {
    impression + (roster.students[index].isCredentialed ? scenario.hiring.credentialBonus : 0)
  }

  /// True when `index` was at `key`'s site recently enough to count as "theirs", or is there now.
  func isRecent(_ index: Int, at site: Int, now: Double) -> Bool {
    guard let entry = roster.students[index].impressions.first(where: { $0.holder == .site(Int32(site)) })
    else {
      return false
    }
    return entry.active || now - entry.lastDay <= scenario.hiring.recentStudentDays
  }

  /// The best current or recent student of the site whose impression is strong.
  func bestOwnStudent(for site: Int, now: Double, excluding tried: [Int32] = []) -> Int? {
    var best: (score: Double, student: Int)?
    let threshold = scenario.hiring.strongImpressionThreshold
    for raw in lists.known(by: .site(Int32(site))) where !tried.contains(raw) {
      let index = Int(raw)
      guard isCandidate(index, for: site, now: now), isRecent(index, at: site, now: now),
        let seen = roster.impression(of: index, by: .site(Int32(site)), now: now), seen > threshold
      else { continue }
      let score = standing(seen, index)
      if best == nil || score > best!.score { best = (score, index) }
    }
    return best?.student
  }

  /// The best student the site's hospital system has heard well of.
  func bestHeardOfInSystem(for site: Int, now: Double, excluding tried: [Int32] = []) -> Int? {
    guard let system = world.sites[site].system else { return nil }
    var best: (score: Double, student: Int)?
    let key = ImpressionHolder.system(Int32(system))
    for raw in lists.known(by: key) where !tried.contains(raw) {
      let index = Int(raw)
      guard isCandidate(index, for: site, now: now),
        let heard = roster.impression(of: index, by: key, now: now),
        heard > scenario.hiring.strongImpressionThreshold
      else { continue }
      let score = standing(heard, index)
      if best == nil || score > best!.score { best = (score, index) }
    }
    return best?.student
  }
}
