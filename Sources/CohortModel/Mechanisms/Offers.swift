import SimKernel

/// Offers, the student's choice among them, the start date, and contingent offers that are
/// rescinded when the credential does not come in time.
extension CohortDynamics {
  mutating func deliverInsideOffer(
    _ requisition: Int, _ student: Int, _ simulation: inout Simulation<CohortEvent>
  ) {
    guard !openings.requisitions[requisition].isCancelled else { return }
    let site = Int(openings.requisitions[requisition].site)
    if isCandidate(student, for: site, now: simulation.now) {
      makeOffer(requisition, to: student, &simulation)
    } else {
      search(requisition, after: retriesTier(requisition) ? .tryNextCandidate : .passOver, &simulation)
    }
  }

  /// A declined requisition tries the next-best known candidate at the same tier, up to
  /// `knownCandidatesPerTier`, then goes on to its next tier (a public posting stays public: it
  /// is reposted).
  mutating func moveOn(_ requisition: Int, _ simulation: inout Simulation<CohortEvent>) {
    search(requisition, after: retriesTier(requisition) ? .tryNextCandidate : .decline, &simulation)
  }

  /// Whether the requisition's current inside tier still has known candidates to try.
  func retriesTier(_ requisition: Int) -> Bool {
    openings.requisitions[requisition].lifecycle.retriesTier(limit: scenario.hiring.knownCandidatesPerTier)
  }

  /// The student now holds the offer; they decide on everything in hand after `decisionDays`.
  mutating func makeOffer(_ requisition: Int, to student: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard
      case .offerMade(let source) = openings.requisitions[requisition].lifecycle.apply(
        .offer(student: Int32(student), day: simulation.now))
    else { preconditionFailure("an offer is made") }
    let decision = roster.students[student].lifecycle.apply(.receiveOffer(requisition: Int32(requisition)))
    let site = Int(openings.requisitions[requisition].site)
    trace(
      simulation.now, "offer", student: student, site: site,
      "requisition=\(requisition) source=\(source.rawValue) contingent=\(!roster.students[student].isCredentialed)"
    )
    if decision == .scheduleDecision {
      simulation.schedule(
        .offerDecision(student: Int32(student)), after: scenario.hiring.decisionDays,
        priority: CohortPriority.decision)
    }
  }

  /// The student takes the nearest offer within their reach (commute plus relocation
  /// willingness) and declines the rest, which go back to their sites' searches.
  mutating func decideOnOffers(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    // A withdrawal gave the offers back already (7.1a): the machine ignores the decision.
    guard case .chooseAmong(let offers) = roster.students[student].lifecycle.apply(.decide) else { return }
    let home = roster.students[student].home
    let reach = roster.reachKm(student, now: simulation.now)
    var chosen: (distance: Double, requisition: Int)?
    for raw in offers {
      let distance = world.sites[Int(openings.requisitions[Int(raw)].site)].location.distanceKm(to: home)
      guard distance <= reach else { continue }
      if chosen == nil || distance < chosen!.distance { chosen = (distance, Int(raw)) }
    }
    // Accept first: the declined requisitions move on to their next tiers only once the student
    // is hired, so none of them can refer straight back the student who just turned it down.
    if let chosen {
      accept(chosen.requisition, by: student, distanceKm: chosen.distance, &simulation)
    } else {
      roster.students[student].lifecycle.record(.declineAll)
    }
    // Each declined requisition notes the student as it moves on (`RequisitionLifecycle`).
    for raw in offers where Int(raw) != chosen?.requisition {
      trace(
        simulation.now, "offer_declined", student: student, site: Int(openings.requisitions[Int(raw)].site),
        "requisition=\(raw)")
      moveOn(Int(raw), &simulation)
    }
  }

