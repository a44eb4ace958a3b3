import SimKernel

/// Attrition: some admitted students leave the program, mostly early and mostly for personal
/// reasons (calibration row 32). Whether and when a student withdraws is drawn at admission from
/// a stream keyed by the student alone, like their traits: it does not depend on how rotations
/// go, so two placement strategies lose the same students on the same days and `graduates` stays
/// a common-random-numbers quantity. (An academic withdrawal driven by clinical performance would
/// make attrition depend on placement; the figures say such withdrawals are the minority.)
extension Roster {
  /// Draws the withdrawal and schedules it: a day `withdrawalTiming × program length` after
  /// admission, strictly before graduation.
  func scheduleWithdrawal(
    _ student: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let traits = scenario.students
    let probability = cohorts[Int(students[student].cohort)].outcomes.withdrawalProbability
    guard probability > 0 else { return }
    let (withdraws, fraction) = withStudentStream(student, .withdrawal, &streams) { stream in
      (stream.chance(probability), traits.withdrawalTiming.sample(&stream))
    }
    guard withdraws else { return }
    let admission = students[student].admissionDay
    let length = students[student].graduationDay - admission
    // A fraction of 1 would land on graduation day itself: keep it inside the program.
    let day = admission + min(fraction, 0.999) * length
    guard listedWithdrawalAllowed(student, day: day) else { return }
    simulation.schedule(.withdrawal(student: Int32(student)), at: day)
  }
}

extension CohortDynamics {
  /// The student leaves: their rotation place is freed now, they get no further rotation, exam
  /// or offer, and they never graduate. Offers in hand go back to their sites' searches (as if
  /// declined); a job accepted before graduating is given back and its requisition searches
  /// again from its first tier (as after a rescission); a job held for them (7.5a) is released
  /// to its next tier now, not at its next scheduled review.
  mutating func withdraw(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    let site = roster.students[student].lifecycle.rotationSite
    if let site {
      placement.leave(Int(site))
      roster.students[student].lifecycle.record(.endRotation(site: site))
      if let entry = roster.students[student].impressions.firstIndex(where: { $0.holder == .site(site) }) {
        roster.students[student].impressions[entry].active = false
        roster.students[student].impressions[entry].lastDay = simulation.now
      }
    }
    trace(simulation.now, "withdrawn", student: student, site: site.map(Int.init))
    let action = roster.students[student].lifecycle.apply(.withdraw)
    forgetIfPastHiring(student)
    switch action {
    case .offersReturned(let offers):
      for requisition in offers { moveOn(Int(requisition), &simulation) }
    case .jobGivenBack(let job):
      search(Int(job.requisition), after: .rescind, &simulation)
    default: break
    }
    reviewHolds(for: student, &simulation)
  }
}
