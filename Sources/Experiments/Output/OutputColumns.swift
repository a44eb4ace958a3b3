import CohortModel

/// The files a run writes, by their names in the output directory.
public enum OutputFile: String, CaseIterable, Sendable {
  case summary = "summary.csv"
  case replications = "replications.csv"
  case comparison = "comparison.csv"
  case students = "students.csv"
  case trace = "trace.csv"
  case sites = "sites.csv"
  case provenance = "run.json"
  /// `cohortsim sweep`'s design points, per-point summaries and sensitivity indices.
  case design = "design.csv"
  case points = "points.csv"
  case sensitivity = "sensitivity.csv"
}

/// The column contract of every CSV file, and how one record becomes one row. Headers and rows
/// are built side by side here so that they cannot drift apart.
public enum OutputColumns {
  public static var summary: [String] { OutputSchema.summary.names }

  /// `replication` is the 0-based index given to `SeedDerivation.replicationSeed`, and `seed`
  /// (with `seed_hex`, the same value in a form R cannot round) its result, so one replication
  /// can be rerun alone with `--replication-seed`.
  public static var replications: [String] { OutputSchema.replications.names }

  public static var comparison: [String] { OutputSchema.comparison.names }

  public static var students: [String] { OutputSchema.students.names }

  public static var trace: [String] { OutputSchema.trace.names }

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
    [CSVFormat.text(strategy), String(replication), String(seed), CSVFormat.seedHex(seed)]
      + metrics.values.map(CSVFormat.number)
  }

  static func comparisonRow(_ row: MetricComparison) -> [String] {
    [
      CSVFormat.text(row.strategy), CSVFormat.text(row.reference), row.metric.rawValue,
      CSVFormat.number(row.meanDifference), CSVFormat.number(row.interval.low),
      CSVFormat.number(row.interval.high), CSVFormat.number(row.pValue),
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
    ]
  }

  /// Student and site indices of -1 ("not applicable") are written as `NA`; a site by its name.
  static func traceRow(_ record: TraceRecord, siteNames: [String]) -> [String] {
    [
      CSVFormat.number(record.time), CSVFormat.text(record.event),
      CSVFormat.integer(record.student < 0 ? nil : record.student),
      record.site < 0 ? CSVFormat.missing : CSVFormat.text(siteNames[record.site]),
      CSVFormat.text(record.detail),
    ]
  }
}
