import CohortModel
import Experiments
import Foundation
import InputFormats
import SimKernel

/// The options `run` and `compare` share, parsed and checked before the scenario is read, so a
/// mistyped flag costs nothing.
struct ExperimentOptions {
  static let shared: [OptionSpec] =
    [
      .value("replications", "N", "replications to run (default: the scenario's \"replications\")"),
      .value(
        "seed", "S",
        "master seed; every replication's seed derives from it (default: the scenario's \"seed\")"),
      .value(
        "replication-seed", "S",
        "run one replication with exactly this seed (decimal, or seed_hex's x and 16 hex digits) instead of "
          + "deriving it: reruns the replication of replications.csv that lists S; not with --seed, --replications, "
          + "--until or --shard"),
      .value("jobs", "J", "worker threads (default: the number of cores); results are identical for any J"),
      .value("out", "DIR", "where the results go (default: Results/<scenario name>/)"),
      .value(
        "strategies", "a,b",
        "placement strategies to simulate, comma-separated, each with the same seeds (default: the scenario's "
          + "\"strategies\"); one of: \((PlacementStrategies.names + [PlacementStrategies.programDefault]).joined(separator: ", "))"
      ),
      .flag(
        "overwrite",
        "replace an output folder that holds a run with other settings (scenario, seed, replications, strategies, "
          + "shard, output files or posterior); without it that is refused, naming the setting. A rerun of the same settings "
          + "replaces its folder anyway; a folder holding files cohortsim did not write is never replaced"),
      .flag(
        "students",
        "also write students.csv (one row per strategy, replication and student) and sites.csv (one per replication and site)"
      ),
      .flag("trace", "also write trace.csv: every event of the first replication of the first strategy"),
      .flag("quiet", "print nothing but errors: no progress line, no closing table"),
      .value(
        "until", "METRIC=HALFWIDTH",
        "add replications in batches of max(10, N) until the 95% interval of METRIC is at most HALFWIDTH on each "
          + "side for every strategy; see 'cohortsim help metrics'"),
      .value(
        "max-replications", "N",
        "with --until, stop at N replications even if the target is not met (default: \(PrecisionTarget.defaultMaxReplications))"
      ),
      .value(
        "shard", "K/N",
        "run only shard K (from 0, like SLURM_ARRAY_TASK_ID) of N: replications floor(K*R/N) up to floor((K+1)*R/N), "
          + "with the whole run's seeds; writes replications.csv, outcomes.csv and run.json (default --out: "
          + "Results/<scenario name>/shard-K-of-N/) for 'cohortsim merge'; not with --until"),
      .value(
        "current-students", "FILE.csv",
        "warm start: the program's current students (student_id,program,intake_year,status,rotation_sites,"
          + "current_site,spi_passed,specialty_passed,offer_site[,impression,hire_date,start_date]) take places in "
          + "their cohorts (the rest generated up to the cohort's size unless a '# complete:' line says the file "
          + "lists it whole; see 'cohortsim help spreadsheets'), as the "
          + "file says they stand on the as-of date; writes current_students.csv (their chances of an offer within "
          + "6 and 12 months, likeliest site, relocation); not with --shard"),
      .value(
        "as-of", "YYYY-MM-DD",
        "with --current-students, the date the file describes (default: its first line '# as_of: YYYY-MM-DD')"
      ),
    ] + PosteriorOptions.options

  let scenarioPath: String
  let replications: Int?
  let seed: UInt64?
  let replicationSeed: UInt64?
  let jobs: Int?
  let outputDirectory: String?
  let overwrite: Bool
  let strategies: [String]?
  let students: Bool
  let trace: Bool
  let quiet: Bool
  let until: (metric: Metric, halfWidth: Double)?
  let maxReplications: Int?
  let shard: Shard?
  let currentStudents: String?
  let asOf: String?
  let posterior: PosteriorOptions
  let commandLine: [String]

