import CohortModel
import Foundation

/// The run was cancelled (Ctrl-C) before the check could finish; nothing was changed.
public struct CheckCancelled: Error, Sendable {}

/// `cohortsim check`: reruns a scenario and compares the results with a saved baseline.
///
/// Every mode reads and validates the baseline first (`Baseline.read`), so a missing or broken
/// baseline is an input error rather than a pass. Reruns use the baseline's strategies and
/// number of replications with the **scenario's** seed, and write to a temporary directory that
/// is removed afterwards; only `bless` writes into the baseline directory, through the runner's
/// staged files, so an interrupted bless leaves the old baseline as it was.
public struct RegressionCheck: Sendable {
  public var scenarioFile: ScenarioFile
  public var baselineDirectory: String
  /// Family-wise significance level across every (strategy, metric) test.
  public var alpha = 0.01
  public var jobs = ExperimentPlan.defaultJobs
  /// Recorded in a blessed baseline's `run.json`.
  public var provenance = ProvenanceInfo(version: "unknown", commandLine: [])
  /// `--posterior`: the calibration a posterior baseline ran over. The check refuses a baseline
  /// whose posterior (by SHA-256) is not this one, either way; the runs per particle are the
  /// baseline's, as its replications are.
  public var posterior: Posterior?
  /// Runs per particle of a bless (`--runs-per-particle`); a check takes the baseline's.
  public var blessRunsPerParticle = 1

  public init(scenarioFile: ScenarioFile, baselineDirectory: String) {
    self.scenarioFile = scenarioFile
    self.baselineDirectory = baselineDirectory
  }

  /// The default baseline: `Results/<scenario name>/`, where `cohortsim run` writes.
  public static func defaultBaselineDirectory(for scenario: Scenario) -> String { "Results/\(scenario.name)" }

  /// Reruns and tests whether any metric moved (Welch, Holm, practical tolerance).
  /// - Throws: `BaselineError` for a bad baseline, `OutputError` when the rerun cannot write its
  ///   temporary files, `CheckCancelled` when cancelled.
  public func statistical(
    cancellation: Cancellation = Cancellation(), progress: (RunProgress) -> Void = { _ in }
  ) throws -> StatisticalCheck {
    let baseline = try Baseline.read(from: baselineDirectory)
    return try withRerun(of: baseline, cancellation: cancellation, progress: progress) { directory in
      StatisticalCheck(baseline: baseline, new: try Baseline.read(from: directory), alpha: alpha)
    }
  }

  /// Reruns and compares `summary.csv` and `replications.csv` byte for byte.
  public func exact(cancellation: Cancellation = Cancellation(), progress: (RunProgress) -> Void = { _ in })
    throws -> ExactCheck
  {
    let baseline = try Baseline.read(from: baselineDirectory)
    return try withRerun(of: baseline, cancellation: cancellation, progress: progress) { directory in
      var differences: [FileDifference] = []
      for file in ExactCheck.files {
        let old = try Self.contents(of: file, in: baselineDirectory)
        let new = try Self.contents(of: file, in: directory)
        if let difference = FileDifference.first(in: file, baseline: old, new: new) {
          differences.append(difference)
        }
      }
      return ExactCheck(differences: differences)
    }
  }

