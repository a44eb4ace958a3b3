import CohortModel

/// The files a run writes, by their names in the output directory.
public enum OutputFile: String, CaseIterable, Sendable {
  case summary = "summary.csv"
  case replications = "replications.csv"
  case comparison = "comparison.csv"
  case students = "students.csv"
  case trace = "trace.csv"
  case selection = "selection.csv"
  case timeToOffer = "time_to_offer.csv"
  case cohorts = "cohorts.csv"
  case timeline = "timeline.csv"
  case provenance = "run.json"
}

/// The column contract of every CSV file, and how one record becomes one row. Headers and rows
/// are built side by side here so that they cannot drift apart.
public enum OutputColumns {
  public static let summary = [
    "strategy", "metric", "n", "mean", "sd", "ci95_low", "ci95_high", "p10", "p50", "p90",
  ]

  /// `replication` is the 0-based index given to `SeedDerivation.replicationSeed`, and `seed`
  /// its result, so one replication can be rerun alone.
  public static var replications: [String] {
    ["strategy", "replication", "seed"] + Metric.allCases.map(\.rawValue)
  }

  public static let comparison = [
    "strategy", "reference", "metric", "mean_diff", "ci95_low", "ci95_high", "p_value", "p_holm",
  ]

  public static let students = [
    "strategy", "replication", "student", "program", "intake_year", "graduation_day",
    "days_from_graduation_to_offer", "offer_source", "offer_site", "contingent", "rescinded", "relocated",
    "relocation_distance_km", "credential_day", "licence_day", "start_day", "rotation_sites",
  ]

  public static let trace = ["time", "event", "student", "site", "detail"]

  /// `eliminated_after` is the replication count after which KN eliminated the strategy (NA
  /// unless eliminated); `mean` and `replications` are over the replications KN used for it.
  public static let selection = ["strategy", "status", "eliminated_after", "mean", "replications"]

  /// The cumulative incidence of an accepted offer by each day since graduation (0–730): mean
  /// over replications of each replication's Aalen–Johansen estimate, t-based 95% interval over
  /// replications clipped to [0, 1].
  public static let timeToOffer = [
    "strategy", "days_since_graduation", "offer_probability", "ci95_low", "ci95_high",
  ]

  /// Per program cohort (program, intake year) and `CohortMetric`: distribution over replications.
  public static let cohorts = [
    "strategy", "program", "intake_year", "metric", "n", "mean", "sd", "ci95_low", "ci95_high",
  ]

  /// Per calendar year and `TimelineMetric`: distribution over replications.
  public static let timeline = ["strategy", "year", "metric", "n", "mean", "sd", "ci95_low", "ci95_high"]

  static func timeToOfferRow(_ point: OfferCurvePoint) -> [String] {
    [
      CSVFormat.text(point.strategy), String(point.day), CSVFormat.number(point.probability),
      CSVFormat.number(point.low), CSVFormat.number(point.high),
    ]
  }

  /// A cohort row (with its program) or a timeline row (without).
  static func groupRow(_ row: GroupSummary) -> [String] {
    let interval = row.moments.confidenceInterval()
    return [CSVFormat.text(row.strategy)] + (row.program.map { [CSVFormat.text($0)] } ?? []) + [
      String(row.year), CSVFormat.text(row.metric), String(row.moments.count),
      CSVFormat.number(row.moments.mean),
      CSVFormat.number(row.moments.standardDeviation), CSVFormat.number(interval.low),
      CSVFormat.number(interval.high),
    ]
  }

  static func selectionRow(_ row: SelectionResult.Row) -> [String] {
    [
      CSVFormat.text(row.strategy), row.status.rawValue, CSVFormat.integer(row.eliminatedAfter),
      CSVFormat.number(row.mean), String(row.replications),
    ]
  }

  static func summaryRow(_ row: MetricSummary) -> [String] {
    [
      CSVFormat.text(row.strategy), row.metric.rawValue, String(row.count), CSVFormat.number(row.mean),
      CSVFormat.number(row.standardDeviation), CSVFormat.number(row.interval.low),
      CSVFormat.number(row.interval.high), CSVFormat.number(row.p10), CSVFormat.number(row.p50),
      CSVFormat.number(row.p90),
    ]
  }

  static func replicationRow(strategy: String, replication: Int, seed: UInt64, metrics: ReplicationMetrics)
    -> [String]
  {
    [CSVFormat.text(strategy), String(replication), String(seed)] + metrics.values.map(CSVFormat.number)
  }

  static func comparisonRow(_ row: MetricComparison) -> [String] {
    [
      CSVFormat.text(row.strategy), CSVFormat.text(row.reference), row.metric.rawValue,
      CSVFormat.number(row.meanDifference), CSVFormat.number(row.interval.low),
      CSVFormat.number(row.interval.high), CSVFormat.number(row.pValue), CSVFormat.number(row.holmPValue),
    ]
  }

  static func studentRow(strategy: String, replication: Int, _ outcome: StudentOutcome) -> [String] {
    [
      CSVFormat.text(strategy), String(replication), String(outcome.student), CSVFormat.text(outcome.program),
      String(outcome.intakeYear), CSVFormat.number(outcome.graduationDay),
      CSVFormat.number(outcome.daysFromGraduationToOffer), outcome.offerSource?.rawValue ?? CSVFormat.missing,
      CSVFormat.integer(outcome.offerSite), CSVFormat.boolean(outcome.contingent),
      CSVFormat.boolean(outcome.rescinded), CSVFormat.boolean(outcome.relocated),
      CSVFormat.number(outcome.relocationDistanceKm), CSVFormat.number(outcome.credentialDay),
      CSVFormat.number(outcome.licenceDay), CSVFormat.number(outcome.startDay),
      outcome.rotationSites.map(String.init).joined(separator: ";"),
    ]
  }

  /// Student and site indices of -1 ("not applicable") are written as `NA`.
  static func traceRow(_ record: TraceRecord) -> [String] {
    [
      CSVFormat.number(record.time), CSVFormat.text(record.event),
      record.student < 0 ? CSVFormat.missing : String(record.student),
      record.site < 0 ? CSVFormat.missing : String(record.site), CSVFormat.text(record.detail),
    ]
  }
}
