import SimKernel

/// State licences: in a licensing state a graduate applies once they hold both the credential
/// and the job, and may not start work until the licence is granted after its processing time.
extension Roster {
  /// Called when the lifecycle says so: a credentialed hire at a site that needs a licence.
  mutating func applyForLicence(
    _ student: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let site = Int(students[student].lifecycle.job!.site)
    students[student].lifecycle.record(.applyForLicence(day: simulation.now))
    let processing = scenario.licensure.processing(for: world.sites[site].state)
    // Keyed, not from the exam stream: when a student applies depends on placement, and exam
    // luck must not.
    let days = withStudentStream(student, .licenceProcessing, &streams) { processing.sample(&$0) }
    trace(simulation.now, "licence_applied", student: student, site: site, "state=\(world.sites[site].state)")
    simulation.schedule(.licenceGranted(student: Int32(student)), after: days)
  }

  /// A contingent hire in a state with temporary licences (7.10a) applies for one as soon as the
  /// state allows (at acceptance, or `applyBeforeGraduationDays` before graduating if later);
  /// it is granted after the state's processing time. Returns the day it lapses, which bounds
  /// the contingency: past it the graduate may not scan in that state without the credential.
  func seekTemporaryLicence(
    _ student: Int, for requisition: Int, at site: Int, _ streams: inout RandomStreamBank,
    _ simulation: inout Simulation<CohortEvent>
  ) -> Double? {
    let state = world.sites[site].state
    guard world.sites[site].requiresLicence, let temporary = scenario.licensure.temporaryLicences[state]
    else {
      return nil
    }
    let now = simulation.now
    let applyDay = max(now, students[student].graduationDay - temporary.applyBeforeGraduationDays)
    let processing = scenario.licensure.processing(for: state)
    let days = withStudentStream(student, .temporaryLicence(requisition: requisition), &streams) {
      processing.sample(&$0)
    }
    trace(
      now, "temporary_licence_sought", student: student, site: site,
      "state=\(state) apply_day=\(fixed(applyDay))")
    simulation.schedule(
      .temporaryLicenceGranted(student: Int32(student), requisition: Int32(requisition)), at: applyDay + days)
    return applyDay + days + temporary.validDays
  }

  /// The temporary licence arrives; it counts only if the graduate still holds the job it was
  /// sought for and has no full licence yet. Returns whether the job starts on it (the
  /// dispatcher then schedules the first-year quit, which reads the requisition).
  mutating func grantTemporaryLicence(_ student: Int, for requisition: Int, now: Double) -> Bool {
    guard let job = students[student].lifecycle.job,
      job.requisition == Int32(requisition)
    else { return false }
    let site = Int(job.site)
    trace(now, "temporary_licence_granted", student: student, site: site)
    guard students[student].lifecycle.apply(.grantTemporaryLicence(day: now)) == .started else {
      return false
    }
    trace(now, "job_start", student: student, site: site, "on a temporary licence")
    return true
  }

  /// The licence arrives. Returns whether the job starts with it (the dispatcher then schedules
  /// the first-year quit).
  mutating func grantLicence(_ student: Int, now: Double) -> Bool {
    let job = students[student].lifecycle.job
    let action = students[student].lifecycle.apply(.grantLicence(day: now))
    guard action != .ignored, let site = job.map({ Int($0.site) }) else { return false }
    trace(now, "licence_granted", student: student, site: site)
    guard action == .started else { return false }
    trace(now, "job_start", student: student, site: site, "after licence")
    return true
  }
}

extension CohortDynamics {
  /// Routes a temporary licence to the roster; a job it starts may end within the first year.
  mutating func grantTemporaryLicence(
    _ student: Int, for requisition: Int, _ simulation: inout Simulation<CohortEvent>
  ) {
    if roster.grantTemporaryLicence(student, for: requisition, now: simulation.now) {
      scheduleFirstYearQuit(student, &simulation)
    }
  }

  /// Routes a licence to the roster; a job it starts may end within the first year.
  mutating func grantLicence(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    if roster.grantLicence(student, now: simulation.now) { scheduleFirstYearQuit(student, &simulation) }
  }
}
