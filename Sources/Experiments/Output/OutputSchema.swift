import CohortModel

/// What a column holds, named by the class R's `read.csv` gives it with its defaults. Each type
/// has one written form (see `CSVFormat`), chosen so that R and `pandas.read_csv`, both with
/// their defaults, load the column as this type.
public enum ColumnType: String, Sendable, CaseIterable {
  /// `TRUE`/`FALSE`: R logical, pandas bool.
  case logical
  /// Digits without a decimal point: R integer, pandas int64 (float64 when the column holds an
  /// `NA`, since pandas' default integers cannot be missing).
  case integer
  /// Always with a decimal point or exponent; missing is `NaN`: R numeric, pandas float64.
  case numeric
  /// Text; missing is `NA`: R character, pandas object.
  case character
  /// An unsigned 64-bit integer in decimal: pandas int64/uint64, exact; R has no 64-bit integer,
  /// so it reads a rounded double (numeric). Always paired with a `seed_hex` column for R.
  case integer64

  /// The class R's `read.csv` gives the column.
  public var rClass: String {
    switch self {
    case .logical: "logical"
    case .integer: "integer"
    case .numeric, .integer64: "numeric"
    case .character: "character"
    }
  }
}

/// One column of an output file: its header name, type, unit ("" when it has none) and meaning.
public struct ColumnSchema: Sendable, Equatable {
  public let name: String
  public let type: ColumnType
  public let unit: String
  public let meaning: String
  /// Whether the column may hold a missing value.
  public let missing: Bool

  public init(_ name: String, _ type: ColumnType, unit: String = "", missing: Bool = false, _ meaning: String)
  {
    self.name = name
    self.type = type
    self.unit = unit
    self.missing = missing
    self.meaning = meaning
  }
}

/// The kind of folder a file sits in, which decides its schema where two commands write files of
/// the same name: a sweep's `replications.csv` has other columns than a run's.
public enum OutputFolder: String, Sendable, CaseIterable {
  /// What `cohortsim run` and `cohortsim compare` (and `merge` of their shards) write.
  case run
  /// What `cohortsim sweep` (and `merge` of its shards) writes: recognised by its `design.csv`,
  /// which only a sweep writes.
  case sweep
  /// What `cohortsim calibrate` writes: recognised by its `posterior.csv`.
  case calibrate
  /// What `run` and `compare` write with `--posterior`: recognised by the `posterior` record in
  /// its `run.json`; only `summary.csv` and `replications.csv` differ from a run's.
  case posteriorRun = "posterior-run"
}

/// Columns after a file's fixed ones whose names the run decides (one per factor path of the
/// design, one per metric of the evaluator), all of one type, unit and meaning.
public struct ColumnTail: Sendable, Equatable {
  /// What each column is named after, e.g. "factor path".
  public let each: String
  public let type: ColumnType
  public let unit: String
  public let missing: Bool
  public let meaning: String

  public init(each: String, _ type: ColumnType, unit: String = "", missing: Bool = false, _ meaning: String) {
    self.each = each
    self.type = type
    self.unit = unit
    self.missing = missing
    self.meaning = meaning
  }

  /// How the tail is named where a column name would stand: `<factor path>`.
  public var placeholder: String { "<\(each)>" }

  /// The tail as one column named by its placeholder, for listings (`help outputs`, README.md,
  /// `help outputs --csv`).
  public var placeholderColumn: ColumnSchema {
    ColumnSchema(placeholder, type, unit: unit, missing: missing, meaning)
  }

  /// The tail's columns as the columns of one file whose tail is named `names`.
  public func columns(named names: [String]) -> [ColumnSchema] {
    names.map { ColumnSchema($0, type, unit: unit, missing: missing, meaning) }
  }
}

/// The columns of one CSV output file, in file order: the fixed ones, then the tail, if any.
public struct FileSchema: Sendable {
  public let file: OutputFile
  public let folder: OutputFolder
  public let meaning: String
  public let columns: [ColumnSchema]
  public let tail: ColumnTail?

