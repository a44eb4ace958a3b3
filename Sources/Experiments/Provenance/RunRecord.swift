import Foundation

/// The contents of `run.json`, for every command that writes a results folder: where its results
/// came from, enough to reproduce them (version, scenario bytes by SHA-256, seed, replications,
/// strategies) and to tell when and where it ran. Unlike the CSV files it differs between runs
/// (times, jobs, command line).
///
/// One header every kind shares, and what differs by kind beside it, all in one flat JSON object
/// whose keys are those cohortsim has always written: the kind is not a key but follows from
/// which keys are there (a calibration records `"targets_sha256"`, a sweep `"design"`), so
/// `run.json` files written before this type existed read back as they are. `ResultsFolder`,
/// `cohortsim merge` and `--posterior` read folders through it.
struct RunRecord: Codable, Equatable {
  var header: RunHeader
  var kind: Kind

  /// What wrote the folder, with what only that kind records.
  enum Kind: Equatable {
    /// `run` or `compare`: a whole run, one shard of one, or shards merged.
    case run(RunDetails, RunExtent)
    /// `sweep`: all its points, one shard's block of them, or shards merged.
    case sweep(SweepDetails, RunExtent)
    /// `calibrate`, which is never sharded.
    case calibrate(CalibrationDetails)
  }

  init(header: RunHeader, kind: Kind) {
    self.header = header
    self.kind = kind
  }

  /// The keys that tell the kinds apart.
  private enum KindKeys: String, CodingKey {
    case targetsSha256 = "targets_sha256", design
  }

  init(from decoder: any Decoder) throws {
    header = try RunHeader(from: decoder)
    let keys = try decoder.container(keyedBy: KindKeys.self)
    if keys.contains(.targetsSha256) {
      kind = .calibrate(try CalibrationDetails(from: decoder))
    } else if keys.contains(.design) {
      kind = .sweep(try SweepDetails(from: decoder), try RunExtent(from: decoder))
    } else {
      kind = .run(try RunDetails(from: decoder), try RunExtent(from: decoder))
    }
  }

  func encode(to encoder: any Encoder) throws {
    try header.encode(to: encoder)
    switch kind {
    case .run(let details, let extent):
      try details.encode(to: encoder)
      try extent.encode(to: encoder)
    case .sweep(let details, let extent):
      try details.encode(to: encoder)
      try extent.encode(to: encoder)
    case .calibrate(let details):
      try details.encode(to: encoder)
    }
  }

  /// The record in `data`, a `run.json`'s bytes.
  /// - Throws: `DecodingError` when it is not JSON, or lacks a key its kind records.
  static func decode(_ data: Data) throws -> RunRecord {
    try JSONDecoder().decode(RunRecord.self, from: data)
  }

  /// Pretty-printed JSON with sorted keys and unescaped slashes, ending in a newline: the one
  /// layout of every `run.json`.
  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings, numbers and arrays cannot fail.
    let data = try! encoder.encode(self)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// How much of its run or sweep the folder holds; a calibration, never sharded, is whole.
  var extent: RunExtent {
    switch kind {
    case .run(_, let extent), .sweep(_, let extent): extent
    case .calibrate: .whole
    }
  }

  /// The record of the folder `cohortsim merge` writes from shards of this one's run: the
  /// shards' settings, the merge's own command line and start, and the shard folders merged.
  /// - Precondition: the record is a run's or a sweep's.
  func merged(from folders: [String], commandLine: [String], startedAt: Date) -> RunRecord {
    var merged = self
    merged.header.commandLine = commandLine
    merged.header.startedAt = RunHeader.timestamp(startedAt)
    merged.header.finishedAt = merged.header.startedAt
    merged.header.platform = RunHeader.platform
    merged.header.files = nil
    switch kind {
    case .run(let details, _): merged.kind = .run(details, .merged(from: folders))
    case .sweep(let details, _): merged.kind = .sweep(details, .merged(from: folders))
    case .calibrate: preconditionFailure("a calibration has no shards to merge")
    }
    return merged
  }
}
