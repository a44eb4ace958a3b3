import CohortModel

/// The files a run writes, by their names in the output directory.
public enum OutputFile: String, CaseIterable, Sendable {
  case summary = "summary.csv"
  case replications = "replications.csv"
  case comparison = "comparison.csv"
  case students = "students.csv"
  case trace = "trace.csv"
  case sites = "sites.csv"
  case selection = "selection.csv"
  case timeToOffer = "time_to_offer.csv"
  case cohorts = "cohorts.csv"
  case timeline = "timeline.csv"
  /// A shard's per-replication outcomes, from which `merge` rebuilds the three files above.
  case shardOutcomes = "outcomes.csv"
  /// With `--current-students`: per listed student, their chances over replications.
  case currentStudents = "current_students.csv"
  case provenance = "run.json"
  /// `cohortsim sweep`'s design points, per-point summaries and sensitivity indices.
  case design = "design.csv"
  case points = "points.csv"
  case sensitivity = "sensitivity.csv"
  /// `cohortsim calibrate`'s particles, posterior summary, generations and posterior predictive.
  case posterior = "posterior.csv"
  case posteriorSummary = "posterior_summary.csv"
  case generations = "generations.csv"
  case posteriorPredictive = "posterior_predictive.csv"
}

/// The column contract of every CSV file, and how one record becomes one row. Headers and rows
/// are built side by side here so that they cannot drift apart.
public enum OutputColumns {
  public static var summary: [String] { OutputSchema.summary.names }

  /// A posterior run's `summary.csv` adds the variance shares.
  public static func summary(posteriorRun: Bool) -> [String] {
    posteriorRun ? OutputSchema.posteriorRunSummary.names : summary
  }

  /// A posterior run's `replications.csv` adds `particle` after `seed_hex`.
  public static func replications(posteriorRun: Bool) -> [String] {
    posteriorRun ? OutputSchema.posteriorRunReplications.names : replications
  }

  /// `replication` is the 0-based index given to `SeedDerivation.replicationSeed`, and `seed`
  /// (with `seed_hex`, the same value in a form R cannot round) its result, so one replication
  /// can be rerun alone with `--replication-seed`.
  public static var replications: [String] { OutputSchema.replications.names }

  public static var comparison: [String] { OutputSchema.comparison.names }

  public static var students: [String] { OutputSchema.students.names }

  public static var trace: [String] { OutputSchema.trace.names }

  /// `eliminated_after` is the replication count after which KN eliminated the strategy (NA
  /// unless eliminated); `mean` and `replications` are over the replications KN used for it.
  public static var selection: [String] { OutputSchema.selection.names }

  /// The cumulative incidence of an accepted offer by each day since graduation (0–730): mean
  /// over replications of each replication's Aalen–Johansen estimate, t-based 95% interval over
  /// replications clipped to [0, 1].
  public static var timeToOffer: [String] { OutputSchema.timeToOffer.names }

  /// Per program cohort (program, intake year) and `CohortMetric`: distribution over replications.
  public static var cohorts: [String] { OutputSchema.cohorts.names }

  /// Per calendar year and `TimelineMetric`: distribution over replications.
  public static var timeline: [String] { OutputSchema.timeline.names }

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
      + (row.varianceSplit.map { [CSVFormat.number($0.parameterShare), CSVFormat.number($0.chanceShare)] }
        ?? [])
  }

  static func replicationRow(
    strategy: String, replication: Int, seed: UInt64, particle: Int? = nil, metrics: ReplicationMetrics
  ) -> [String] {
    [CSVFormat.text(strategy), String(replication), String(seed), CSVFormat.seedHex(seed)]
      + (particle.map { [String($0)] } ?? []) + metrics.values.map(CSVFormat.number)
  }

  static func comparisonRow(_ row: MetricComparison) -> [String] {
    [
      CSVFormat.text(row.strategy), CSVFormat.text(row.reference), row.metric.rawValue,
      CSVFormat.number(row.meanDifference), CSVFormat.number(row.interval.low),
      CSVFormat.number(row.interval.high), CSVFormat.number(row.pValue), CSVFormat.number(row.holmPValue),
    ]
  }

  /// Sites are written by name (`World.siteNames`), so listed sites keep the names the scenario
  /// gave them; `rotation_sites` joins names with `;` (which listed names may not hold).
  static func studentRow(strategy: String, replication: Int, _ outcome: StudentOutcome, siteNames: [String])
    -> [String]
  {
    [
      CSVFormat.text(strategy), String(replication), String(outcome.student), CSVFormat.text(outcome.program),
      String(outcome.intakeYear), CSVFormat.number(outcome.graduationDay),
      CSVFormat.number(outcome.daysFromGraduationToOffer), outcome.offerSource?.rawValue ?? CSVFormat.missing,
      outcome.offerSite.map { CSVFormat.text(siteNames[$0]) } ?? CSVFormat.missing,
      CSVFormat.boolean(outcome.contingent),
      CSVFormat.boolean(outcome.rescinded), CSVFormat.boolean(outcome.relocated),
      CSVFormat.number(outcome.relocationDistanceKm), CSVFormat.number(outcome.credentialDay),
      CSVFormat.number(outcome.licenceDay), CSVFormat.number(outcome.startDay),
      CSVFormat.text(outcome.rotationSites.map { siteNames[$0] }.joined(separator: ";")),
      CSVFormat.boolean(outcome.unwillingToRelocate), CSVFormat.boolean(outcome.leftSearch),
      outcome.studentId.map(CSVFormat.text) ?? CSVFormat.missing,
    ]
  }

  /// Student and site indices of -1 ("not applicable") are written as `NA`; a site by its name.
  static func traceRow(_ record: TraceRecord, siteNames: [String]) -> [String] {
    [
      CSVFormat.number(record.time), CSVFormat.text(record.event),
      CSVFormat.integer(record.student),
      record.site.map { CSVFormat.text(siteNames[$0]) } ?? CSVFormat.missing,
      CSVFormat.text(record.detail), record.studentId.map(CSVFormat.text) ?? CSVFormat.missing,
    ]
  }
}
