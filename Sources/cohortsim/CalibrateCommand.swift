import CohortModel
import Experiments
import Foundation

/// `cohortsim calibrate`: ABC-SMC of a scenario's uncertain fields against sourced targets.
struct CalibrateCommand: Subcommand {
  static let name = "calibrate"
  static let summary = "fit scenario fields to sourced targets by ABC-SMC; posterior, predictive checks"
  static let usage =
    "SCENARIO --targets TARGETS.json --out DIR [--particles P] [--generations G] [--replications R] [options]"
  static let discussion = """
    Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009) with the adaptive tolerance \
    and perturbation kernel of Beaumont et al. 2009. TARGETS.json lists "parameters" (a scenario field path as \
    'sweep' takes it, with a "prior": any distribution, e.g. {"uniform": {"lower": 0.1, "upper": 1}}) and \
    "targets" (a metric of 'cohortsim help metrics', either "value" and "tolerance" or "low" and "high", a \
    "source", and optionally the "strategy" whose mean counts; default the scenario's first). A joint \
    calibration adds "scenarios": further scenarios sharing the parameters, each {"scenario": FILE, "targets": \
    a list or a targets FILE, "replications": R (optional)}, paths relative to TARGETS.json; every particle \
    runs each scenario and is judged on all their targets at once. Each particle is \
    the scenario with the parameters set, run for R replications; its distance is the Euclidean norm over \
    targets of |mean − centre| / (tolerance, or half the range), so 1 is a band's edge. Generation 0 draws \
    from the prior and keeps the particles within the median distance of its first P proposals; generation t \
    perturbs particles of t − 1 (picked by weight) with a normal kernel of twice their weighted covariance, \
    rejects proposals outside the prior's support, keeps those within the weighted median distance of \
    generation t − 1 and weighs them prior(θ) / Σ w_j K(θ | θ_j). It stops after G generations, or when a \
    generation's acceptance rate falls below --min-acceptance: a generation may make at most P / floor \
    proposals, and one that reaches them before P acceptances is dropped (the previous one is the \
    posterior; run.json's "stop" says which ended the run). Every draw comes from GSL streams keyed by \
    the seed, generation and proposal, so DIR is byte-identical for any --jobs. Writes into DIR, as one \
    folder: posterior.csv (every generation's particles: weight, distance, one column per parameter), \
    posterior_summary.csv (the last generation's weighted mean, sd, 2.5%, 50% and 97.5% quantiles), \
    generations.csv (epsilon, proposals, simulations, acceptance rate and effective sample size per \
    generation), posterior_predictive.csv (each target's metric for --draws particles drawn from the \
    posterior and simulated afresh, against its band) and run.json. --apply FILE also writes the scenario \
    with every parameter at its posterior median and a description naming this run; FILE must be new or \
    a scenario an earlier --apply wrote, outside DIR, in a folder that exists, and is checked before the \
    calibration starts. Bad input (an unknown \
    metric or path, a prior the field's allowed range does not hold, an empty target list) exits 2 naming \
    the file and field path. Progress: a line rewritten on a terminal (particles accepted over all \
    generations), and when standard error is not a terminal (a log, Slurm, CI) one line every 30 s with \
    the generation, particles accepted, proposals made, epsilon and time elapsed. Ctrl-C stops the run and \
    publishes nothing. Exit codes: 0 done, 2 bad usage or input, 3 failure, 130 interrupted.
    """
  static let targets = Option.text(
    "targets", "TARGETS.json", "parameters with priors, and targets with sources (required)")
  static let particles = Option.integer(
    "particles", "P", in: 2...100_000, "accepted particles per generation (default 100)")
  static let generations = Option.integer(
    "generations", "G", in: 1...1000, "most generations, the prior's included (default 4)")
  static let replications = Option.integer(
    "replications", "R", in: 1...1_000_000,
    "replications per particle (default 4); its mean is compared with the targets")
  static let seed = ExperimentOptions.seed.help(
    "master seed of every draw (default: the scenario's \"seed\")")
  static let minimumAcceptance = Option.number(
    "min-acceptance", "A", in: 1e-6...0.25,
    "acceptance-rate floor, at most 0.25: stop when a generation would accept fewer than this share of its "
      + "proposals (default 0.02)")
  static let draws = Option.integer(
    "draws", "D", in: 1...1_000_000, "posterior-predictive draws (default: P)")
  static let apply = Option.text(
    "apply", "FILE", "also write the scenario with the posterior medians filled in to FILE")
  static let overwrite = StudyArguments.overwrite.help("replace a DIR that holds a run with other settings")
  static let quiet = StudyArguments.quiet.help("print nothing but errors: no progress, no closing summary")
  static let out = Option.folder("out", "DIR", "where the results go (required)")
  /// Declared to be refused with a reason, rather than as an unknown option.
  static let currentStudents = WarmStartOptions.currentStudents.help(
    "refused: a calibration fits the model to targets about whole past cohorts, which today's students do not "
      + "describe; calibrate without them, then 'run' or 'check --targets' with --current-students")
  static let asOf = WarmStartOptions.asOf.help("refused with --current-students (see above)")