  /// Rewrites the baseline with a fresh run after a deliberate change, and returns what moved
  /// (nil when there was no valid baseline to compare with; `previousProblem` says why).
  ///
  /// Unlike the checks, a bless runs the scenario's own defaults (replications, seed,
  /// strategies), exactly as `cohortsim run` would, keeping `students.csv` and `trace.csv` when
  /// the old baseline had them. A missing or broken baseline is not an error here: blessing is
  /// how one is made or repaired.
  public func bless(cancellation: Cancellation = Cancellation(), progress: (RunProgress) -> Void = { _ in })
    throws -> (moved: StatisticalCheck?, previousProblem: BaselineError?)
  {
    var previous: Baseline?
    var problem: BaselineError?
    do { previous = try Baseline.read(from: baselineDirectory) } catch { problem = error }
    var plan = ExperimentPlan.defaults(for: scenarioFile, provenance: provenance)
    plan.posterior = try posterior.map { posterior throws(PosteriorError) in
      try PosteriorSampling.applied(posterior, runsPerParticle: blessRunsPerParticle, to: scenarioFile)
    }
    plan.jobs = jobs
    plan.outputDirectory = baselineDirectory
    // Blessing exists to replace the baseline with a run of other settings (a new scenario hash).
    plan.overwrite = true
    let exists = { (file: OutputFile) in
      FileManager.default.fileExists(
        atPath: (baselineDirectory as NSString).appendingPathComponent(file.rawValue))
    }
    plan.writeStudents = exists(.students)
    plan.writeTrace = exists(.trace)
    try run(plan, cancellation: cancellation, progress: progress)
    let blessed = try Baseline.read(from: baselineDirectory)
    return (previous.map { StatisticalCheck(baseline: $0, new: blessed, alpha: alpha) }, problem)
  }

  /// Runs the baseline's design with the scenario's seed into a temporary directory, hands it
  /// to `body`, and removes it; first removes those of killed checks (`CheckScratch`).
  private func withRerun<T>(
    of baseline: Baseline, cancellation: Cancellation, progress: (RunProgress) -> Void,
    _ body: (String) throws -> T
  ) throws -> T {
    // The rerun goes into the temporary folder; one that is missing is reported, never created.
    let temporary = NSTemporaryDirectory()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: temporary, isDirectory: &isFolder), isFolder.boolValue else {
      throw OutputError(
        path: temporary,
        reason:
          "the temporary folder (TMPDIR) does not exist; create it or point TMPDIR at a folder that does",
        isSetup: true)
    }
    CheckScratch.removeStale()
    let directory = CheckScratch.newFolder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var plan = ExperimentPlan.defaults(for: scenarioFile, provenance: provenance)
    plan.posterior = try posteriorSampling(for: baseline)
    plan.replications = baseline.replications
    plan.strategies = baseline.strategies
    plan.jobs = jobs
    plan.outputDirectory = directory
    try run(plan, cancellation: cancellation, progress: progress)
    return try body(directory)
  }

  /// The posterior the rerun samples: the baseline's, which `posterior` must be.
  private func posteriorSampling(for baseline: Baseline) throws -> PosteriorSampling? {
    switch (baseline.posterior, posterior) {
    case (nil, nil): return nil
    case (let recorded?, nil):
      throw BaselineError(
        path: baselineDirectory,
        problem: "it ran over the posterior \(recorded.folder) (run.json's SHA-256 \(recorded.sha256))",
        posterior: .give(folder: recorded.folder))
    case (nil, let given?):
      throw BaselineError(
        path: baselineDirectory,
        problem: "it ran at fixed parameters, not over a posterior", posterior: .drop(folder: given.folder))
    case (let recorded?, let given?):
      guard recorded.sha256 == given.sha256 else {
        throw BaselineError(
          path: baselineDirectory,
          problem:
            "it ran over a posterior whose run.json has SHA-256 \(recorded.sha256) (\(recorded.folder))",
          posterior: .differs(folder: given.folder, sha256: given.sha256))
      }
      return try PosteriorSampling.applied(given, runsPerParticle: recorded.runsPerParticle, to: scenarioFile)
    }
  }

  private func run(_ plan: ExperimentPlan, cancellation: Cancellation, progress: (RunProgress) -> Void) throws
  {
    guard
      case .completed = try ExperimentRunner(plan: plan).run(cancellation: cancellation, progress: progress)
    else { throw CheckCancelled() }
  }

  private static func contents(of file: OutputFile, in directory: String) throws(BaselineError) -> Data {
    let path = (directory as NSString).appendingPathComponent(file.rawValue)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BaselineError(path: path, problem: "the file is missing or unreadable")
    }
    return data
  }
}
