import CohortModel

/// A figure of one calendar year of one replication: the rows of `timeline.csv`.
///
/// Student figures come from the students' outcomes. Requisition figures (openings, chain
/// openings, outside hires, openings unfilled at the year's end) come from the per-requisition
/// outcomes the model reports through `ReplicationMonitor.requisitions`; until it does they are
/// NaN and `timeline.csv` has no rows for them. `TimelineMetric.all` is the one list.
public struct TimelineMetric: Sendable {
  /// One replication's records and the year [start, end) in days since the run began (end is
  /// the horizon in a last, partial year).
  public struct Year {
    public var students: [StudentOutcome]
    /// Nil when the model did not report requisitions.
    public var requisitions: [RequisitionOutcome]?
    public var start: Double
    public var end: Double

    func contains(_ day: Double?) -> Bool { day.map { $0 >= start && $0 < end } ?? false }
  }

  public var name: String
  public var value: @Sendable (Year) -> Double

  public init(_ name: String, value: @escaping @Sendable (Year) -> Double) {
    self.name = name
    self.value = value
  }

  /// A figure counted over the year's requisitions; NaN when they were not reported.
  static func requisitions(_ name: String, _ counts: @escaping @Sendable (RequisitionOutcome, Year) -> Bool)
    -> TimelineMetric
  {
    TimelineMetric(name) { year in
      year.requisitions.map { list in Double(list.count { counts($0, year) }) } ?? .nan
    }
  }

  /// A calendar year of the model, in days.
  public static let yearDays = 365.25

  public static let all: [TimelineMetric] = [
    TimelineMetric("graduates") { year in Double(year.students.count { year.contains($0.graduationDay) }) },
    TimelineMetric("graduate_hires") { year in
      // Accepted offers (held at the horizon) made to students or graduates in the year.
      Double(
        year.students.count { student in
          guard let graduation = student.graduationDay, let wait = student.daysFromGraduationToOffer else {
            return false
          }
          return year.contains(graduation + wait)
        })
    },
    TimelineMetric("graduates_searching_at_year_end") { year in
      // Graduated by the year's end with no accepted offer by then (offers later rescinded
      // are not recorded, so they count as never made).
      Double(
        year.students.count { student in
          guard let graduation = student.graduationDay, graduation >= 0, graduation < year.end else {
            return false
          }
          guard let wait = student.daysFromGraduationToOffer else { return true }
          return graduation + wait >= year.end
        })
    },
    // Every requisition approved in the year that no vacancy chain opened, reposts of cancelled
    // requisitions included (unlike `openings_per_year`, which counts a cancelled vacancy once).
    requisitions("openings") { requisition, year in
      !requisition.isChain && year.contains(requisition.approvedDay)
    },
    requisitions("chain_openings") { requisition, year in
      requisition.isChain && year.contains(requisition.approvedDay)
    },
    requisitions("outside_hires") { requisition, year in
      requisition.filledBy == .outsideHire && year.contains(requisition.filledDay)
    },
    // Open at the year's end: approved before it, and neither filled nor cancelled by then.
    requisitions("unfilled_openings_at_year_end") { requisition, year in
      requisition.approvedDay < year.end && (requisition.filledDay.map { $0 >= year.end } ?? true)
        && (requisition.cancelledDay.map { $0 >= year.end } ?? true)
    },
  ]
}
