import SimKernel

/// A manager holds an approved job for a strong student they know who cannot be hired yet
/// (too far from graduating, or still without the credential the site requires) but will be
/// soon, instead of passing it on: "waiting for a trainee to qualify" (calibration row 34). The
/// student is told to apply the moment the requisition goes live, so the offer can come before
/// graduation.
extension CohortDynamics {
  /// At the own-site or same-system tier, when no known student is a candidate now: holds the
  /// requisition for the known student with the highest standing who could be hired but for
  /// timing or the credential and graduates within `holdWindowDays`. Returns whether it did.
  mutating func holdForKnownStudent(
    _ index: Int, at tier: RequisitionTier, _ simulation: inout Simulation<CohortEvent>
  ) -> Bool {
    let window = scenario.hiring.holdWindowDays
    guard window > 0, !openings.requisitions[index].lifecycle.wasHeld, tier == .ownSite || tier == .sameSystem
    else {
      return false
    }
    let site = Int(openings.requisitions[index].site)
    let now = simulation.now
    let threshold = scenario.hiring.strongImpressionThreshold
    let known: [Int32]
    let key: ImpressionHolder
    if tier == .ownSite {
      known = lists.known(by: .site(Int32(site)))
      key = .site(Int32(site))
    } else {
      guard let system = world.sites[site].system else { return false }
      known = lists.known(by: .system(Int32(system)))
      key = .system(Int32(system))
    }
    var best: (score: Double, student: Int)?
    for raw in known where !openings.requisitions[index].lifecycle.tried.contains(raw) {
      let student = Int(raw)
      guard couldQualify(student, for: site, within: window, now: now),
        tier == .sameSystem || isRecent(student, at: site, now: now),
        let seen = roster.impression(of: student, by: key, now: now), seen > threshold
      else { continue }
      let score = standing(seen, student)
      if best == nil || score > best!.score { best = (score, student) }
    }
    guard let student = best?.student else { return false }
    guard
      case .scheduleHoldReview(let until) = openings.requisitions[index].lifecycle.apply(
        .hold(tier: tier, candidate: Int32(student), until: now + window))
    else { preconditionFailure("a hold schedules its review") }
    lists.hold(index, for: student)
    trace(now, "held_for_student", student: student, site: site, "requisition=\(index)")
    simulation.schedule(.holdReview(requisition: Int32(index)), at: until)
    let eligible = roster.students[student].graduationDay - scenario.hiring.lookaheadDays
    if eligible > now && eligible < until {
      simulation.schedule(.holdReview(requisition: Int32(index)), at: eligible)
    }
    return true
  }

  /// Not a candidate now, but could become one within `window` days without anything else
  /// changing: not hired, graduating within the window, within reach, and not barred from
  /// a contingent hire by a rescission or exhausted exams.
  /// Fields are read in place (no copy of the `Student`, whose arrays a copy would retain), the
  /// cheapest tests first: the conjunction is pure, so the order changes nothing but the cost.
  func couldQualify(_ student: Int, for site: Int, within window: Double, now: Double) -> Bool {
    roster.students[student].graduationDay - now <= window && now >= roster.students[student].unavailableUntil
      && !roster.students[student].examsExhausted && roster.students[student].lifecycle.isAvailable
      && !roster.students[student].lifecycle.record.rescinded
      && world.sites[site].location.distanceKm(to: roster.students[student].home)
        <= roster.reachKm(student, now: now)
      && !isCandidate(student, for: site, now: now)
  }

  /// Checks the requisition held for a student: offer it (through the manager's "apply now") if
  /// they are a candidate now; release it to its next tier if the hold has run out or they can
  /// no longer take it; otherwise keep waiting.
  mutating func reviewHold(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard case .held(let tier, let candidate, let until) = openings.requisitions[index].lifecycle.state else {
      return
    }
    let held = Int(candidate)
    let site = Int(openings.requisitions[index].site)
    let now = simulation.now
    if isCandidate(held, for: site, now: now) {
      lists.endHold(index, for: held)
      guard case .scheduleInsideOffer = openings.requisitions[index].lifecycle.apply(.candidateReady) else {
        preconditionFailure("a ready candidate is told to apply")
      }
      tell(held, about: index, at: tier, &simulation)
    } else if now >= until || !roster.students[held].lifecycle.isAvailable
      || roster.students[held].lifecycle.record.rescinded || roster.students[held].examsExhausted
    {
      lists.endHold(index, for: held)
      trace(now, "hold_released", student: held, site: site, "requisition=\(index)")
      search(index, after: .releaseHold, &simulation)
    }
  }

  /// Reviews every requisition held for `student` (after they earn the credential, accept a
  /// job or withdraw), in the order they were held.
  mutating func reviewHolds(for student: Int, _ simulation: inout Simulation<CohortEvent>) {
    for requisition in lists.held(for: student) { reviewHold(Int(requisition), &simulation) }
  }
}
