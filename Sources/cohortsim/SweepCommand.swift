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
  static let options: [OptionSpec] = [
    .value("design", "DESIGN.json", "the experiment design (required); see the discussion above"),
    .value("replications", "R", "replications per point (default: the scenario's \"replications\")"),
    .value("jobs", "J", "worker threads (default: the number of cores); results are identical for any J"),
    .value(
      "shard", "K/N",
      "run only shard K (from 0) of N: design points floor(K*P/N) up to floor((K+1)*P/N); merge the shard "
        + "folders with 'cohortsim merge'"),
    .flag("resume", "continue from the finished points an interrupted sweep left beside DIR"),
    .flag(
      "overwrite",
      "replace a DIR that holds a run or sweep with other settings (scenario, design, seed, replications, "
        + "strategies or shard); a rerun of the same settings replaces it anyway"),
    .flag("quiet", "print nothing but errors: no progress line, no closing summary"),
    .value("out", "DIR", "where the results go (required)"),
    .value(
      "current-students", "FILE.csv",
      "a warm start, as 'run' takes it: every point starts from the program's current students (checked "
        + "against each point's scenario); the sweep's metrics then describe today's cohorts"),
    .value(
      "as-of", "YYYY-MM-DD",
      "with --current-students, the date the file describes (default: its first line '# as_of: YYYY-MM-DD')"),
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
      arguments, command: Self.name, input: "design",
      inputMissing: "'sweep' needs --design DESIGN.json: the factors and how to sample them",
      output: arguments.string("out"),
      outputMissing: "'sweep' needs --out DIR: where design.csv, points.csv and the rest go")
    replications = try arguments.integer("replications", in: 1...10_000_000)
    jobs = try arguments.integer("jobs", in: 1...1024)
    shard = try arguments.string("shard").map { try ExperimentOptions.shard($0, command: Self.name) }
    resume = arguments.flag("resume")
    (currentStudents, asOf) = try arguments.warmStart()
  }

  func run() throws -> Int32 {
    let design: SweepDesign
    let evaluator: ModelEvaluator
    let scenarioFile: ScenarioFile
    do {
      design = try SweepDesign.load(study.input)
      var loaded = try ScenarioFile.load(study.scenarioPath)
      noteChangedDefaults(loaded, quiet: study.quiet)
      if let currentStudents { try loaded.warmStart(from: currentStudents, asOf: .flag(asOf)) }
      scenarioFile = loaded
      evaluator = ModelEvaluator(
        factors: try ScenarioFactors(scenarioFile: scenarioFile, factors: design.factors),
        strategies: scenarioFile.scenario.strategiesToRun)
      try design.checkMemory(
        strategies: evaluator.strategies.count, metrics: evaluator.metrics.count, file: study.input)
    } catch let error as SweepError {
      printError(error.description)
      return 2
    }
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
      printError("\(study.input): \(design.sizeField): \(problem)")
      return 2
    }
    do {
      try evaluator.validate(plan.points)
    } catch {
      printError("\(study.input): \(error.description)")
      return 2
    }
    let outcome: SweepOutcome
    do {
      outcome = try runShowingProgress(
        quiet: study.quiet, onTerminal: \.runProgress,
        makeLog: {
          let log = ThrottledProgressLog.sweep()
          return { log.show($0) }
        }
      ) { cancellation, progress throws(OutputError) in
        try SweepRunner(plan: plan, evaluator: evaluator).run(cancellation: cancellation, progress: progress)
      }
    } catch {
      return error.exitCode
    }
    switch outcome {
    case .cancelled(let pointsDone):
      printError(
        "interrupted after \(pointsDone) of \(plan.block.count) points: no result published; rerun the same "
          + "command with --resume to continue from point \(plan.block.lowerBound + pointsDone)")
      return 130
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
      return 0
    }
  }
}
