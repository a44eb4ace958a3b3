import Foundation
import Glibc

/// What `run.json` records about the program and how it was invoked; the runner adds the rest.
public struct ProvenanceInfo: Sendable {
  public var version: String
  /// The command line as typed, program name first.
  public var commandLine: [String]

  public init(version: String, commandLine: [String]) {
    self.version = version
    self.commandLine = commandLine
  }
}

/// The contents of `run.json`: where a set of results came from, enough to reproduce it
/// (version, scenario bytes by SHA-256, seed, replications, strategies) and to tell when and
/// where it ran. Unlike the CSV files it differs between runs (times, jobs, command line).
///
/// `cohortsim merge` reads it back from each shard folder, so it is `Decodable` too; a shard's
/// `replications` is the whole run's count, its own block is in `shard`.
struct RunProvenance: Codable {
  var cohortsimVersion: String
  var scenarioFile: String
  var scenarioSha256: String
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
  var masterSeed: UInt64
  var replications: Int
  var strategies: [String]
  var reference: String?
  var jobs: Int
  var commandLine: [String]
  var startedAt: String
  var finishedAt: String
  var platform: String
  var until: Until?
  /// Set by `compare --select-best`.
  var selectBest: SelectBest? = nil
  /// Set in a shard folder.
  var shard: ShardRecord? = nil
  /// Set by `--posterior`: the calibration sampled and how.
  var posterior: PosteriorRecord? = nil
  /// Set by `cohortsim merge`: the shard folders merged, in shard order.
  var mergedFrom: [String]? = nil
  /// Every other file in the folder, by name, with its size and SHA-256. Absent in folders
  /// written before cohortsim recorded it, which readers accept unverified.
  var files: [String: FileDigest]? = nil

  /// Which block of the run a shard folder holds.
  struct ShardRecord: Codable, Equatable {
    var index: Int
    var count: Int
    /// The block's global replication indices, `first_replication ..< end_replication`.
    var firstReplication: Int
    var endReplication: Int

    init(_ shard: Shard, replications: Int) {
      index = shard.index
      count = shard.count
      let block = shard.replications(of: replications)
      firstReplication = block.lowerBound
      endReplication = block.upperBound
    }

    enum CodingKeys: String, CodingKey {
      case index, count, firstReplication = "first_replication", endReplication = "end_replication"
    }
  }

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
  struct Until: Codable {
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
  struct SelectBest: Codable {
    var metric: String
    var minimise: Bool
    var indifference: Double
    var confidence: Double
    var firstStage: Int
    var maxReplications: Int
    /// Nil when no strategy was selected (the cap was reached, or the metric had no value).
    var selected: String?

    init(_ result: SelectionResult) {
      metric = result.rule.metric.rawValue
      minimise = result.rule.minimise
      indifference = result.rule.configuration.indifference
      confidence = result.rule.configuration.confidence
      firstStage = result.rule.configuration.firstStage
      maxReplications = result.rule.maxReplications
      selected = result.selected
    }

    enum CodingKeys: String, CodingKey {
      case metric, minimise, indifference, confidence, firstStage = "first_stage"
      case maxReplications = "max_replications", selected
    }
  }

  enum CodingKeys: String, CodingKey {
    case cohortsimVersion = "cohortsim_version", scenarioFile = "scenario_file"
    case scenarioSha256 = "scenario_sha256", sitesCsvFile = "sites_csv_file", sitesCsvSha256 =
      "sites_csv_sha256"
    case currentStudentsFile = "current_students_file", currentStudentsSha256 = "current_students_sha256"
    case asOf = "as_of", modelDefaults = "model_defaults", inheritedChangedDefaults =
      "inherited_changed_defaults"
    case masterSeed = "master_seed", replications, strategies, reference
    case jobs, commandLine = "command_line", startedAt = "started_at", finishedAt = "finished_at", platform
    case until, selectBest = "select_best", shard, posterior, mergedFrom = "merged_from", files
  }

  /// `date` as ISO 8601 in UTC, to the second: `2025-03-01T14:07:09Z`.
  static func timestamp(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
  }

  /// The kernel and machine, from `uname`: `Linux 6.1.0-18-amd64 x86_64`.
  static var platform: String {
    var name = utsname()
    guard uname(&name) == 0 else { return "unknown" }
    func field<T>(_ value: T) -> String {
      withUnsafeBytes(of: value) { bytes in String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self) }
    }
    return "\(field(name.sysname)) \(field(name.release)) \(field(name.machine))"
  }
}
