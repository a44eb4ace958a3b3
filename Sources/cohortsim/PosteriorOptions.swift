import Experiments

/// `--posterior DIR` and `--runs-per-particle K`, as `run`, `compare` and `check` take them.
struct PosteriorOptions {
  /// `run`'s and `compare`'s help; `check` declares variants saying what they do there.
  static let directory = Option.folder(
    "posterior", "DIR",
    "run over a calibration's posterior: DIR is a folder 'cohortsim calibrate' wrote; each replication (each "
      + "group of --runs-per-particle replications) draws one particle of its last generation by weight and runs "
      + "with the particle's values in place of the scenario's values of the calibrated fields, every strategy "
      + "under the same particle; replications.csv gains 'particle', summary.csv the variance shares, run.json "
      + "the folder's SHA-256. Use it when the decision rests on hiring parameters nobody measured (see README.md)"
  )
  static let runsPerParticle = Option.integer(
    "runs-per-particle", "K", in: 1...100_000,
    "with --posterior, run K consecutive replications under each drawn particle (default 1); K ≥ 2 splits each "
      + "metric's variance into parameters and chance (summary.csv's parameter_variance_share and "
      + "chance_variance_share)")
  static let declarations: [any OptionDeclaration] = [directory, runsPerParticle]

  let directory: String?
  let runsPerParticle: Int

  init(_ arguments: ParsedArguments) throws {
    directory = try arguments[Self.directory]
    let k = try arguments[Self.runsPerParticle]
    if k != nil && directory == nil {
      throw UsageError(
        message: "--runs-per-particle K applies with --posterior DIR (a calibrate folder)",
        command: arguments.command)
    }
    runsPerParticle = k ?? 1
  }

  /// The posterior folder read, with a warning on standard error (unless `quiet`) naming each
  /// calibrated field `scenarioFile` sets itself (the particle's value replaces it); nil without
  /// `--posterior`.
  /// - Throws: `PosteriorError` (exit 2) for a folder that is not a usable calibration.
  func load(for scenarioFile: ScenarioFile, quiet: Bool) throws -> Posterior? {
    guard let directory else { return nil }
    let posterior = try Posterior.load(directory)
    let overridden = PosteriorSampling.overriddenFields(posterior, in: scenarioFile)
    if !overridden.isEmpty && !quiet {
      printError(
        "warning: \(scenarioFile.path) sets \(overridden.joined(separator: ", ")), which --posterior "
          + "\(directory) calibrates: each particle's value replaces the scenario's")
    }
    return posterior
  }

  /// The posterior applied to `scenarioFile` with `--runs-per-particle`; nil without `--posterior`.
  /// - Throws: `PosteriorError` (exit 2) for an unusable folder or a particle the scenario refuses.
  func sampling(for scenarioFile: ScenarioFile, quiet: Bool) throws -> PosteriorSampling? {
    guard let posterior = try load(for: scenarioFile, quiet: quiet) else { return nil }
    return try PosteriorSampling.applied(posterior, runsPerParticle: runsPerParticle, to: scenarioFile)
  }
}