  init(_ arguments: ParsedArguments) throws {
    scenarioPath = try arguments.requirePositionals(["SCENARIO"])[0]
    replications = try arguments.integer("replications", in: 1...10_000_000)
    seed = try arguments.seed("seed")
    replicationSeed = try arguments.seed("replication-seed")
    jobs = try arguments.integer("jobs", in: 1...1024)
    outputDirectory = try arguments.folder("out")
    overwrite = arguments.flag("overwrite")
    strategies = try arguments.string("strategies").map {
      try Self.strategyList($0, command: arguments.command)
    }
    students = arguments.flag("students")
    trace = arguments.flag("trace")
    quiet = arguments.flag("quiet")
    until = try arguments.string("until").map { try Self.precisionTarget($0, command: arguments.command) }
    maxReplications = try arguments.integer("max-replications", in: 1...10_000_000)
    if maxReplications != nil && until == nil && arguments.string("select-best") == nil {
      throw UsageError(
        message:
          "--max-replications only applies with --until METRIC=HALFWIDTH (or compare --select-best METRIC)",
        command: arguments.command)
    }
    shard = try arguments.string("shard").map { try Self.shard($0, command: arguments.command) }
    if shard != nil && until != nil {
      throw UsageError(
        message:
          "--shard and --until cannot be combined: a shard runs a fixed block of replications; "
          + "use --replications N with --shard, or --until without it",
        command: arguments.command)
    }
    if replicationSeed != nil, seed != nil || replications != nil || until != nil || shard != nil {
      throw UsageError(
        message:
          "--replication-seed runs exactly one replication with that seed; it cannot be combined with --seed, "
          + "--replications, --until or --shard",
        command: arguments.command)
    }
    (currentStudents, asOf) = try arguments.warmStart()
    if currentStudents != nil && shard != nil {
      throw UsageError(
        message:
          "--current-students cannot be combined with --shard: 'cohortsim merge' does not combine current_students.csv",
        command: arguments.command)
    }
    posterior = try PosteriorOptions(arguments)
    if posterior.directory != nil && replicationSeed != nil {
      throw UsageError(
        message:
          "--replication-seed cannot be combined with --posterior: a replication's particle derives from its "
          + "number and the master seed; rerun the whole run with --seed instead",
        command: arguments.command)
    }
    commandLine = ["cohortsim", arguments.command] + arguments.raw
  }

  /// `K/N` with 0 ≤ K < N.
  static func shard(_ text: String, command: String) throws -> Shard {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let index = parts[0], let count = parts[1], (1...100_000).contains(count),
      (0..<count).contains(index)
    else {
      throw UsageError(
        message:
          "--shard takes K/N with N from 1 to 100000 and K from 0 to N-1 (K counts from 0, as SLURM_ARRAY_TASK_ID "
          + "does), got '\(text)'",
        command: command)
    }
    return Shard(index: index, count: count)
  }

  /// `a,b,c` as distinct, known strategy names.
  static func strategyList(_ text: String, command: String) throws -> [String] {
    let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let known = PlacementStrategies.names + [PlacementStrategies.programDefault]
    if let unknown = names.first(where: { !known.contains($0) }) {
      throw UsageError(
        message:
          "unknown strategy '\(unknown)' in --strategies\(Suggestion.phrase(for: unknown, among: known)); "
          + "allowed: \(known.joined(separator: ", "))",
        command: command)
    }
    guard !names.isEmpty, Set(names).count == names.count else {
      throw UsageError(
        message: "--strategies needs distinct names separated by commas, got '\(text)'", command: command)
    }
    return names
  }