  public init(
    file: OutputFile, folder: OutputFolder = .run, meaning: String, columns: [ColumnSchema],
    tail: ColumnTail? = nil
  ) {
    self.file = file
    self.folder = folder
    self.meaning = meaning
    self.columns = columns
    self.tail = tail
  }

  /// The fixed columns' names: the whole header row when there is no tail, its start otherwise.
  public var names: [String] { columns.map(\.name) }

  /// The header row of a file whose tail columns are named `tailNames`.
  public func header(tail tailNames: [String]) -> [String] { names + tailNames }

  /// The file's title in `help outputs` and README.md: its name, and the folder kind when that is
  /// not a run's.
  public var title: String { file.rawValue + (folder == .run ? "" : " (\(folder.rawValue))") }
}

/// Every CSV file cohortsim writes, column by column: the one place that defines names, types,
/// units and meanings. Headers (`OutputColumns`), `cohortsim help outputs`, the README's table
/// and CI's R/pandas type check (`.ci/r-check`) all come from here. A new file adds one entry
/// to `all`; a column changing type changes one line.
public enum OutputSchema {
  /// In the order `help outputs` lists them: a run's files, then a sweep's, then a calibration's.
  public static var all: [FileSchema] {
    [
      summary, replications, comparison, students, trace, sites, selection, timeToOffer, cohorts, timeline,
      shardOutcomes, currentStudents, design, points, sweepReplications, sensitivity,
      posterior, posteriorSummary, generations, posteriorPredictive, posteriorRunSummary,
      posteriorRunReplications,
    ]
  }

  /// The schema of `file` in a folder of kind `folder`, or nil for a file that is not CSV
  /// (`run.json`) or that such a folder does not hold.
  public static func of(_ file: OutputFile, in folder: OutputFolder = .run) -> FileSchema? {
    all.first { $0.file == file && $0.folder == folder }
  }

  static let strategy = ColumnSchema(
    "strategy", .character, "placement strategy (see 'cohortsim help strategies')")

  public static var summary: FileSchema {
    FileSchema(
      file: .summary, meaning: "one row per strategy and metric: the metric over the run's replications",
      columns: [
        strategy,
        ColumnSchema("metric", .character, "metric name (see 'cohortsim help metrics')"),
      ] + momentColumns() + [
        ColumnSchema("p10", .numeric, unit: "metric's unit", missing: true, "10th percentile (P² estimate)"),
        ColumnSchema("p50", .numeric, unit: "metric's unit", missing: true, "median (P² estimate)"),
        ColumnSchema("p90", .numeric, unit: "metric's unit", missing: true, "90th percentile (P² estimate)"),
      ])
  }

  public static var replications: FileSchema {
    FileSchema(
      file: .replications, meaning: "one row per strategy and replication, one column per metric",
      columns: [
        strategy,
        ColumnSchema(
          "replication", .integer,
          "0-based replication index; its seed derives from the master seed and this index"),
        ColumnSchema(
          "seed", .integer64,
          "the replication's seed in decimal (exact in pandas; R rounds it, so use seed_hex there)"),
        ColumnSchema(
          "seed_hex", .character,
          "the same seed as x and 16 hex digits, text in R and pandas; 'cohortsim run --replication-seed' "
            + "accepts it to rerun this replication alone"),
      ]
        + Metric.allCases.map {
          ColumnSchema($0.rawValue, .numeric, unit: unit(of: $0), missing: true, $0.definition)
        })
  }

