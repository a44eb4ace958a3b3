import SimKernel

/// New hires leave: a share of graduates leave the job they started within its first year
/// (new-graduate RNs: 17.5%, calibration row 35). They move to another job or out of the region,
/// which the model does not follow; the site they leave gets a job-to-job vacancy, counted with
/// the chain openings, never with the BLS openings.
extension CohortDynamics {
  /// Called when `student` starts the job of `jobRequisition`. Whether and when they leave comes
  /// from a stream keyed by (student, requisition identity): the same job draws the same answer
  /// in any run. The day is uniform over the first year.
  mutating func scheduleFirstYearQuit(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    let probability = scenario.hiring.firstYearQuitProbability
    guard probability > 0, let job = roster.students[student].lifecycle.job else { return }
    let requisition = Int(job.requisition)
    let draw = WorldDraw.firstYearQuit(student: student, job: openings.requisitions[requisition].identity)
    let (quits, fraction) = streams.withStream(draw) { ($0.chance(probability), $0.uniform()) }
    guard quits else { return }
    simulation.schedule(
      .newHireQuits(student: Int32(student), requisition: Int32(requisition)),
      after: fraction * Self.twelveMonthsDays)
  }

  /// The graduate leaves the job (if they still hold it): their placement stands (they did
  /// start), and the site requests a replacement as a job-to-job vacancy, the first move of a
  /// new chain.
  mutating func newHireQuits(_ student: Int, _ requisition: Int, _ simulation: inout Simulation<CohortEvent>)
  {
    guard roster.students[student].lifecycle.job?.requisition == Int32(requisition),
      roster.students[student].lifecycle.startDay != nil, roster.students[student].firstJobQuitDay == nil
    else { return }
    roster.students[student].firstJobQuitDay = simulation.now
    let site = Int(openings.requisitions[requisition].site)
    trace(simulation.now, "new_hire_quit", student: student, site: site, "requisition=\(requisition)")
    let identity = DerivedRequisition.newHireQuit.identity(from: openings.requisitions[requisition].identity)
    openings.approveJobToJob(
      at: site, DeferredVacancy(identity: identity, origin: .newHireQuit, chainLength: 1), &streams,
      &simulation)
  }
}