  /// `METRIC=HALFWIDTH` with a known metric and a positive half-width.
  static func precisionTarget(_ text: String, command: String) throws -> (metric: Metric, halfWidth: Double) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let metric = Metric(rawValue: parts[0]) else {
      let allowed = Metric.allCases.map(\.rawValue).joined(separator: ", ")
      throw UsageError(
        message: "--until takes METRIC=HALFWIDTH with METRIC one of: \(allowed); got '\(text)'",
        command: command)
    }
    guard let halfWidth = Double(parts[1]), halfWidth > 0, halfWidth.isFinite else {
      throw UsageError(
        message: "--until's HALFWIDTH must be a positive number, got '\(parts[1])'", command: command)
    }
    return (metric, halfWidth)
  }

  /// The plan: flags where given, else the scenario's defaults.
  func plan(for scenarioFile: ScenarioFile, strategies chosen: [String]? = nil, reference: String? = nil)
    -> ExperimentPlan
  {
    var plan = ExperimentPlan.defaults(
      for: scenarioFile, provenance: ProvenanceInfo(version: cohortsimVersion, commandLine: commandLine))
    if let replications { plan.replications = replications }
    if let seed { plan.masterSeed = seed }
    if let replicationSeed {
      plan.replicationSeed = replicationSeed
      plan.replications = 1
    }
    if let jobs { plan.jobs = jobs }
    if let shard {
      plan.shard = shard
      plan.outputDirectory += "/shard-\(shard.index)-of-\(shard.count)"
    }
    if let outputDirectory { plan.outputDirectory = outputDirectory }
    if let strategies = chosen ?? strategies { plan.strategies = strategies }
    plan.reference = reference
    plan.overwrite = overwrite
    plan.writeStudents = students
    plan.writeTrace = trace
    plan.precisionTarget = until.map { target in
      PrecisionTarget(
        metric: target.metric, halfWidth: target.halfWidth,
        maxReplications: maxReplications ?? PrecisionTarget.defaultMaxReplications,
        replications: plan.replications)
    }
    return plan
  }

  /// Loads the scenario and runs the plan `makePlan` builds from it, turning every outcome into
  /// an exit code: 0 done, 2 bad input, 3 failure, 130 interrupted.
  func execute(_ makePlan: (ScenarioFile) throws -> ExperimentPlan, report: (RunReport) -> Void) throws
    -> Int32
  {
    // A ScenarioError goes up to main, which prints it one problem a line and exits 2.
    var scenarioFile = try ScenarioFile.load(scenarioPath)
    noteChangedDefaults(scenarioFile, quiet: quiet)
    if let currentStudents {
      try scenarioFile.warmStart(from: currentStudents, asOf: .flag(asOf))
    }
    var plan = try makePlan(scenarioFile)
    plan.posterior = try posterior.sampling(for: scenarioFile, quiet: quiet)
    let outcome: RunOutcome
    do {
      outcome = try runShowingProgress(
        quiet: quiet, onTerminal: { $0 },
        makeLog: {
          let log = ProgressLog(write: { FileHandle.standardError.write(Data($0.utf8)) })
          return { log.show($0) }
        }
      ) { cancellation, progress throws(OutputError) in
        try ExperimentRunner(plan: plan).run(cancellation: cancellation, progress: progress)
      }
    } catch {
      return error.exitCode
    }
    switch outcome {
    case .cancelled:
      printError(
        "interrupted: partial results removed; earlier results in \(plan.outputDirectory) left as they were")
      return 130
    case .targetWithoutData(let metric, let strategy, let replications):
      printError(
        "--until \(metric.rawValue): the metric is NA in all \(replications) replications of the first batch under "
          + "strategy \(strategy), so no number of replications can narrow it; choose another metric "
          + "(see 'cohortsim help metrics'); nothing was written")
      return 2
    case .completed(let runReport):
      if quiet { return 0 }
      if let shard = runReport.shard {
        // A shard's own summaries describe a fraction of the run; the merge prints the real ones.
        print(
          "shard \(shard.index) of \(shard.count): " + ResultTables.location(runReport)
            + "merge every shard with 'cohortsim merge SHARD_DIR... --out DIR'")
      } else {
        report(runReport)
      }
      return 0
    }
  }
}

/// What `sweep` and `calibrate` both take: SCENARIO, the file saying what to study (`--design`,
/// `--targets`) and `--out`, each required and refused with the command's own message, in that
/// order; and the flags and command line they record.
struct StudyArguments {
  let scenarioPath: String
  /// The `--design` or `--targets` file.
  let input: String
  let outputDirectory: String
  let overwrite: Bool
  let quiet: Bool
  let commandLine: [String]

  /// `output` is read after the input option, so a command that refuses an empty `--out`
  /// (`arguments.folder`) still names a missing input first.
  init(
    _ arguments: ParsedArguments, command: String, input: String, inputMissing: String,
    output: @autoclosure () throws -> String?, outputMissing: String
  ) throws {
    scenarioPath = try arguments.requirePositionals(["SCENARIO"])[0]
    guard let inputPath = arguments.string(input) else {
      throw UsageError(message: inputMissing, command: command)
    }
    guard let outputDirectory = try output() else {
      throw UsageError(message: outputMissing, command: command)
    }
    self.input = inputPath
    self.outputDirectory = outputDirectory
    overwrite = arguments.flag("overwrite")
    quiet = arguments.flag("quiet")
    commandLine = ["cohortsim", arguments.command] + arguments.raw
  }
}

extension ParsedArguments {
  /// `--current-students FILE` and `--as-of DATE`, as every command that takes a warm start reads
  /// them: the date only with a file.
  /// - Throws: `UsageError` for `--as-of` without `--current-students`.
  func warmStart() throws -> (currentStudents: String?, asOf: String?) {
    let currentStudents = string("current-students")
    let asOf = string("as-of")
    if asOf != nil && currentStudents == nil {
      throw UsageError(
        message: "--as-of dates a current-students file: give --current-students FILE.csv too",
        command: command)
    }
    return (currentStudents, asOf)
  }
}

extension AsOfOverride {
  /// The date `--as-of` gives, if any: the model names the flag in its messages by this name.
  static func flag(_ date: String?) -> AsOfOverride { AsOfOverride(option: "--as-of", date: date) }
}
