/// The files of a posterior run (`run` or `compare` with `--posterior`) that differ from a fixed
/// run's: `replications.csv` names each replication's particle, and `summary.csv` splits each
/// metric's variance into parameters and chance.
extension OutputSchema {
  /// `replications.csv`'s column after `seed_hex` in a posterior run.
  public static let particleColumn = ColumnSchema(
    "particle", .integer,
    "the particle of the calibration's last generation this replication ran under: its 'particle' number in "
      + "posterior.csv (drawn by weight from a stream keyed by the replication group, so the same for every "
      + "strategy of the replication)")

  /// `summary.csv`'s last two columns in a posterior run.
  public static var varianceShareColumns: [ColumnSchema] {
    let kOne =
      "NaN when --runs-per-particle is 1 (each particle ran once, so chance and parameters cannot be told "
      + "apart) or fewer than two particle groups had a value"
    return [
      ColumnSchema(
        "parameter_variance_share", .numeric, unit: "share", missing: true,
        "share of the metric's variance due to not knowing the parameters: σ²_parameters / (σ²_parameters + "
          + "σ²_chance), one-way random-effects ANOVA over particle groups (docs/MODEL.md, 'Posterior runs'); "
          + kOne),
      ColumnSchema(
        "chance_variance_share", .numeric, unit: "share", missing: true,
        "share of the metric's variance due to chance at fixed parameters: 1 − parameter_variance_share; "
          + kOne),
    ]
  }

  public static var posteriorRunSummary: FileSchema {
    FileSchema(
      file: .summary, folder: .posteriorRun,
      meaning: summary.meaning
        + ", each replication under a particle of the posterior, and the variance split",
      columns: summary.columns + varianceShareColumns)
  }

  public static var posteriorRunReplications: FileSchema {
    var columns = replications.columns
    columns.insert(particleColumn, at: 4)
    return FileSchema(
      file: .replications, folder: .posteriorRun, meaning: replications.meaning + ", and the particle",
      columns: columns)
  }
}
