import SimKernel

/// State licences: in a licensing state a graduate applies once they hold both the credential
/// and the job, and may not start work until the licence is granted after its processing time.
extension CohortDynamics {
  /// Called when the lifecycle says so: a credentialed hire at a site that needs a licence.
  mutating func applyForLicence(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    let site = Int(students[student].lifecycle.job!.site)
    _ = students[student].lifecycle.apply(.applyForLicence(day: simulation.now))
    let processing = scenario.licensure.processing(for: sites[site].state)
    // Keyed, not from the exam stream: when a student applies depends on placement, and exam
    // luck must not.
    let days = withStudentStream(student, Draws.licenceProcessing) { processing.sample(&$0) }
    trace(simulation.now, "licence_applied", student: student, site: site, "state=\(sites[site].state)")
    simulation.schedule(.licenceGranted(student: Int32(student)), after: days)
  }

  mutating func grantLicence(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard !students[student].isWithdrawn else { return }
    let site = Int(students[student].lifecycle.job!.site)
    trace(simulation.now, "licence_granted", student: student, site: site)
    if students[student].lifecycle.apply(.grantLicence(day: simulation.now)) == .started {
      trace(simulation.now, "job_start", student: student, site: site, "after licence")
      scheduleFirstYearQuit(student, &simulation)
    }
  }
}
