import CohortModel
import Experiments
import Foundation

/// `cohortsim sweep`: one scenario run over the points of an experiment design, with Sobol' or
/// Morris sensitivity indices.
struct SweepCommand: Subcommand {
  static let name = "sweep"
  static let summary =
    "run a scenario over a grid, Latin hypercube, Sobol' or Morris design; sensitivity indices"
  static let usage = "SCENARIO --design DESIGN.json --out DIR [options]"
  static let discussion = """
    Varies numeric fields of the scenario over the points of a design and runs every point with the same \
    replication seeds (common random numbers, so differences between points are paired). DESIGN.json names \
    the method — grid (each factor lists its "values"), lhs ("samples" points), sobol (Saltelli's scheme on \
    GSL's Sobol' sequence: "samples" base samples, N × (k + 2) points) or morris ("samples" trajectories on \
    "levels" levels, default 4) — a "seed" for its random choices and bootstraps, and the factors, each a \
    field path as validation messages write it (demand.freezeProbability, students.aptitude.beta.alpha, \
    programs[0].cohortSize) with "lower" and "upper". Every point's scenario is built and validated before \
    anything runs; a bad point stops the sweep with exit 2, naming the point, the path and the value. \
    Writes into DIR: design.csv (point, one column per factor; sobol rows in SALib's order A, AB1..ABk, B \
    per base sample; morris rows k + 1 per trajectory), points.csv (per point, strategy and metric: n, \
    mean, sd, t-based 95% interval), replications.csv, sensitivity.csv (sobol: S1 and ST; morris: mu, \
    mu_star, sigma; estimators as SALib 1.6, intervals by bootstrap) and run.json. With --shard K/N it runs \
    a contiguous block of the points for 'cohortsim merge'. Ctrl-C keeps the finished points in \
    .DIR.cohortsim-checkpoint.csv beside DIR; --resume continues from them and ends with the same files. Exit codes: 0 \
    done, 2 bad usage, design or point, 3 failure, 130 interrupted.
    """
  static let design = Option.text(
    "design", "DESIGN.json", "the experiment design (required); see the discussion above")
  static let replications = Option.integer(
    "replications", "R", in: 1...10_000_000,
    "replications per point (default: the scenario's \"replications\")")
  static let shard = ExperimentOptions.shard.help(
    "run only shard K (from 0) of N: design points floor(K*P/N) up to floor((K+1)*P/N); merge the shard "
      + "folders with 'cohortsim merge'")
  static let resume = Flag("resume", "continue from the finished points an interrupted sweep left beside DIR")
  /// Unlike `run`'s, an empty name is not refused here.
  static let out = Option.text("out", "DIR", "where the results go (required)")
  static let currentStudents = WarmStartOptions.currentStudents.help(
    "a warm start, as 'run' takes it: every point starts from the program's current students (checked "
      + "against each point's scenario); the sweep's metrics then describe today's cohorts")

  static let options: [any OptionDeclaration] = [
    design, replications, CommonOptions.jobs, shard, resume, StudyArguments.overwrite, StudyArguments.quiet,
    out,
    currentStudents, WarmStartOptions.asOf,
  ]
  static let examples = [
    "cat > /tmp/design.json <<'END'",
    "{\"method\": \"sobol\", \"samples\": 16, \"seed\": 1,",
    " \"factors\": [{\"path\": \"demand.freezeProbability\", \"lower\": 0, \"upper\": 0.5},",
    "             {\"path\": \"hiring.applyProbability\", \"lower\": 0.2, \"upper\": 1},",
    "             {\"path\": \"demand.regionShare\", \"lower\": 0.005, \"upper\": 0.02}]}",
    "END",
    "cohortsim sweep Scenarios/baseline.json --design /tmp/design.json --replications 4 --out /tmp/sweep",
    "cohortsim sweep Scenarios/baseline.json --design /tmp/design.json --out /tmp/sweep --resume",
    "cohortsim sweep Scenarios/baseline.json --design /tmp/design.json --shard 0/3 --out /tmp/shards/0",
    "cohortsim merge /tmp/shards/0 /tmp/shards/1 /tmp/shards/2 --out /tmp/sweep",
    "a grid instead: {\"method\": \"grid\", \"factors\": [{\"path\": \"programs[0].cohortSize\", \"values\": [12, 16, 20]}]}",
    "Morris screening: {\"method\": \"morris\", \"samples\": 10, \"levels\": 4, \"seed\": 3, \"factors\": [...]}",
  ]