  public static var comparison: FileSchema {
    FileSchema(
      file: .comparison,
      meaning: "one row per strategy and metric: paired difference from the reference strategy",
      columns: [
        strategy,
        ColumnSchema("reference", .character, "the strategy subtracted"),
        ColumnSchema("metric", .character, "metric name (see 'cohortsim help metrics')"),
        ColumnSchema(
          "mean_diff", .numeric, unit: "metric's unit", missing: true,
          "mean of strategy minus reference, paired by replication"),
        ColumnSchema(
          "ci95_low", .numeric, unit: "metric's unit", missing: true,
          "t-based 95% interval of mean_diff, low end"),
        ColumnSchema(
          "ci95_high", .numeric, unit: "metric's unit", missing: true,
          "t-based 95% interval of mean_diff, high end"),
        ColumnSchema(
          "p_value", .numeric, unit: "probability", missing: true, "two-sided paired t-test of mean_diff = 0"),
        ColumnSchema(
          "p_holm", .numeric, unit: "probability", missing: true,
          "p_value Holm-adjusted across every (strategy, metric) row of the file; never below p_value"),
      ])
  }

  public static var students: FileSchema {
    FileSchema(
      file: .students, meaning: "with --students: one row per strategy, replication and student",
      columns: [
        strategy,
        ColumnSchema("replication", .integer, "0-based replication index"),
        ColumnSchema("student", .integer, "student index within the replication"),
        ColumnSchema("program", .character, "the student's program"),
        ColumnSchema("intake_year", .integer, unit: "calendar year", "year the student's cohort started"),
        ColumnSchema(
          "graduation_day", .numeric, unit: "days since run start", missing: true, "day the student graduated"
        ),
        ColumnSchema(
          "days_from_graduation_to_offer", .numeric, unit: "days", missing: true,
          "accepted offer's day minus graduation day (negative: before graduating)"),
        ColumnSchema(
          "offer_source", .character, missing: true,
          "where the accepted offer came from: "
            + OfferSource.allCases.map(\.rawValue).joined(separator: ", ")),
        ColumnSchema(
          "offer_site", .character, missing: true,
          "name of the site of the accepted offer (its row in sites.csv)"),
        ColumnSchema("contingent", .logical, "the accepted offer was contingent on the registry exam"),
        ColumnSchema("rescinded", .logical, "a contingent offer was rescinded"),
        ColumnSchema("relocated", .logical, "the job is beyond commuting distance from home"),
        ColumnSchema(
          "relocation_distance_km", .numeric, unit: "km", missing: true, "distance moved, when relocated"),
        ColumnSchema(
          "credential_day", .numeric, unit: "days since run start", missing: true,
          "day the registry credential was earned"),
        ColumnSchema(
          "licence_day", .numeric, unit: "days since run start", missing: true,
          "day the state licence was granted"),
        ColumnSchema(
          "start_day", .numeric, unit: "days since run start", missing: true, "day the job started"),
        ColumnSchema(
          "rotation_sites", .character, missing: true,
          "names of the sites of the student's rotations, in order, separated by ';'; empty when none was placed "
            + "(pandas reads an empty field as missing)"),
        ColumnSchema(
          "unwilling_to_relocate", .logical,
          "will not move at all for a job (relocation willingness 0 km): left out of placed_*_seeking when not placed"
        ),
        ColumnSchema(
          "left_search", .logical,
          "stopped looking for work (nobody does yet): left out of placed_*_seeking when not placed"),
        listedStudentId,
      ])
  }

  /// A listed student's id, as in `current_students.csv`, so rows join back to the director's file.
  static let listedStudentId = ColumnSchema(
    "student_id", .character, missing: true,
    "the id the --current-students file gives a listed student; NA for a generated student (or no student)")

  public static var trace: FileSchema {
    FileSchema(
      file: .trace, meaning: "with --trace: every event of the first replication of the first strategy",
      columns: [
        ColumnSchema("time", .numeric, unit: "days since run start", "when the event happened"),
        ColumnSchema("event", .character, "event name"),
        ColumnSchema(
          "student", .integer, missing: true, "student index, NA when the event concerns no student"),
        ColumnSchema("site", .character, missing: true, "site name, NA when the event concerns no site"),
        ColumnSchema(
          "detail", .character, missing: true,
          "key=value details of the event; empty when it has none (pandas reads an empty field as missing)"),
        listedStudentId,
      ])
  }

