import CohortModel
import Experiments
import Foundation
import InputFormats
import SimKernel

/// The options `run` and `compare` share, parsed and checked before the scenario is read, so a
/// mistyped flag costs nothing.
struct ExperimentOptions {
  static let replications = Option.integer(
    "replications", "N", in: 1...10_000_000, "replications to run (default: the scenario's \"replications\")")
  static let seed = Option.seed(
    "seed", "S", "master seed; every replication's seed derives from it (default: the scenario's \"seed\")")
  static let replicationSeed = Option.seed(
    "replication-seed", "S",
    "run one replication with exactly this seed (decimal, or seed_hex's x and 16 hex digits) instead of "
      + "deriving it: reruns the replication of replications.csv that lists S; not with --seed, --replications, "
      + "--until or --shard")
  static let out = Option.folder("out", "DIR", "where the results go (default: Results/<scenario name>/)")
  static let strategies = Option<[String]>(
    "strategies", "a,b",
    "placement strategies to simulate, comma-separated, each with the same seeds (default: the scenario's "
      + "\"strategies\"); one of: \((PlacementStrategies.names + [PlacementStrategies.programDefault]).joined(separator: ", "))",
    parse: strategyList)
  static let overwrite = CommonOptions.overwrite
  static let students = Flag(
    "students",
    "also write students.csv (one row per strategy, replication and student) and sites.csv (one per replication and site)"
  )
  static let trace = Flag(
    "trace", "also write trace.csv: every event of the first replication of the first strategy")
  static let quiet = Flag("quiet", "print nothing but errors: no progress line, no closing table")
  static let until = Option<(metric: Metric, halfWidth: Double)>(
    "until", "METRIC=HALFWIDTH",
    "add replications in batches of max(10, N) until the 95% interval of METRIC is at most HALFWIDTH on each "
      + "side for every strategy; see 'cohortsim help metrics'", parse: precisionTarget)
  static let maxReplications = Option.integer(
    "max-replications", "N", in: 1...10_000_000,
    "with --until, stop at N replications even if the target is not met (default: \(PrecisionTarget.defaultMaxReplications))"
  )
  static let shard = Option<Shard>(
    "shard", "K/N",
    "run only shard K (from 0, like SLURM_ARRAY_TASK_ID) of N: replications floor(K*R/N) up to floor((K+1)*R/N), "
      + "with the whole run's seeds; writes replications.csv, outcomes.csv and run.json (default --out: "
      + "Results/<scenario name>/shard-K-of-N/) for 'cohortsim merge'; not with --until", parse: parseShard)

  /// The options `run` and `compare` share, in the order help lists them, with the command's own
  /// `--until` and `--max-replications` (their help says what they stop on).
  static func declarations(
    until: Option<(metric: Metric, halfWidth: Double)> = until, maxReplications: Option<Int> = maxReplications
  ) -> [any OptionDeclaration] {
    [
      replications, seed, replicationSeed, CommonOptions.jobs, out, strategies, overwrite, students, trace,
      quiet,
      until, maxReplications, shard, WarmStartOptions.currentStudents, WarmStartOptions.asOf,
    ] + PosteriorOptions.declarations
  }

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