  let replications: Int?
  let jobs: Int?
  let study: StudyArguments
  let shard: Shard?
  let resume: Bool
  let currentStudents: String?
  let asOf: String?

  init(_ arguments: ParsedArguments) throws {
    study = try StudyArguments(
      arguments, input: Self.design,
      inputMissing: "'sweep' needs --design DESIGN.json: the factors and how to sample them",
      output: Self.out,
      outputMissing: "'sweep' needs --out DIR: where design.csv, points.csv and the rest go")
    replications = try arguments[Self.replications]
    jobs = try arguments[CommonOptions.jobs]
    shard = try arguments[Self.shard]
    resume = try arguments[Self.resume]
    (currentStudents, asOf) = try arguments.warmStart()
  }

  func run() throws -> ExitStatus {
    let design = try SweepDesign.load(study.input)
    var scenarioFile = try ScenarioFile.load(study.scenarioPath)
    noteChangedDefaults(scenarioFile, quiet: study.quiet)
    if let currentStudents { try scenarioFile.warmStart(from: currentStudents, asOf: .flag(asOf)) }
    let evaluator = ModelEvaluator(
      factors: try ScenarioFactors(scenarioFile: scenarioFile, factors: design.factors),
      strategies: scenarioFile.scenario.strategiesToRun)
    try design.checkMemory(
      strategies: evaluator.strategies.count, metrics: evaluator.metrics.count, file: study.input)
    var plan = SweepPlan(
      design: design, scenarioFile: study.scenarioPath, scenarioSha256: scenarioFile.sha256,
      masterSeed: scenarioFile.scenario.seed,
      replications: replications ?? scenarioFile.scenario.replications,
      jobs: jobs ?? ExperimentPlan.defaultJobs, outputDirectory: study.outputDirectory, shard: shard,
      provenance: ProvenanceInfo(version: cohortsimVersion, commandLine: study.commandLine))
    plan.resume = resume
    plan.overwrite = study.overwrite
    let runs = Double(plan.block.count * plan.replications * evaluator.strategies.count)
    if let problem = StudyWork.problem(
      runs: runs, eventsPerRun: ResourceEstimate(scenarioFile.scenario).events,
      product:
        "\(plan.block.count) points × \(plan.replications) replications × \(evaluator.strategies.count) "
        + "strategies", reduce: "\(design.sizeField) or --replications")
    {
      throw CommandFailure(.badInput, "\(study.input): \(design.sizeField): \(problem)")
    }
    do {
      try evaluator.validate(plan.points)
    } catch {
      throw CommandFailure(.badInput, "\(study.input): \(error.description)")
    }
    let outcome = try runShowingProgress(
      quiet: study.quiet, onTerminal: \.runProgress,
      makeLog: {
        let log = ThrottledProgressLog.sweep()
        return { log.show($0) }
      }
    ) { cancellation, progress throws(OutputError) in
      try SweepRunner(plan: plan, evaluator: evaluator).run(cancellation: cancellation, progress: progress)
    }
    switch outcome {
    case .cancelled(let pointsDone):
      throw CommandFailure(
        .interrupted,
        "interrupted after \(pointsDone) of \(plan.block.count) points: no result published; rerun the same "
          + "command with --resume to continue from point \(plan.block.lowerBound + pointsDone)")
    case .completed(let points, let seconds):
      if !study.quiet {
        let what = shard.map { "shard \($0.index) of \($0.count): " } ?? ""
        print(
          "\(what)\(points) points × \(plan.replications) replications in \(String(format: "%.1f", seconds)) s → "
            + "\(study.outputDirectory)/ (design.csv, points.csv, replications.csv"
            + (plan.shard == nil && (design.method == .sobol || design.method == .morris)
              ? ", sensitivity.csv" : "")
            + ", run.json)")
      }
      return .done
    }
  }
}
