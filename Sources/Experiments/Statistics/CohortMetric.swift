import CohortModel

/// A figure of one program cohort (a program's intake year) in one replication, computed from
/// its graduates' outcomes: the rows of `cohorts.csv`.
///
/// `CohortMetric.all` is the one list: a new per-cohort figure (say, hired at a rotation site)
/// is one more entry, with its name and how to compute it from the cohort's graduates.
public struct CohortMetric: Sendable {
  public var name: String
  /// The value for a cohort's graduates of the run (graduated from day 0 to the horizon), NaN
  /// when it has no data (e.g. no graduate with six months of follow-up yet).
  public var value: @Sendable (_ graduates: [StudentOutcome], _ horizon: Double) -> Double

  public init(_ name: String, value: @escaping @Sendable ([StudentOutcome], Double) -> Double) {
    self.name = name
    self.value = value
  }

  /// The per-cohort metrics, in the order `cohorts.csv` lists them. The placement shares use
  /// the same follow-up rule and denominators as the run-wide metrics of the same name.
  public static let all: [CohortMetric] = [
    CohortMetric("graduates") { graduates, _ in Double(graduates.count) },
    CohortMetric(Metric.placed6m.rawValue) { placedShare($0, within: 183, horizon: $1, day: \.startDay) },
    CohortMetric(Metric.placed12m.rawValue) { placedShare($0, within: 365, horizon: $1, day: \.startDay) },
    CohortMetric(Metric.credentialed12m.rawValue) {
      placedShare($0, within: 365, horizon: $1, day: \.credentialDay)
    },
  ]

  /// Share of graduates followed for `days` whose `day` came within `days` of graduating.
  static func placedShare(
    _ graduates: [StudentOutcome], within days: Double, horizon: Double, day: KeyPath<StudentOutcome, Double?>
  ) -> Double {
    var followed = 0
    var reached = 0
    for graduate in graduates {
      guard let graduation = graduate.graduationDay, graduation + days <= horizon else { continue }
      followed += 1
      if let when = graduate[keyPath: day], when <= graduation + days { reached += 1 }
    }
    return followed > 0 ? Double(reached) / Double(followed) : .nan
  }
}
