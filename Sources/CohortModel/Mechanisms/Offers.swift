import SimKernel

/// Offers, the student's choice among them, the start date, and contingent offers that are
/// rescinded when the credential does not come in time.
extension CohortDynamics {
  mutating func deliverInsideOffer(
    _ requisition: Int, _ student: Int, _ simulation: inout Simulation<CohortEvent>
  ) {
    guard !requisitions[requisition].cancelled else { return }
    let site = Int(requisitions[requisition].site)
    if isCandidate(student, for: site, now: simulation.now) {
      makeOffer(requisition, to: student, &simulation)
    } else {
      moveOn(requisition, &simulation)
    }
  }

  /// The requisition goes to its next tier (a public posting stays public: it is reposted).
  mutating func moveOn(_ requisition: Int, _ simulation: inout Simulation<CohortEvent>) {
    requisitions[requisition].tier = requisitions[requisition].tier.next
    advance(requisition, &simulation)
  }

  /// The student now holds the offer; they decide on everything in hand after `decisionDays`.
  mutating func makeOffer(_ requisition: Int, to student: Int, _ simulation: inout Simulation<CohortEvent>) {
    requisitions[requisition].offerDay = simulation.now
    students[student].pendingOffers.append(Int32(requisition))
    let site = Int(requisitions[requisition].site)
    trace(
      simulation.now, "offer", student: student, site: site,
      "requisition=\(requisition) source=\(requisitions[requisition].tier.source.rawValue) contingent=\(!students[student].isCredentialed)"
    )
    if !students[student].decisionPending {
      students[student].decisionPending = true
      simulation.schedule(
        .offerDecision(student: Int32(student)), after: scenario.hiring.decisionDays,
        priority: CohortPriority.decision)
    }
  }

  /// The student takes the nearest offer within their reach (commute plus relocation
  /// willingness) and declines the rest, which go back to their sites' searches.
  mutating func decideOnOffers(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    students[student].decisionPending = false
    // An offer whose requisition a freeze cancelled in the meantime is withdrawn.
    let offers = students[student].pendingOffers.filter { !requisitions[Int($0)].cancelled }
    students[student].pendingOffers = []
    let home = students[student].home
    let reach = scenario.students.commuteKm + students[student].relocationWillingnessKm
    var chosen: (distance: Double, requisition: Int)?
    if students[student].isAvailable {
      for raw in offers {
        let distance = sites[Int(requisitions[Int(raw)].site)].location.distanceKm(to: home)
        guard distance <= reach else { continue }
        if chosen == nil || distance < chosen!.distance { chosen = (distance, Int(raw)) }
      }
    }
    // Accept first: the declined requisitions move on to their next tiers only once the student
    // is hired, so none of them can refer straight back the student who just turned it down.
    if let chosen { accept(chosen.requisition, by: student, distanceKm: chosen.distance, &simulation) }
    for raw in offers where Int(raw) != chosen?.requisition {
      trace(
        simulation.now, "offer_declined", student: student, site: Int(requisitions[Int(raw)].site),
        "requisition=\(raw)")
      moveOn(Int(raw), &simulation)
    }
  }

  private mutating func accept(
    _ requisition: Int, by student: Int, distanceKm: Double, _ simulation: inout Simulation<CohortEvent>
  ) {
    let now = simulation.now
    let site = Int(requisitions[requisition].site)
    let source = requisitions[requisition].tier.source
    let contingent = !students[student].isCredentialed
    let relocated = distanceKm > scenario.students.commuteKm
    requisitions[requisition].filledDay = now
    students[student].status = .hired
    students[student].jobRequisition = Int32(requisition)
    students[student].jobSite = Int32(site)
    students[student].offerDay = requisitions[requisition].offerDay
    students[student].offerSource = source
    students[student].contingent = contingent
    students[student].everContingent = students[student].everContingent || contingent
    students[student].relocated = relocated
    students[student].relocationKm = relocated ? distanceKm : .nan
    if now >= 0 {
      counters.acceptedBySource[OfferSource.allCases.firstIndex(of: source)!] += 1
      if contingent { counters.acceptedContingent += 1 }
      if relocated { counters.acceptedRelocated += 1 }
    }
    trace(
      now, "offer_accepted", student: student, site: site,
      "requisition=\(requisition) source=\(source.rawValue) distance_km=\(fixed(distanceKm))")
    let onboardingDays = scenario.hiring.onboardingDays
    let onboarding = withRequisitionStream(requisition, Draws.onboarding, occurrence: student + 1) {
      onboardingDays.sample(&$0)
    }
    let plannedStart = max(now, students[student].graduationDay) + onboarding
    simulation.schedule(.jobStarts(student: Int32(student)), at: plannedStart)
    if contingent {
      simulation.schedule(
        .contingencyDeadline(student: Int32(student)), at: plannedStart + scenario.hiring.contingentWindowDays
      )
    } else {
      applyForLicenceIfNeeded(student, &simulation)
    }
  }

  /// Starts work, unless the site's state needs a licence the graduate does not hold yet.
  mutating func startJob(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    let site = Int(students[student].jobSite)
    guard site >= 0, students[student].startDay.isNaN else { return }
    if sites[site].requiresLicence && students[student].licenceDay.isNaN {
      students[student].waitingToStart = true
      trace(simulation.now, "start_waits_for_licence", student: student, site: site)
      return
    }
    students[student].startDay = simulation.now
    trace(
      simulation.now, "job_start", student: student, site: site,
      students[student].contingent ? "contingent" : "")
    scheduleFirstYearQuit(student, &simulation)
  }

  /// At the end of the window a contingent hire without the credential loses the job; the
  /// opening is searched for again and the graduate goes back to searching.
  mutating func checkContingency(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard students[student].status == .hired, students[student].contingent, !students[student].isCredentialed
    else { return }
    let requisition = Int(students[student].jobRequisition)
    let site = Int(students[student].jobSite)
    trace(simulation.now, "rescinded", student: student, site: site, "requisition=\(requisition)")
    if simulation.now >= 0 { counters.rescinded += 1 }
    students[student].rescinded = true
    students[student].jobSite = -1
    students[student].jobRequisition = -1
    students[student].startDay = .nan
    students[student].offerDay = .nan
    students[student].waitingToStart = false
    students[student].relocated = false
    students[student].relocationKm = .nan
    startSearching(student)
    requisitions[requisition].filledDay = .nan
    requisitions[requisition].tier = .ownSite
    advance(requisition, &simulation)
  }
}
