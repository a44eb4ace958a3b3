import SimKernel

/// State licences: in a licensing state a graduate applies once they hold both the credential
/// and the job, and may not start work until the licence is granted after its processing time.
extension CohortDynamics {
  mutating func applyForLicenceIfNeeded(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    let site = Int(students[student].jobSite)
    guard site >= 0, sites[site].requiresLicence, students[student].isCredentialed,
      students[student].licenceDay.isNaN, !students[student].licencePending
    else { return }
    students[student].licencePending = true
    let processing = scenario.licensure.processing(for: sites[site].state)
    // Keyed, not from the exam stream: when a student applies depends on placement, and exam
    // luck must not.
    let days = withStudentStream(student, Draws.licenceProcessing) { processing.sample(&$0) }
    trace(simulation.now, "licence_applied", student: student, site: site, "state=\(sites[site].state)")
    simulation.schedule(.licenceGranted(student: Int32(student)), after: days)
  }

  mutating func grantLicence(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    students[student].licencePending = false
    students[student].licenceDay = simulation.now
    let site = Int(students[student].jobSite)
    trace(simulation.now, "licence_granted", student: student, site: site)
    if students[student].waitingToStart {
      students[student].waitingToStart = false
      students[student].startDay = simulation.now
      trace(simulation.now, "job_start", student: student, site: site, "after licence")
      scheduleFirstYearQuit(student, &simulation)
    }
  }
}