  static let options: [any OptionDeclaration] = [
    targets, particles, generations, replications, seed, minimumAcceptance, draws, apply, CommonOptions.jobs,
    overwrite, quiet, out, currentStudents, asOf,
  ]
  static let examples = [
    "cat > /tmp/targets.json <<'END'",
    "{\"parameters\": [{\"path\": \"demand.regionShare\", \"prior\": {\"uniform\": {\"lower\": 0.005, \"upper\": 0.03}}},",
    "                {\"path\": \"hiring.applyProbability\", \"prior\": {\"uniform\": {\"lower\": 0.1, \"upper\": 1}}}],",
    " \"targets\": [{\"metric\": \"openings_per_year\", \"value\": 87, \"tolerance\": 2.6, \"source\": \"BLS via the article\"},",
    "             {\"metric\": \"placed_6m\", \"low\": 0.7, \"high\": 0.9, \"source\": \"program outcome pages\"}]}",
    "END",
    "cohortsim calibrate Scenarios/baseline.json --targets /tmp/targets.json --particles 100 --generations 4 \\",
    "    --replications 4 --out /tmp/calibration --apply /tmp/calibrated.json",
    "cohortsim check /tmp/calibrated.json --targets /tmp/targets.json --replications 40",
  ]

  let particles: Int
  let generations: Int
  let replications: Int
  let seed: UInt64?
  let minimumAcceptance: Double
  let draws: Int?
  let applyPath: String?
  let jobs: Int?
  let study: StudyArguments

  init(_ arguments: ParsedArguments) throws {
    study = try StudyArguments(
      arguments, input: Self.targets,
      inputMissing: "'calibrate' needs --targets TARGETS.json: the parameters to fit and the targets",
      output: Self.out,
      outputMissing: "'calibrate' needs --out DIR: where posterior.csv and the rest go")
    // The importance weights compare every particle with every particle of the generation
    // before: N² kernel densities a generation, so N stays where that takes seconds, not days.
    particles = try arguments[Self.particles] ?? 100
    generations = try arguments[Self.generations] ?? 4
    replications = try arguments[Self.replications] ?? 4
    seed = try arguments[Self.seed]
    minimumAcceptance = try arguments[Self.minimumAcceptance] ?? 0.02
    draws = try arguments[Self.draws]
    applyPath = try arguments[Self.apply]
    jobs = try arguments[CommonOptions.jobs]
    if try arguments.warmStart().currentStudents != nil {
      throw UsageError(
        message:
          "calibrate does not take --current-students: it fits the model to targets about whole past cohorts, "
          + "which a warm start's listed students would distort; calibrate without them, then use "
          + "'run' or 'check --targets' with --current-students on the calibrated scenario",
        command: Self.name)
    }
  }

