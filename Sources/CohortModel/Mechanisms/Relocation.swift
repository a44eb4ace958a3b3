import SimKernel

/// How far a student would go for a job: the daily commute, plus (unless they will not move at
/// all) their relocation willingness, plus a widening that grows with each month of searching.
extension Roster {
  /// Whether the student is one of those who will not move at all: one keyed draw per student,
  /// apart from the traits stream so the traits stay as they were.
  mutating func drawRelocationRefusal(_ index: Int, _ streams: inout RandomStreamBank) {
    let share = scenario.students.unwillingToRelocateShare
    guard share > 0 else { return }
    students[index].refusesToRelocate = withStudentStream(index, .relocationRefusal, &streams) {
      $0.chance(share)
    }
  }

  /// The farthest site (from home) the student would take a job at on day `now`. A graduate who
  /// would move widens their reach by `relocationWideningKmPerMonth` for each month since
  /// graduating; before graduation and for those who will not move, it is fixed.
  func reachKm(_ index: Int, now: Double) -> Double {
    let commute = scenario.students.commuteKm
    guard !students[index].refusesToRelocate else { return commute }
    let months = max(0, now - students[index].graduationDay) / CohortDynamics.daysPerMonth
    return commute + students[index].relocationWillingnessKm
      + scenario.students.relocationWideningKmPerMonth * months
  }

  /// The reach the searcher index files a graduate under on day `now`, and the day until which
  /// it covers their reach (infinity when it never widens, or would only widen past the
  /// horizon): the index only narrows the search, `isCandidate` checks the reach of the day.
  func filingReach(_ index: Int, now: Double) -> (reachKm: Double, validUntil: Double) {
    let widens =
      !students[index].refusesToRelocate && scenario.students.relocationWideningKmPerMonth > 0
    let until = max(now, students[index].graduationDay) + CohortDynamics.searcherFilingDays
    guard widens, until < scenario.horizonDays else {
      return (reachKm(index, now: max(scenario.horizonDays, students[index].graduationDay)), .infinity)
    }
    return (reachKm(index, now: until), until)
  }
}

extension CohortDynamics {
  /// How long a searcher-index filing lasts: the index files a graduate under their reach at the
  /// end of it, and files them again once it is over (`SearcherIndex`). Three months: long
  /// enough that refiling is rare, short enough that the reach grows little in between.
  static let searcherFilingDays = 3 * daysPerMonth
}
