import Foundation

/// What the `run.json` of `run` and `compare` (whole, a shard, or merged) records beyond the
/// header: the other input files by SHA-256, where the model's defaults come from, the reference,
/// and how a `--until`, `--select-best` or `--posterior` run was set up and ended.
struct RunDetails: Codable, Equatable {
  /// The sites spreadsheet the scenario reads (`sitesCsv`), as read, and its bytes' SHA-256:
  /// a changed spreadsheet is a different run. Absent when the scenario names none.
  var sitesCsvFile: String? = nil
  var sitesCsvSha256: String? = nil
  /// With `--current-students`: the file, its bytes' SHA-256 and the as-of date.
  var currentStudentsFile: String? = nil
  var currentStudentsSha256: String? = nil
  var asOf: String? = nil
  /// Where the model's defaults come from (`ModelDefaults.calibration`).
  var modelDefaults: String? = nil
  /// The changed defaults the scenario takes without naming their revision (`ModelDefaults`).
  var inheritedChangedDefaults: [String]? = nil
  /// `compare`'s reference strategy; absent for `run`.
  var reference: String?
  var until: Until? = nil
  /// Set by `compare --select-best`.
  var selectBest: SelectBest? = nil
  /// Set by `--posterior`: the calibration sampled and how.
  var posterior: PosteriorRecord? = nil

  /// The posterior a run sampled (`--posterior DIR`): the calibrate folder, the SHA-256 of its
  /// `run.json` (which lists every file's SHA-256, so it pins the folder), the generation drawn
  /// from, its particle count, the calibrated fields and the runs per particle.
  struct PosteriorRecord: Codable, Equatable {
    var folder: String
    var sha256: String
    var generation: Int
    var particles: Int
    var fields: [String]
    var runsPerParticle: Int

    init(_ sampling: PosteriorSampling) {
      folder = URL(fileURLWithPath: sampling.posterior.folder).standardizedFileURL.path
      sha256 = sampling.posterior.sha256
      generation = sampling.posterior.generation
      particles = sampling.posterior.particles.count
      fields = sampling.posterior.paths
      runsPerParticle = sampling.runsPerParticle
    }

    enum CodingKeys: String, CodingKey {
      case folder, sha256, generation, particles, fields, runsPerParticle = "runs_per_particle"
    }
  }

  /// How a `--until` run ended.
  struct Until: Codable, Equatable {
    var metric: String
    var halfWidth: Double
    var batchSize: Int
    var maxReplications: Int
    /// False when the run stopped at `maxReplications` with the interval still too wide.
    var reached: Bool
    /// `differences_from_reference` for `compare --until`; absent for `run --until` (each
    /// strategy's own interval).
    var intervals: String? = nil

    enum CodingKeys: String, CodingKey {
      case metric, halfWidth = "half_width", batchSize = "batch_size", maxReplications = "max_replications"
      case reached, intervals
    }
  }

  /// How a `--select-best` run was set up and ended.
  struct SelectBest: Codable, Equatable {
    var metric: String
    var minimise: Bool
    var indifference: Double
    var confidence: Double
    var firstStage: Int
    var maxReplications: Int
    /// Nil when no strategy was selected (the cap was reached, or the metric had no value).
    var selected: String?

    /// The rule, and the strategy it selected; nil before the run ends.
    init(_ rule: BestSelection, selected: String?) {
      metric = rule.metric.rawValue
      minimise = rule.minimise
      indifference = rule.configuration.indifference
      confidence = rule.configuration.confidence
      firstStage = rule.configuration.firstStage
      maxReplications = rule.maxReplications
      self.selected = selected
    }

    enum CodingKeys: String, CodingKey {
      case metric, minimise, indifference, confidence, firstStage = "first_stage"
      case maxReplications = "max_replications", selected
    }
  }

  enum CodingKeys: String, CodingKey {
    case sitesCsvFile = "sites_csv_file", sitesCsvSha256 = "sites_csv_sha256"
    case currentStudentsFile = "current_students_file", currentStudentsSha256 = "current_students_sha256"
    case asOf = "as_of", modelDefaults = "model_defaults", inheritedChangedDefaults =
      "inherited_changed_defaults"
    case reference, until, selectBest = "select_best", posterior
  }
}
