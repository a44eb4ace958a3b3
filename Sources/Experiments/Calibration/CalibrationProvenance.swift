import Foundation
import SimKernel

/// A calibration's `run.json`: the scenario and targets files with their SHA-256, the sampler's
/// settings, how it stopped, the priors and targets as read, and the usual command line, times
/// and platform; `"files"` is filled in at publish time.
struct CalibrationProvenance: Codable {
  struct Parameter: Codable {
    var path: String
    var prior: Distribution
  }

  struct Target: Codable {
    var metric: String
    var strategy: String
    var low: Double
    var high: Double
    var source: String
    /// The scenario's `name` (several in a joint calibration).
    var scenario: String?
  }

  /// A further scenario of a joint calibration.
  struct JointScenario: Codable {
    var scenarioFile: String
    var scenarioSha256: String
    var targetsFile: String
    var replications: Int

    enum CodingKeys: String, CodingKey {
      case scenarioFile = "scenario_file", scenarioSha256 = "scenario_sha256", targetsFile = "targets_file"
      case replications
    }
  }

  var cohortsimVersion: String
  var scenarioFile: String
  var scenarioSha256: String
  var targetsFile: String
  var targetsSha256: String
  var masterSeed: UInt64
  var particles: Int
  var generations: Int
  var generationsRun: Int?
  var stop: String?
  var replications: Int
  var predictiveDraws: Int
  var epsilonQuantile: Double
  var minimumAcceptanceRate: Double
  var distance: String
  var parameters: [Parameter]
  var targets: [Target]
  /// Empty unless the calibration is joint.
  var jointScenarios: [JointScenario] = []
  var strategies: [String]
  var jobs: Int
  var commandLine: [String]
  var startedAt: String
  var finishedAt: String
  var platform: String
  var files: [String: FileDigest]? = nil

  enum CodingKeys: String, CodingKey {
    case cohortsimVersion = "cohortsim_version", scenarioFile = "scenario_file"
    case scenarioSha256 = "scenario_sha256", targetsFile = "targets_file", targetsSha256 = "targets_sha256"
    case masterSeed = "master_seed", particles, generations, generationsRun = "generations_run", stop
    case replications, predictiveDraws = "predictive_draws", epsilonQuantile = "epsilon_quantile"
    case minimumAcceptanceRate = "minimum_acceptance_rate", distance, parameters, targets
    case jointScenarios = "joint_scenarios", strategies, jobs
    case commandLine = "command_line", startedAt = "started_at", finishedAt = "finished_at", platform, files
  }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
  }
}

extension CalibrationProvenance: FolderProvenance {
  /// A calibration is identified by its scenario, seed, replications, strategies, and — as a
  /// sweep by its design — the targets file's bytes with the sampler's settings.
  func settings(files: [String]) -> RunSettings {
    let joint = jointScenarios.map { " + \($0.scenarioSha256) × \($0.replications)" }.joined()
    let sampler =
      "calibrate targets \(targetsSha256)\(joint) particles \(particles) generations \(generations) "
      + "draws \(predictiveDraws) quantile \(epsilonQuantile) floor \(minimumAcceptanceRate)"
    return RunSettings(
      scenarioSha256: scenarioSha256, masterSeed: masterSeed, replications: replications, until: nil,
      strategies: strategies, reference: nil, shard: nil, design: sampler, files: files)
  }
}
