import SimKernel

/// What a calibration's `run.json` records beyond the header: the targets file by SHA-256, the
/// sampler's settings and how it stopped, the priors and targets as read, and any further
/// scenarios of a joint calibration.
struct CalibrationDetails: Codable, Equatable {
  struct Parameter: Codable, Equatable {
    var path: String
    var prior: Distribution
  }

  struct Target: Codable, Equatable {
    var metric: String
    var strategy: String
    var low: Double
    var high: Double
    var source: String
    /// The scenario's `name` (several in a joint calibration).
    var scenario: String?
  }

  /// A further scenario of a joint calibration.
  struct JointScenario: Codable, Equatable {
    var scenarioFile: String
    var scenarioSha256: String
    var targetsFile: String
    var replications: Int

    enum CodingKeys: String, CodingKey {
      case scenarioFile = "scenario_file", scenarioSha256 = "scenario_sha256", targetsFile = "targets_file"
      case replications
    }
  }

  var targetsFile: String
  var targetsSha256: String
  var particles: Int
  var generations: Int
  /// Nil until the sampler has run (in the record compared with a folder's before it starts).
  var generationsRun: Int?
  /// `ABCStop`'s raw value; nil until the sampler has run.
  var stop: String?
  var predictiveDraws: Int
  var epsilonQuantile: Double
  var minimumAcceptanceRate: Double
  var distance: String
  var parameters: [Parameter]
  var targets: [Target]
  /// Empty unless the calibration is joint; nil (absent) in folders written before joint
  /// calibrations existed, as `Results/calibration-baseline`.
  var jointScenarios: [JointScenario]?

  enum CodingKeys: String, CodingKey {
    case targetsFile = "targets_file", targetsSha256 = "targets_sha256", particles, generations
    case generationsRun = "generations_run", stop, predictiveDraws = "predictive_draws"
    case epsilonQuantile = "epsilon_quantile", minimumAcceptanceRate = "minimum_acceptance_rate", distance
    case parameters, targets, jointScenarios = "joint_scenarios"
  }
}
