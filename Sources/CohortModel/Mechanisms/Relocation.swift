import SimKernel

/// How far a student would go for a job: the daily commute, plus (unless they will not move at
/// all) their relocation willingness, plus a widening that grows with each month of searching.
extension CohortDynamics {
  /// Whether the student is one of those who will not move at all: one keyed draw per student,
  /// apart from the traits stream so the traits stay as they were.
  mutating func drawRelocationRefusal(_ index: Int) {
    let share = scenario.students.unwillingToRelocateShare
    guard share > 0 else { return }
    students[index].refusesToRelocate = withStudentStream(index, Draws.relocationRefusal) {
      $0.chance(share)
    }
  }

  /// The farthest site (from home) the student would take a job at on day `now`. A graduate who
  /// would move widens their reach by `relocationWideningKmPerMonth` for each month since
  /// graduating; before graduation and for those who will not move, it is fixed.
  func reachKm(_ index: Int, now: Double) -> Double {
    let commute = scenario.students.commuteKm
    guard !students[index].refusesToRelocate else { return commute }
    let months = max(0, now - students[index].graduationDay) / Self.daysPerMonth
    return commute + students[index].relocationWillingnessKm
      + scenario.students.relocationWideningKmPerMonth * months
  }

  /// The reach the searcher index files a graduate under: the widest it can become before the
  /// horizon (the index only narrows the search; `isCandidate` checks the reach of the day).
  func indexedReachKm(_ index: Int) -> Double {
    reachKm(index, now: max(scenario.horizonDays, students[index].graduationDay))
  }
}
