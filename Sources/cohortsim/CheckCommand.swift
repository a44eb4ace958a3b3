import CohortModel
import Experiments
import Foundation

/// `cohortsim check`: a regression check of a scenario's results against a saved baseline.
struct CheckCommand: Subcommand {
  static let name = "check"
  static let summary = "rerun a scenario and test whether its results moved from a saved baseline"
  static let usage =
    "SCENARIO [--baseline DIR] [--exact | --bless] [--alpha A] [--jobs J] [--quiet]\n"
    + "  cohortsim check SCENARIO --targets TARGETS.json [--replications N] [--jobs J] [--quiet]"
  static let discussion = """
    Reruns SCENARIO with the baseline's strategies and number of replications (from its \
    replications.csv, which must agree with its run.json) and the scenario's own seed, into a \
    temporary directory, then compares. By default the comparison is statistical: for every \
    strategy and metric, a paired t-test of per-seed differences when the rerun used the baseline's \
    seeds (else Welch's t-test) of the new replications against the baseline's, \
    Holm-corrected across all tests at family-wise level --alpha; a metric has moved when it is \
    significant AND its difference exceeds the metric's practical tolerance (0.01 for shares, 2% \
    of the baseline mean for counts, 2% but at least 1 for days). It prints a table and passes \
    unless something moved. With --exact it compares summary.csv and replications.csv byte for \
    byte instead (run.json never: it records times), naming the first differing line. With \
    --bless it reruns with the scenario's defaults, as 'cohortsim run' would, rewrites the \
    baseline (staged files, renamed only when complete) and prints what moved. \
    A missing or malformed baseline is an input error, never a pass. Exit codes: 0 passed (or \
    blessed), 1 a metric moved or a file differs, 2 bad usage or a bad scenario or baseline, 3 \
    failure, 130 interrupted.
    With --targets TARGETS.json (the file 'cohortsim calibrate' reads; its "parameters" are ignored) it \
    instead runs SCENARIO for N replications (default: the scenario's "replications") with the scenario's \
    seed, and prints one line per target: metric, strategy, mean, t-based 95% interval, target band, \
    source and verdict (ok when the mean lies in the band, ends included, else OUTSIDE). Exit 1 when a \
    mean lies outside its target, 0 when all hold, 2 for a bad scenario or targets file (naming the file \
    and field path: an unknown metric or strategy, an empty target list).
    """
  static let baseline = Option.text(
    "baseline", "DIR", "the saved results to compare with (default: Results/<scenario name>/)")
  static let exact = Flag(
    "exact", "compare summary.csv and replications.csv byte for byte instead of statistically")
  static let alpha = Option.number(
    "alpha", "A", in: 1e-12...0.5,
    "family-wise significance level of the statistical check, Holm-corrected (default 0.01)")
  static let bless = Flag(
    "bless", "rerun and overwrite the baseline after a deliberate change; prints what moved")
  static let quiet = Flag("quiet", "no progress line, and only the rows that moved in the table")
  static let targets = Option.text(
    "targets", "TARGETS.json", "check the scenario's means against sourced targets instead (see above)")
  static let replications = Option.integer(
    "replications", "N", in: 2...10_000_000, "with --targets: replications to run (default: the scenario's)")
  static let seed = ExperimentOptions.seed.help(
    "master seed of the rerun (default: the scenario's \"seed\"); a baseline run with another seed differs")
  static let currentStudents = WarmStartOptions.currentStudents.help(
    "a warm start, as 'run' takes it: check a folder 'run --current-students' wrote, or targets from today's students"
  )
  static let posterior = PosteriorOptions.directory.help(
    "the calibrate folder a baseline written with 'run --posterior DIR' sampled: the rerun draws the same "
      + "particles, with the baseline's --runs-per-particle; refused when its run.json's SHA-256 is not the one "
      + "the baseline records, or when the baseline ran at fixed parameters")
  static let runsPerParticle = PosteriorOptions.runsPerParticle.help(
    "with --bless --posterior: runs per particle of the new baseline (default 1)")

  static let options: [any OptionDeclaration] = [
    baseline, exact, alpha, bless, CommonOptions.jobs, quiet, targets, replications, seed, currentStudents,
    WarmStartOptions.asOf, posterior, runsPerParticle,
  ]
  static let examples = [
    "cohortsim check Scenarios/baseline.json",
    "cohortsim check Scenarios/baseline.json --exact",
    "cohortsim check Scenarios/strategies.json --baseline ci/reference/strategies --alpha 0.001",
    "cohortsim check Scenarios/baseline.json --bless",
    "cohortsim check Scenarios/baseline.json --targets Scenarios/targets/baseline.json --replications 40",
  ]

  let scenarioPath: String
  let baseline: String?
  let exact: Bool
  let bless: Bool
  let alpha: Double
  let jobs: Int?
  let quiet: Bool
  let targets: String?
  let replications: Int?
  let seed: UInt64?
  let currentStudents: String?
  let asOf: String?
  let posterior: PosteriorOptions
  let commandLine: [String]