  func run() throws -> ExitStatus {
    let scenarioFile = try ScenarioFile.load(study.scenarioPath)
    noteChangedDefaults(scenarioFile, quiet: study.quiet)
    let (targets, targetsSha256) = try CalibrationTargets.loadWithDigest(study.input)
    guard !targets.parameters.isEmpty else {
      throw CalibrationError(
        file: study.input, path: "parameters", "must list at least one {\"path\", \"prior\"} to calibrate")
    }
    let factors = try targets.checked(against: scenarioFile)
    let joint = try targets.jointScenarios.enumerated().map { index, entry throws(CalibrationError) in
      try CalibrationPlan.JointPart(entry, index: index, of: targets)
    }
    // An unusable --apply path is refused before the calibration runs, not after.
    let applied = applyPath.map {
      SingleOutputFile.calibratedScenario($0, option: "--" + Self.apply.spec.name)
    }
    let readFiles = [study.scenarioPath, study.input]
    do {
      try applied?.check(inputs: readFiles, resultsFolder: study.outputDirectory)
    } catch {
      // Refused before any work: whatever the check says, the path is bad input.
      throw CommandFailure(.badInput, ErrorMessages.message(error))
    }
    var settings = ABCSettings(
      particles: particles, generations: generations, seed: seed ?? scenarioFile.scenario.seed,
      jobs: jobs ?? ExperimentPlan.defaultJobs)
    settings.minimumAcceptanceRate = minimumAcceptance
    let memory = settings.memoryBytes(parameters: targets.parameters.count, targets: targets.targets.count)
    guard memory <= ABCSettings.maximumMemoryBytes else {
      throw CommandFailure(
        .badInput,
        "--particles \(particles) × --generations \(generations) would hold about "
          + "\(Int((memory / 1_048_576).rounded())) MiB of particles (every generation is kept for "
          + "posterior.csv), above the limit of \(Int(ABCSettings.maximumMemoryBytes / 1_048_576)) MiB; "
          + "reduce --particles or --generations")
    }
    // At most ⌈N / floor⌉ proposals a generation, each run for the replications, then the draws.
    let runs =
      Double(replications)
      * (Double(generations) * Double(settings.maximumProposals) + Double(draws ?? particles))
    let eventsPerRun = ([scenarioFile] + joint.map(\.scenarioFile)).reduce(0.0) {
      $0 + ResourceEstimate($1.scenario).events
    }
    if let problem = StudyWork.problem(
      runs: runs, eventsPerRun: eventsPerRun,
      product:
        "--generations \(generations) × up to \(settings.maximumProposals) proposals (--particles \(particles) "
        + "÷ --min-acceptance \(minimumAcceptance)) × --replications \(replications)",
      reduce: "--particles, --generations, --replications or raise --min-acceptance")
    {
      throw CommandFailure(.badInput, problem)
    }
    var plan = CalibrationPlan(
      scenarioFile: scenarioFile, targets: targets,
      targetsSha256: targetsSha256,
      factors: factors, settings: settings, replications: replications, predictiveDraws: draws ?? particles,
      outputDirectory: study.outputDirectory,
      provenance: ProvenanceInfo(version: cohortsimVersion, commandLine: study.commandLine))
    plan.overwrite = study.overwrite
    plan.joint = joint
    let outcome = try runShowingProgress(
      quiet: study.quiet,
      onTerminal: { progress in
        RunProgress(
          completed: progress.generation * progress.particles + progress.accepted,
          planned: progress.generations * progress.particles, isOpenEnded: false,
          elapsedSeconds: progress.elapsedSeconds)
      },
      makeLog: {
        let log = ThrottledProgressLog.calibration()
        return { log.show($0) }
      }
    ) { cancellation, progress throws(OutputError) in
      try CalibrationRunner(plan: plan).run(cancellation: cancellation, progress: progress)
    }
    switch outcome {
    case .cancelled:
      throw CommandFailure(.interrupted, "interrupted: no result published in \(study.outputDirectory)")
    case .completed(let done, let stop, let summary, let seconds):
      if let applyPath, let applied {
        let data: Data
        do {
          data = try CalibrationRunner.applied(plan, summary: summary)
        } catch {
          throw CommandFailure(
            .badInput,
            "--\(Self.apply.spec.name) \(applyPath): the posterior medians are refused: \(error.description)")
        }
        do {
          try applied.write(data, inputs: readFiles, resultsFolder: study.outputDirectory)
        } catch {
          // After the calibration ran: a failure, whatever the write says.
          throw CommandFailure(.failure, ErrorMessages.message(error))
        }
      }
      if !study.quiet {
        let simulations = done.reduce(0) { $0 + $1.simulated }
        print(
          "\(done.count) generations (stop: \(stop.rawValue)), \(simulations) particle simulations × \(replications) "
            + "replications in \(String(format: "%.1f", seconds)) s → \(study.outputDirectory)/ (posterior.csv, "
            + "posterior_summary.csv, generations.csv, posterior_predictive.csv, run.json)")
        for row in summary {
          print(
            "  \(row.path): median \(Self.rounded(row.q50)), 95% interval \(Self.rounded(row.q025)) to "
              + "\(Self.rounded(row.q975))")
        }
        if let applyPath { print("scenario with the posterior medians → \(applyPath)") }
      }
      return .done
    }
  }

  /// A posterior figure to three significant digits without an exponent (`0.529`, `97.4`, `1234`):
  /// the console summary; posterior_summary.csv keeps every digit.
  static func rounded(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return CSVFormat.number(value) }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    return String(format: "%.\(max(0, 2 - magnitude))f", value)
  }
}
