import SimKernel

/// Students in their final term apply to public postings before they graduate, from
/// `hiring.finalTermApplyDays` before graduation; before that only graduates apply.
extension Roster {
  /// Scheduled at admission: the day the student starts applying to postings, if before
  /// graduation.
  func scheduleFinalTerm(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    let lead = scenario.hiring.finalTermApplyDays
    guard lead > 0 else { return }
    simulation.schedule(
      .finalTermStarts(student: Int32(index)),
      at: max(simulation.now, students[index].graduationDay - lead))
  }
}

extension CohortDynamics {
  /// The student joins the searcher index while still in the program (a search of its own: at
  /// graduation `startSearching` files a new one and this entry goes stale).
  mutating func startFinalTerm(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard roster.students[index].lifecycle.applying(.startFinalTerm) != nil,
      case .startSearching(let search) = roster.students[index].lifecycle.apply(.startFinalTerm)
    else { return }
    startSearching(index, search: search, now: simulation.now)
    trace(simulation.now, "final_term_applying", student: index)
  }

  /// Whether a searcher-index entry still stands for someone applying to postings: a graduate
  /// or final-term student without a job, in the search the entry was filed for (only those two
  /// transitions file entries, and graduating starts a new search).
  static func isApplying(_ student: borrowing Student, search: Int32) -> Bool {
    student.lifecycle.record.searches == search && student.lifecycle.isAvailable
  }
}
