import CohortModel

/// What one replication under one strategy contributes to `time_to_offer.csv`, `cohorts.csv`
/// and `timeline.csv`, reduced on the worker thread from its students' outcomes so the consumer
/// keeps a fixed-size summary instead of every student.
public struct ReplicationOutcomes: Sendable, Equatable {
  /// A cohort's figures, in `CohortMetric.all` order.
  public struct Cohort: Sendable, Equatable {
    public var program: String
    public var intakeYear: Int
    public var values: [Double]
  }

  /// Days since graduation on which the time-to-offer curve is evaluated: 0 to 730.
  public static let curveDays = 0...730

  /// The cumulative incidence of starting the job of an accepted offer on each day of
  /// `curveDays`; empty when the replication had no graduate. It counts the event `placed_6m`
  /// counts (a job held at the horizon that started within the window, `startDay`) over the same
  /// graduates (graduated from day 0 to the horizon, not withdrawn), so at 183 days it estimates
  /// `placed_6m`: only the denominator's treatment of graduates followed less than 183 days
  /// differs (censored here, left out there).
  public var offerCurve: [Double]
  /// Cohorts with at least one graduate, by program name then intake year.
  public var cohorts: [Cohort]
  /// Per calendar year from the start year, in `TimelineMetric.all` order.
  public var timeline: [[Double]]

  /// The outcomes as given: a merge rebuilds them from a shard's `outcomes.csv`.
  init(offerCurve: [Double], cohorts: [Cohort], timeline: [[Double]]) {
    self.offerCurve = offerCurve
    self.cohorts = cohorts
    self.timeline = timeline
  }

  /// Reduces `students` (every student of the replication) and, when the model reported them,
  /// its `requisitions`, with the run's `horizon` in days.
  public init(students: [StudentOutcome], requisitions: [RequisitionOutcome]? = nil, horizon: Double) {
    let graduates = students.filter { ($0.graduationDay ?? -1) >= 0 }
    let waits = graduates.compactMap { graduate in
      CumulativeIncidence.offerWait(
        graduationDay: graduate.graduationDay,
        daysToOffer: graduate.startDay.flatMap { start in graduate.graduationDay.map { start - $0 } },
        horizon: horizon)
    }
    if waits.isEmpty {
      offerCurve = []
    } else {
      let incidence = CumulativeIncidence(waits)
      offerCurve = Self.curveDays.map { incidence.value(at: Double($0)) }
    }
    var byCohort: [String: [Int: [StudentOutcome]]] = [:]
    for graduate in graduates {
      byCohort[graduate.program, default: [:]][graduate.intakeYear, default: []].append(graduate)
    }
    cohorts = byCohort.keys.sorted().flatMap { program in
      byCohort[program]!.keys.sorted().map { year in
        let members = byCohort[program]![year]!
        return Cohort(
          program: program, intakeYear: year, values: CohortMetric.all.map { $0.value(members, horizon) })
      }
    }
    let years = Int((horizon / TimelineMetric.yearDays).rounded(.up))
    timeline = (0..<years).map { index in
      let year = TimelineMetric.Year(
        students: students, requisitions: requisitions, start: Double(index) * TimelineMetric.yearDays,
        end: min(horizon, Double(index + 1) * TimelineMetric.yearDays))
      return TimelineMetric.all.map { $0.value(year) }
    }
  }
}