  public static var sites: FileSchema {
    FileSchema(
      file: .sites,
      meaning:
        "with --students: one row per replication, strategy and site (generated sites are placed anew in each "
        + "replication; the site's own columns repeat for each strategy)",
      columns: [
        ColumnSchema("replication", .integer, "0-based replication index"),
        ColumnSchema("site", .integer, "0-based site index within the replication's world"),
        ColumnSchema("name", .character, "the listed site's name, or kind-number for a generated one"),
        ColumnSchema("kind", .character, "hospital, imaging_center or clinic"),
        ColumnSchema("state", .character, "two-letter state code"),
        ColumnSchema("system", .integer, missing: true, "hospital system index, NA when independent"),
        ColumnSchema("origin", .character, "listed (named in the scenario) or generated"),
        ColumnSchema("positions", .integer, unit: "positions", "budgeted positions at the start of the run"),
        ColumnSchema(
          "capacity", .integer, unit: "students", "students the site can take on rotation at once"),
        ColumnSchema("x_km", .numeric, unit: "km", "east of the region's west edge"),
        ColumnSchema("y_km", .numeric, unit: "km", "north of the region's south edge"),
        strategy,
        ColumnSchema(
          "rotation_student_hires", .integer, unit: "students",
          "students whose job held at the horizon is at this site, where they had started a rotation"),
        ColumnSchema(
          "openings", .integer, unit: "requisitions",
          "requisitions approved at the site in [0, T] (growth, replacement, vacancy chain; a repost counts anew)"
        ),
        ColumnSchema(
          "time_to_fill_days_mean", .numeric, unit: "days", missing: true,
          "mean of filled day − approved day over those openings filled by T; NaN when none was"),
        ColumnSchema(
          "system_name", .character, missing: true,
          "the system's name as the sites spreadsheet gives it, else system-<system>; NA when independent"),
        ColumnSchema(
          "latitude", .numeric, unit: "degrees", missing: true,
          "as listed, or where a generated site was placed, in a latitude/longitude scenario; NaN on an xKm/yKm plane"
        ),
        ColumnSchema(
          "longitude", .numeric, unit: "degrees", missing: true,
          "as listed, or where a generated site was placed, in a latitude/longitude scenario; NaN on an xKm/yKm plane"
        ),
      ])
  }

  public static var currentStudents: FileSchema {
    FileSchema(
      file: .currentStudents,
      meaning:
        "with --current-students: one row per strategy and listed student, in file order; shares over replications, windows counted from graduation or, for a student who graduated before the as-of date, from that date",
      columns: [
        ColumnSchema("student_id", .character, "the student as the current-students file names them"),
        ColumnSchema(
          "p_offer_6m", .numeric, unit: "probability",
          "share of replications with an accepted offer within 183 days (1 for a student already hired)"),
        ColumnSchema(
          "p_offer_12m", .numeric, unit: "probability", "the same within 365 days; at least p_offer_6m"),
        ColumnSchema(
          "likeliest_site", .character, missing: true,
          "the site of the job held at the horizon in the most replications; NA when no replication has one"),
        ColumnSchema(
          "p_likeliest_site", .numeric, unit: "probability", "share of replications with that job"),
        ColumnSchema(
          "p_relocate", .numeric, unit: "probability",
          "share of replications whose job held at the horizon meant relocating (beyond commuting distance)"),
        // Last, so the six columns keep their places; compare needs it to tell rows apart.
        strategy,
      ])
  }

  public static var selection: FileSchema {
    FileSchema(
      file: .selection, meaning: "with compare --select-best: the KN procedure's verdict per strategy",
      columns: [
        strategy,
        ColumnSchema(
          "status", .character, "selected, eliminated or undecided (the replication cap was reached)"),
        ColumnSchema(
          "eliminated_after", .integer, unit: "replications", missing: true,
          "replications after which KN eliminated the strategy; NA unless eliminated"),
        ColumnSchema(
          "mean", .numeric, unit: "metric's unit", missing: true, "mean over the replications KN used for it"),
        ColumnSchema("replications", .integer, unit: "replications", "replications KN used for the strategy"),
      ])
  }