  init(_ arguments: ParsedArguments) throws {
    scenarioPath = try arguments.requirePositionals(["SCENARIO"])[0]
    baseline = try arguments[Self.baseline]
    exact = try arguments[Self.exact]
    bless = try arguments[Self.bless]
    if exact && bless {
      throw UsageError(
        message: "--exact and --bless do not go together; run one, then the other", command: Self.name)
    }
    alpha = try arguments[Self.alpha] ?? 0.01
    jobs = try arguments[CommonOptions.jobs]
    quiet = try arguments[Self.quiet]
    targets = try arguments[Self.targets]
    replications = try arguments[Self.replications]
    let alphaGiven = try arguments.typed(Self.alpha) != nil
    if targets != nil && (exact || bless || baseline != nil || alphaGiven) {
      throw UsageError(
        message: "--targets checks against targets, not a baseline: it does not go with --baseline, --exact, "
          + "--bless or --alpha", command: Self.name)
    }
    if targets == nil && replications != nil {
      throw UsageError(
        message: "--replications goes with --targets; a baseline check reruns the baseline's replications",
        command: Self.name)
    }
    seed = try arguments[Self.seed]
    (currentStudents, asOf) = try arguments.warmStart()
    posterior = try PosteriorOptions(arguments)
    if try arguments.typed(Self.runsPerParticle) != nil && !bless {
      throw UsageError(
        message: "--runs-per-particle goes with --bless --posterior; a check reruns with the baseline's",
        command: Self.name)
    }
    if targets != nil && posterior.directory != nil {
      throw UsageError(
        message: "--targets checks the scenario's own values; it does not go with --posterior",
        command: Self.name)
    }
    commandLine = ["cohortsim", Self.name] + arguments.raw
  }

  /// The scenario as the check reruns it: the file, with `--seed` and the warm start applied.
  private func scenarioFile() throws -> ScenarioFile {
    var file = try ScenarioFile.load(scenarioPath)
    if let seed { file.scenario.seed = seed }
    if let currentStudents { try file.warmStart(from: currentStudents, asOf: .flag(asOf)) }
    return file
  }

  func run() throws -> ExitStatus {
    if let targets {
      return try TargetsCheck(
        scenarioFile: try scenarioFile(), targetsPath: targets, replications: replications, jobs: jobs,
        quiet: quiet
      ).run()
    }
    let scenarioFile = try scenarioFile()
    noteChangedDefaults(scenarioFile, quiet: quiet)
    var check = RegressionCheck(
      scenarioFile: scenarioFile,
      baselineDirectory: baseline ?? RegressionCheck.defaultBaselineDirectory(for: scenarioFile.scenario))
    check.alpha = alpha
    if let jobs { check.jobs = jobs }
    check.provenance = ProvenanceInfo(version: cohortsimVersion, commandLine: commandLine)
    check.posterior = try posterior.load(for: scenarioFile, quiet: quiet)
    check.blessRunsPerParticle = posterior.runsPerParticle
    let interrupts = InterruptTrap()
    defer { interrupts.restore() }
    let progressLine = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    defer { progressLine.clear() }
    let cancellation = interrupts.cancellation
    let progress = { (update: RunProgress) in progressLine.show(update) }
    do {
      if exact {
        let result = try check.exact(cancellation: cancellation, progress: progress)
        progressLine.clear()
        return reportExact(result, directory: check.baselineDirectory)
      }
      if bless {
        let (moved, problem) = try check.bless(cancellation: cancellation, progress: progress)
        progressLine.clear()
        if let problem {
          print("previous baseline unusable (\(ErrorMessages.message(problem))); nothing to compare")
        }
        if let moved { print(moved.table(onlyMoved: quiet), terminator: "") }
        print("blessed \(check.baselineDirectory)")
        return .done
      }
      let result = try check.statistical(cancellation: cancellation, progress: progress)
      progressLine.clear()
      return reportStatistical(result, directory: check.baselineDirectory)
    } catch is CheckCancelled {
      throw CommandFailure(.interrupted, "interrupted: nothing changed in \(check.baselineDirectory)")
    }
  }

  private func reportStatistical(_ result: StatisticalCheck, directory: String) -> ExitStatus {
    let moved = result.verdicts.count { $0.outcome == .moved }
    if !quiet || moved > 0 { print(result.table(onlyMoved: quiet), terminator: "") }
    let verdict = moved == 0 ? "passed" : "FAILED: \(moved) of \(result.verdicts.count) metrics moved"
    print(
      "check \(scenarioPath) against \(directory): \(verdict) (\(result.replications) replications, "
        + "\(result.method) + Holm at alpha \(alpha))")
    return moved == 0 ? .done : .differs
  }

  private func reportExact(_ result: ExactCheck, directory: String) -> ExitStatus {
    for difference in result.differences { print(difference.description) }
    let files = ExactCheck.files.map(\.rawValue).joined(separator: ", ")
    print(
      "check --exact \(scenarioPath) against \(directory): "
        + (result.differs ? "FAILED: files differ" : "passed: \(files) identical"))
    return result.differs ? .differs : .done
  }
}
