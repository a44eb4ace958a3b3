import Foundation
import Glibc

/// What every `run.json` records, whatever wrote it (`run`, `compare`, `sweep`, `calibrate`,
/// `merge`): the program's version, the scenario's bytes by SHA-256, seed, replications and
/// strategies — enough to reproduce the folder — and how, when and where it ran, which differ
/// between runs and change no result byte. `RunRecord` adds what differs by kind.
struct RunHeader: Codable, Equatable {
  var cohortsimVersion: String
  var scenarioFile: String
  var scenarioSha256: String
  var masterSeed: UInt64
  /// A shard records the whole run's count (its own block is in its `ShardRecord`); a
  /// calibration the replications per particle.
  var replications: Int
  var strategies: [String]
  var jobs: Int
  /// The command line as typed, program name first.
  var commandLine: [String]
  var startedAt: String
  /// Stamped when the folder is published (`StagedOutputs.commit`).
  var finishedAt: String
  var platform: String
  /// Every other file in the folder, by name, with its size and SHA-256, filled in when the
  /// folder is published. Absent in folders written before cohortsim recorded it, which readers
  /// accept unverified.
  var files: [String: FileDigest]? = nil

  /// The header of a run that started at `startedAt` on this machine; `scenarioFile` is recorded
  /// as an absolute path.
  init(
    _ info: ProvenanceInfo, scenarioFile: String, scenarioSha256: String, masterSeed: UInt64,
    replications: Int,
    strategies: [String], jobs: Int, startedAt: Date
  ) {
    cohortsimVersion = info.version
    self.scenarioFile = URL(fileURLWithPath: scenarioFile).standardizedFileURL.path
    self.scenarioSha256 = scenarioSha256
    self.masterSeed = masterSeed
    self.replications = replications
    self.strategies = strategies
    self.jobs = jobs
    commandLine = info.commandLine
    self.startedAt = Self.timestamp(startedAt)
    finishedAt = self.startedAt
    platform = Self.platform
  }

  enum CodingKeys: String, CodingKey {
    case cohortsimVersion = "cohortsim_version", scenarioFile = "scenario_file"
    case scenarioSha256 = "scenario_sha256", masterSeed = "master_seed", replications, strategies, jobs
    case commandLine = "command_line", startedAt = "started_at", finishedAt = "finished_at", platform, files
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
