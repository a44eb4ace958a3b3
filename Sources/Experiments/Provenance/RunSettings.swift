/// The settings that decide what a results folder holds — scenario bytes, seed, replications (or
/// the `--until` target), strategies and reference, shard, and which files were written — read
/// from a `run.json`, so a run can tell whether the folder it is about to replace holds the same
/// run (replacing it is then harmless) or another one (replaced only with `--overwrite`).
///
/// Times, jobs, platform and command line are not settings: they change no result byte.
struct RunSettings: Equatable {
  var scenarioSha256: String
  var masterSeed: UInt64
  /// Nil for a `--until` run, whose count is an outcome rather than a setting.
  var replications: Int?
  var until: String?
  var strategies: [String]
  var reference: String?
  var shard: String?
  /// A sweep's design, by the SHA-256 of its canonical JSON; nil for a run.
  var design: String?
  /// The result files, sorted, without `run.json`.
  var files: [String]
  /// A posterior run's calibration folder, by its SHA-256, and runs per particle; nil otherwise.
  var posterior: String? = nil

  init(
    scenarioSha256: String, masterSeed: UInt64, replications: Int?, until: String?, strategies: [String],
    reference: String?, shard: String?, design: String?, files: [String]
  ) {
    self.scenarioSha256 = scenarioSha256
    self.masterSeed = masterSeed
    self.replications = replications
    self.until = until
    self.strategies = strategies
    self.reference = reference
    self.shard = shard
    self.design = design
    self.files = files.filter { $0 != OutputFile.provenance.rawValue }.sorted()
  }

  init(_ provenance: RunProvenance, files: [String]) {
    scenarioSha256 = provenance.scenarioSha256
    masterSeed = provenance.masterSeed
    until = provenance.until.map {
      "\($0.metric)=\($0.halfWidth) in batches of \($0.batchSize) up to \($0.maxReplications)"
    }
    replications = until == nil ? provenance.replications : nil
    strategies = provenance.strategies
    reference = provenance.reference
    shard = provenance.shard.map { "\($0.index)/\($0.count)" }
    design = nil
    self.files = files.filter { $0 != OutputFile.provenance.rawValue }.sorted()
    posterior = provenance.posterior.map { "\($0.sha256) × \($0.runsPerParticle) runs per particle" }
  }

  /// The first setting in which `self` (the new run) differs from `existing`, worded as
  /// "seed 7 (the folder holds seed 42)"; nil when they are the same run.
  func difference(from existing: RunSettings) -> String? {
    func describe(_ what: String, _ new: String, _ old: String) -> String {
      "\(what) \(new) (the folder holds \(what) \(old))"
    }
    if scenarioSha256 != existing.scenarioSha256 {
      return describe("scenario SHA-256", scenarioSha256, existing.scenarioSha256)
    }
    if masterSeed != existing.masterSeed {
      return describe("seed", "\(masterSeed)", "\(existing.masterSeed)")
    }
    if replications != existing.replications || until != existing.until {
      func size(_ settings: RunSettings) -> String {
        settings.until.map { "--until \($0)" } ?? "\(settings.replications ?? 0)"
      }
      return describe("replications", size(self), size(existing))
    }
    if strategies != existing.strategies || reference != existing.reference {
      func list(_ settings: RunSettings) -> String {
        settings.strategies.joined(separator: ",") + (settings.reference.map { " against \($0)" } ?? "")
      }
      return describe("strategies", list(self), list(existing))
    }
    if design != existing.design {
      return describe("design", design ?? "none (not a sweep)", existing.design ?? "none (not a sweep)")
    }
    if posterior != existing.posterior {
      return describe(
        "posterior", posterior ?? "none (fixed parameters)", existing.posterior ?? "none (fixed parameters)")
    }
    if shard != existing.shard {
      return describe("shard", shard ?? "none (a whole run)", existing.shard ?? "none (a whole run)")
    }
    if files != existing.files {
      return describe(
        "output files", files.joined(separator: ","), existing.files.joined(separator: ","))
    }
    return nil
  }
}