  /// The student accepts requisition `requisition`: the job, its start after onboarding, and a
  /// contingency deadline for a student without the credential.
  ///
  /// `listedStart` is the start day a current-students file reports for a listed hire
  /// (WarmStart.swift), in place of the drawn onboarding.
  mutating func accept(
    _ requisition: Int, by student: Int, distanceKm: Double, listedStart: Double? = nil,
    _ simulation: inout Simulation<CohortEvent>
  ) {
    let now = simulation.now
    let site = Int(openings.requisitions[requisition].site)
    guard
      case .hired(let source, let offerDay) = openings.requisitions[requisition].lifecycle.apply(
        .accept(day: now))
    else { preconditionFailure("the offer is accepted") }
    let contingent = !roster.students[student].isCredentialed
    let relocated = distanceKm > scenario.students.commuteKm
    if now >= 0 {
      counters.acceptedBySource[OfferSource.allCases.firstIndex(of: source)!] += 1
      if contingent { counters.acceptedContingent += 1 }
      if relocated { counters.acceptedRelocated += 1 }
      recordAcceptancePlace(student, site: site)
    }
    trace(
      now, "offer_accepted", student: student, site: site,
      "requisition=\(requisition) source=\(source.rawValue) distance_km=\(fixed(distanceKm))")
    let onboardingDays = scenario.hiring.onboardingDays
    let onboarding = withRequisitionStream(requisition, .onboarding(student: student)) {
      onboardingDays.sample(&$0)
    }
    let plannedStart = listedStart ?? (max(now, roster.students[student].graduationDay) + onboarding)
    var deadline = plannedStart + scenario.hiring.contingentWindowDays
    if roster.students[student].listedRow != nil {
      // The file says a listed hire still holds the job on the as-of date.
      let asOf = scenario.currentStudents!.asOfDay
      if deadline < asOf { deadline = asOf + scenario.hiring.contingentWindowDays }
    }
    if contingent,
      let expiry = roster.seekTemporaryLicence(student, for: requisition, at: site, &streams, &simulation)
    {
      // Never before the start date, so the start always finds the job it was scheduled for.
      deadline = max(plannedStart, min(deadline, expiry))
    }
    let job = StudentLifecycle.Job(
      requisition: Int32(requisition), site: Int32(site), source: source, offerDay: offerDay,
      acceptedDay: now,
      relocationKm: relocated ? distanceKm : nil, requiresLicence: world.sites[site].requiresLicence)
    let next = roster.students[student].lifecycle.apply(
      .accept(job: job, deadline: contingent ? deadline : nil))
    forgetIfPastHiring(student)
    reviewHolds(for: student, &simulation)
    simulation.schedule(.jobStarts(student: Int32(student)), at: plannedStart)
    if contingent {
      simulation.schedule(.contingencyDeadline(student: Int32(student)), at: deadline)
    } else if next == .applyForLicence {
      roster.applyForLicence(student, &streams, &simulation)
    }
  }

  /// Starts work, unless the site's state needs a licence the graduate does not hold yet.
  mutating func startJob(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    let job = roster.students[student].lifecycle.job
    let contingent = roster.students[student].lifecycle.isContingent
    let action = roster.students[student].lifecycle.apply(.startJob(day: simulation.now))
    // A job given back at a withdrawal (7.1a) has no start.
    guard action != .ignored, let site = job.map({ Int($0.site) }) else { return }
    if action == .waitsForLicence {
      trace(simulation.now, "start_waits_for_licence", student: student, site: site)
      return
    }
    trace(simulation.now, "job_start", student: student, site: site, contingent ? "contingent" : "")
    scheduleFirstYearQuit(student, &simulation)
  }

  /// At the end of the window a contingent hire without the credential loses the job; the
  /// opening is searched for again and the graduate goes back to searching.
  mutating func checkContingency(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard
      case .rescinded(let job, let search) = roster.students[student].lifecycle.apply(.contingencyDeadline)
    else { return }
    let requisition = Int(job.requisition)
    let site = Int(job.site)
    trace(simulation.now, "rescinded", student: student, site: site, "requisition=\(requisition)")
    if simulation.now >= 0 { counters.rescinded += 1 }
    startSearching(student, search: search, now: simulation.now)
    self.search(requisition, after: .rescind, &simulation)
  }
}
