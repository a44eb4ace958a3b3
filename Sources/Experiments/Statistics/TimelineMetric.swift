import CohortModel

/// A figure of one calendar year of one replication: the rows of `timeline.csv`.
///
/// Built from the students' outcomes, so it covers what happens to students and graduates.
/// Figures about requisitions (openings, chain openings, outside hires, unfilled openings) need
/// per-requisition records the model does not report yet; each is one more entry here once it
/// does. `TimelineMetric.all` is the one list.
public struct TimelineMetric: Sendable {
  public var name: String
  /// The value over the year [start, end) in days since the run began (end is the horizon in a
  /// last, partial year).
  public var value: @Sendable (_ students: [StudentOutcome], _ start: Double, _ end: Double) -> Double

  public init(_ name: String, value: @escaping @Sendable ([StudentOutcome], Double, Double) -> Double) {
    self.name = name
    self.value = value
  }

  /// A calendar year of the model, in days.
  public static let yearDays = 365.25

  public static let all: [TimelineMetric] = [
    TimelineMetric("graduates") { students, start, end in
      Double(students.count { ($0.graduationDay.map { $0 >= start && $0 < end }) ?? false })
    },
    TimelineMetric("graduate_hires") { students, start, end in
      // Accepted offers (held at the horizon) made to students or graduates in the year.
      Double(
        students.count { student in
          guard let graduation = student.graduationDay, let wait = student.daysFromGraduationToOffer else {
            return false
          }
          return graduation + wait >= start && graduation + wait < end
        })
    },
    TimelineMetric("graduates_searching_at_year_end") { students, _, end in
      // Graduated by the year's end with no accepted offer by then (offers later rescinded
      // are not recorded, so they count as never made).
      Double(
        students.count { student in
          guard let graduation = student.graduationDay, graduation >= 0, graduation < end else {
            return false
          }
          guard let wait = student.daysFromGraduationToOffer else { return true }
          return graduation + wait >= end
        })
    },
  ]
}
