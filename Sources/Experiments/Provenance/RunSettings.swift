/// The settings that decide what a results folder holds, read from its `run.json` in the order a
/// difference is reported — what wrote it, scenario bytes, seed, replications (or the rule that
/// decided them), strategies, each kind's own (a posterior, a sweep's design, a calibration's
/// targets and sampler), the shard, and which files were written — so a run can tell whether the
/// folder it is about to replace holds the same run (replacing it is then harmless) or another
/// one (replaced only with `--overwrite`), and say which setting differs.
///
/// Times, jobs, platform and command line are not settings: they change no result byte.
struct RunSettings: Equatable {
  /// One setting as a message names it: `seed` and `42`.
  struct Setting: Equatable {
    var name: String
    var value: String
  }

  /// Every setting, each kind's in the order of `RunSettings.init`.
  var settings: [Setting]

  /// The settings `record` states, given the files its folder holds (or will).
  init(_ record: RunRecord, files: [String]) {
    let header = record.header
    var settings: [Setting] = []
    func add(_ name: String, _ value: String) { settings.append(Setting(name: name, value: value)) }
    func list(_ values: [String]) -> String { values.joined(separator: ",") }
    switch record.kind {
    case .run: add("kind", "run")
    case .sweep: add("kind", "sweep")
    case .calibrate: add("kind", "calibrate")
    }
    add("scenario SHA-256", header.scenarioSha256)
    switch record.kind {
    case .calibrate(let details):
      add("targets SHA-256", details.targetsSha256)
      let joint = (details.jointScenarios ?? []).map { "\($0.scenarioSha256) × \($0.replications)" }
      add("joint scenarios", joint.isEmpty ? "none" : list(joint))
    case .run, .sweep: break
    }
    add("seed", "\(header.masterSeed)")
    switch record.kind {
    case .run(let details, _):
      // The count of a run that stops by a rule is an outcome, not a setting: the rule is.
      if let until = details.until {
        add(
          "replications",
          "--until \(until.metric)=\(until.halfWidth) in batches of \(until.batchSize) up to \(until.maxReplications)"
        )
      } else if let select = details.selectBest {
        add(
          "replications",
          "--select-best \(select.metric)\(select.minimise ? " --minimise" : "") --indifference \(select.indifference) "
            + "at confidence \(select.confidence), first stage \(select.firstStage), up to \(select.maxReplications)"
        )
      } else {
        add("replications", "\(header.replications)")
      }
      add("strategies", list(header.strategies) + (details.reference.map { " against \($0)" } ?? ""))
      add(
        "posterior",
        details.posterior.map { "\($0.sha256) × \($0.runsPerParticle) runs per particle" }
          ?? "none (fixed parameters)")
    case .sweep(let details, _):
      add("replications", "\(header.replications)")
      add("strategies", list(header.strategies))
      add("design", details.designSha256)
    case .calibrate(let details):
      add("replications", "\(header.replications)")
      add("strategies", list(header.strategies))
      add("particles", "\(details.particles)")
      add("generations", "\(details.generations)")
      add("predictive draws", "\(details.predictiveDraws)")
      add("epsilon quantile", "\(details.epsilonQuantile)")
      add("minimum acceptance rate", "\(details.minimumAcceptanceRate)")
    }
    add("shard", record.extent.shard.map { "\($0.index)/\($0.count)" } ?? "none (a whole run)")
    add("output files", list(files.filter { $0 != OutputFile.provenance.rawValue }.sorted()))
    self.settings = settings
  }

  /// The first setting in which `self` (the new run) differs from `existing`, worded as
  /// "seed 7 (the folder holds seed 42)"; nil when they are the same run. Between two kinds
  /// the kind is that setting.
  func difference(from existing: RunSettings) -> String? {
    for setting in settings {
      let old = existing.settings.first { $0.name == setting.name }?.value ?? "none"
      if setting.value != old {
        return "\(setting.name) \(setting.value) (the folder holds \(setting.name) \(old))"
      }
    }
    return nil
  }
}
