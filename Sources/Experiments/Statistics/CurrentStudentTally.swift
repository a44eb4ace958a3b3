import CohortModel

/// Per strategy and listed student, counts over replications of what `current_students.csv`
/// reports: accepted offers within 6 and 12 months, the site of the job, relocation.
/// - Complexity: O(students) per replication and strategy.
struct CurrentStudentTally: Sendable {
  struct Counts: Sendable {
    var id: String
    var within6Months = 0
    var within12Months = 0
    var relocated = 0
    /// Replications whose job was at each site, by site index.
    var sites: [Int: Int] = [:]
  }

  let strategies: [String]
  private(set) var replications = 0
  /// `counts[strategy][student]`, students in file order.
  private(set) var counts: [[Counts]]

  init(strategies: [String], students: [String]) {
    self.strategies = strategies
    counts = strategies.map { _ in students.map { Counts(id: $0) } }
  }

  /// One replication's outcomes, per strategy in run order.
  mutating func add(_ runs: [[CurrentStudentOutcome]]) {
    replications += 1
    for (strategy, outcomes) in runs.enumerated() {
      for (student, outcome) in outcomes.enumerated() {
        if outcome.acceptedWithin6Months { counts[strategy][student].within6Months += 1 }
        if outcome.acceptedWithin12Months { counts[strategy][student].within12Months += 1 }
        if outcome.relocated { counts[strategy][student].relocated += 1 }
        if let site = outcome.site { counts[strategy][student].sites[site, default: 0] += 1 }
      }
    }
  }

  /// One row per strategy and student: the shares, and the site that hired the student in the
  /// most replications (ties: the lower site index), nil when none did.
  func rows() -> [(
    strategy: String, id: String, p6: Double, p12: Double, site: Int?, pSite: Double, pRelocate: Double
  )] {
    let n = Double(max(replications, 1))
    return zip(strategies, counts).flatMap { strategy, students in
      students.map { counts in
        let likeliest = counts.sites.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
        return (
          strategy, counts.id, Double(counts.within6Months) / n, Double(counts.within12Months) / n,
          likeliest?.key, Double(likeliest?.value ?? 0) / n, Double(counts.relocated) / n
        )
      }
    }
  }
}