  /// `otherStoppingRule`: the command was given a stopping rule of its own (compare's
  /// `--select-best`), which `--max-replications` also caps.
  init(_ arguments: ParsedArguments, otherStoppingRule: Bool = false) throws {
    scenarioPath = try arguments.requirePositionals(["SCENARIO"])[0]
    replications = try arguments[Self.replications]
    seed = try arguments[Self.seed]
    replicationSeed = try arguments[Self.replicationSeed]
    jobs = try arguments[CommonOptions.jobs]
    outputDirectory = try arguments[Self.out]
    overwrite = try arguments[Self.overwrite]
    strategies = try arguments[Self.strategies]
    students = try arguments[Self.students]
    trace = try arguments[Self.trace]
    quiet = try arguments[Self.quiet]
    until = try arguments[Self.until]
    maxReplications = try arguments[Self.maxReplications]
    if maxReplications != nil && until == nil && !otherStoppingRule {
      throw UsageError(
        message:
          "--max-replications only applies with --until METRIC=HALFWIDTH (or compare --select-best METRIC)",
        command: arguments.command)
    }
    shard = try arguments[Self.shard]
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
  static func parseShard(_ text: String, option: String) throws(OptionValueRefused) -> Shard {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let index = parts[0], let count = parts[1], (1...100_000).contains(count),
      (0..<count).contains(index)
    else {
      throw OptionValueRefused(
        message:
          "\(option) takes K/N with N from 1 to 100000 and K from 0 to N-1 (K counts from 0, as SLURM_ARRAY_TASK_ID "
          + "does), got '\(text)'")
    }
    return Shard(index: index, count: count)
  }

  /// `a,b,c` as distinct, known strategy names.
  static func strategyList(_ text: String, option: String) throws(OptionValueRefused) -> [String] {
    let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let known = PlacementStrategies.names + [PlacementStrategies.programDefault]
    if let unknown = names.first(where: { !known.contains($0) }) {
      throw OptionValueRefused(
        message:
          "unknown strategy '\(unknown)' in \(option)\(Suggestion.phrase(for: unknown, among: known)); "
          + "allowed: \(known.joined(separator: ", "))")
    }
    guard !names.isEmpty, Set(names).count == names.count else {
      throw OptionValueRefused(message: "\(option) needs distinct names separated by commas, got '\(text)'")
    }
    return names
  }

  /// `METRIC=HALFWIDTH` with a known metric and a positive half-width.
  static func precisionTarget(_ text: String, option: String) throws(OptionValueRefused) -> (
    metric: Metric, halfWidth: Double
  ) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let metric = Metric(rawValue: parts[0]) else {
      let allowed = Metric.allCases.map(\.rawValue).joined(separator: ", ")
      throw OptionValueRefused(
        message: "\(option) takes METRIC=HALFWIDTH with METRIC one of: \(allowed); got '\(text)'")
    }
    guard let halfWidth = Double(parts[1]), halfWidth > 0, halfWidth.isFinite else {
      throw OptionValueRefused(message: "\(option)'s HALFWIDTH must be a positive number, got '\(parts[1])'")
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

  /// Loads the scenario and runs the plan `makePlan` builds from it, printing `report` of a
  /// completed run; every other outcome is thrown (`ExitStatus` maps it).
  func execute(_ makePlan: (ScenarioFile) throws -> ExperimentPlan, report: (RunReport) -> Void) throws
    -> ExitStatus
  {
    var scenarioFile = try ScenarioFile.load(scenarioPath)
    noteChangedDefaults(scenarioFile, quiet: quiet)
    if let currentStudents {
      try scenarioFile.warmStart(from: currentStudents, asOf: .flag(asOf))
    }
    var plan = try makePlan(scenarioFile)
    plan.posterior = try posterior.sampling(for: scenarioFile, quiet: quiet)
    let outcome = try runShowingProgress(
      quiet: quiet, onTerminal: { $0 },
      makeLog: {
        let log = ProgressLog(write: { FileHandle.standardError.write(Data($0.utf8)) })
        return { log.show($0) }
      }
    ) { cancellation, progress throws(OutputError) in
      try ExperimentRunner(plan: plan).run(cancellation: cancellation, progress: progress)
    }
    switch outcome {
    case .cancelled:
      throw CommandFailure(
        .interrupted,
        "interrupted: partial results removed; earlier results in \(plan.outputDirectory) left as they were")
    case .targetWithoutData(let metric, let strategy, let replications):
      throw CommandFailure(
        .badInput,
        "--\(Self.until.spec.name) \(metric.rawValue): the metric is NA in all \(replications) replications of the "
          + "first batch under strategy \(strategy), so no number of replications can narrow it; choose another "
          + "metric (see 'cohortsim help metrics'); nothing was written")
    case .completed(let runReport):
      if quiet { return .done }
      if let shard = runReport.shard {
        // A shard's own summaries describe a fraction of the run; the merge prints the real ones.
        print(
          "shard \(shard.index) of \(shard.count): " + ResultTables.location(runReport)
            + "merge every shard with 'cohortsim merge SHARD_DIR... --out DIR'")
      } else {
        report(runReport)
      }
      return .done
    }
  }
}

extension AsOfOverride {
  /// The date `--as-of` gives, if any: the model names the option in its messages by this name.
  static func flag(_ date: String?) -> AsOfOverride {
    AsOfOverride(option: "--" + WarmStartOptions.asOf.spec.name, date: date)
  }
}