  public static var timeToOffer: FileSchema {
    FileSchema(
      file: .timeToOffer,
      meaning:
        "per strategy and day since graduation: cumulative incidence of starting the job of an accepted offer "
        + "(the event placed_6m counts, over the same graduates)",
      columns: [
        strategy,
        ColumnSchema("days_since_graduation", .integer, unit: "days", "0 to 730"),
        ColumnSchema(
          "offer_probability", .numeric, unit: "probability", missing: true,
          "mean over replications of each replication's Aalen–Johansen estimate of a started job "
            + "(startDay − graduationDay), censored at the horizon; at 183 days it estimates placed_6m"),
        ColumnSchema(
          "ci95_low", .numeric, unit: "probability", missing: true,
          "t-based 95% interval over replications, clipped to [0, 1], low end"),
        ColumnSchema(
          "ci95_high", .numeric, unit: "probability", missing: true,
          "t-based 95% interval over replications, clipped to [0, 1], high end"),
      ])
  }

  public static var shardOutcomes: FileSchema {
    FileSchema(
      file: .shardOutcomes,
      meaning:
        "written by a shard (--shard) only: each replication's own figures behind time_to_offer.csv, cohorts.csv "
        + "and timeline.csv, which cohortsim merge rebuilds from them",
      columns: [
        strategy,
        ColumnSchema("replication", .integer, "0-based replication index"),
        ColumnSchema("part", .character, "curve, cohort or timeline"),
        ColumnSchema("program", .character, "the cohort's program; empty for curve and timeline rows"),
        ColumnSchema(
          "key", .integer,
          "curve: days since graduation; cohort: intake year; timeline: calendar year"),
        ColumnSchema("metric", .character, "cohort or timeline metric; empty for curve rows"),
        ColumnSchema(
          "value", .numeric, missing: true, "the replication's value (shortest round-trip decimal)"),
      ])
  }

  static func groupColumns(_ leading: [ColumnSchema]) -> [ColumnSchema] {
    [strategy] + leading + [ColumnSchema("metric", .character, "cohort or timeline metric name")]
      + momentColumns(count: "replications with a value")
  }

  /// `n, mean, sd, ci95_low, ci95_high`: a metric over replications, as every summarising file
  /// gives it; `count` says what `n` counts.
  static func momentColumns(
    count: String = "replications with a value of the metric (missing ones left out)"
  ) -> [ColumnSchema] {
    [
      ColumnSchema("n", .integer, unit: "replications", count),
      ColumnSchema("mean", .numeric, unit: "metric's unit", missing: true, "mean over the n replications"),
      ColumnSchema("sd", .numeric, unit: "metric's unit", missing: true, "sample standard deviation (n − 1)"),
      ColumnSchema(
        "ci95_low", .numeric, unit: "metric's unit", missing: true,
        "t-based 95% interval of the mean, low end"),
      ColumnSchema(
        "ci95_high", .numeric, unit: "metric's unit", missing: true,
        "t-based 95% interval of the mean, high end"),
    ]
  }

  public static var cohorts: FileSchema {
    FileSchema(
      file: .cohorts, meaning: "per strategy, program cohort and metric: the metric over replications",
      columns: groupColumns([
        ColumnSchema("program", .character, "the cohort's program"),
        ColumnSchema("intake_year", .integer, unit: "calendar year", "year the cohort started"),
      ]))
  }

  public static var timeline: FileSchema {
    FileSchema(
      file: .timeline, meaning: "per strategy, calendar year and metric: the metric over replications",
      columns: groupColumns([ColumnSchema("year", .integer, unit: "calendar year", "the calendar year")]))
  }

  static let metricName = ColumnSchema("metric", .character, "metric name (see 'cohortsim help metrics')")

  public static var design: FileSchema {
    FileSchema(
      file: .design, folder: .sweep,
      meaning: "one row per design point: the values the design gives its factors (sobol rows in SALib's "
        + "order for calc_second_order=False, morris rows grouped by trajectory)",
      columns: [ColumnSchema("point", .integer, "0-based design point index")],
      tail: ColumnTail(
        each: "factor path", .numeric, unit: "the field's unit",
        "the point's value of the scenario field at this path (the design's factor), as validation messages "
          + "write paths"))
  }

  public static var points: FileSchema {
    FileSchema(
      file: .points, folder: .sweep,
      meaning: "one row per design point, strategy and metric: the metric over the point's replications",
      columns: [
        ColumnSchema("point", .integer, "0-based design point index (its row in design.csv)"),
        strategy,
        metricName,
      ] + momentColumns())
  }

  public static var sweepReplications: FileSchema {
    FileSchema(
      file: .replications, folder: .sweep,
      meaning: "one row per design point, strategy and replication, one column per metric",
      columns: [
        ColumnSchema("point", .integer, "0-based design point index (its row in design.csv)"),
        strategy,
        ColumnSchema(
          "replication", .integer,
          "0-based replication index; every point uses the same seed for it (common random numbers)"),
        ColumnSchema(
          "seed", .integer64,
          "the replication's seed in decimal (exact in pandas; R rounds it): the seed of replication r is "
            + "replication r's in 'cohortsim run' with the same --seed, whose replications.csv has it as "
            + "seed_hex too"),
      ],
      tail: ColumnTail(
        each: "metric", .numeric, unit: "metric's unit", missing: true,
        "the metric in this replication (see 'cohortsim help metrics'); NaN when it has no value"))
  }

  public static var sensitivity: FileSchema {
    FileSchema(
      file: .sensitivity, folder: .sweep,
      meaning:
        "sobol and morris only: one row per strategy, metric, factor and index, from the points' means",
      columns: [
        strategy,
        metricName,
        ColumnSchema("factor", .character, "the factor's path (its column in design.csv)"),
        ColumnSchema(
          "index", .character,
          "S1 (first order) or ST (total order) for sobol; mu, mu_star or sigma (elementary effects) for "
            + "morris, as SALib 1.6 defines them"),
        ColumnSchema(
          "estimate", .numeric, missing: true,
          "the index's estimate; NaN when there is none (e.g. sobol on a point mean that is NaN or does not "
            + "vary over the design)"),
        ColumnSchema(
          "ci95_low", .numeric, missing: true,
          "95% bootstrap interval over base samples (sobol) or trajectories (morris mu_star), low end; NaN for "
            + "mu and sigma"),
        ColumnSchema(
          "ci95_high", .numeric, missing: true,
          "95% bootstrap interval, high end; NaN for mu and sigma"),
      ])
  }

  /// A metric's unit, for the schema of `replications.csv`. Exhaustive on purpose: a `default`
  /// once gave `days_to_offer_km_median` the unit of a share.
  static func unit(of metric: Metric) -> String {
    switch metric {
    case .daysToOfferMedian, .daysToOfferKMMedian, .timeToFillDaysMean: "days"
    case .openingsPerYear, .chainOpeningsPerYear: "requisitions per year"
    case .positionsGrowth: "relative change"
    case .graduates: "students"
    case .placed6m, .placed12m, .credentialed12m, .offerOwnSite, .offerSameSystem, .offerRecommendation,
      .offerOpenMarket, .contingentRate, .rescindedRate, .relocatedRate, .unfilledOpeningsShare,
      .studentsUnplacedRotations, .hiredAtRotationSite, .hiredInRotationSystem, .placed6mSeeking,
      .placed12mSeeking, .offerAtGraduation, .retention, .spiFirstAttemptPass, .specialtyFirstAttemptPass,
      .newHireFirstYearQuit, .notSeeking6m:
      "share (0-1)"
    }
  }
}
