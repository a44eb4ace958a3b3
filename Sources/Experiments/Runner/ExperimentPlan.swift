import CohortModel
import Foundation

/// Everything a run needs decided before it starts: what to simulate, how many times, where the
/// results go. The executable builds it from flags and the scenario's defaults; tests build it
/// directly.
public struct ExperimentPlan: Sendable {
  public var scenarioFile: ScenarioFile
  /// The run's master seed; replication `r` uses `SeedDerivation.replicationSeed(master:replication:)`.
  public var masterSeed: UInt64
  /// When set, replication 0 uses exactly this seed instead of deriving it from `masterSeed`:
  /// `--replication-seed` reruns one replication alone from the `seed` (or `seed_hex`) that
  /// `replications.csv` lists for it.
  public var replicationSeed: UInt64?
  /// Replications to run; with a `precisionTarget`, the size of each batch is derived from it.
  public var replications: Int
  /// Strategies simulated in every replication, with that replication's seed (common random
  /// numbers), in the order the outputs list them.
  public var strategies: [String]
  /// When set, the run is a comparison: `comparison.csv` gives every strategy minus this one.
  public var reference: String?
  /// Worker threads. Changes the speed only, never a byte of the CSV outputs.
  public var jobs: Int
  public var outputDirectory: String
  /// Write `students.csv`.
  public var writeStudents = false
  /// Write `trace.csv` (first replication of the first strategy).
  public var writeTrace = false
  /// Keep adding batches of replications until a confidence interval is narrow enough.
  public var precisionTarget: PrecisionTarget?
  /// Choose the best strategy with Kim and Nelson's procedure, adding replications until one
  /// remains or the cap. Not combined with a `precisionTarget` or a `shard`.
  public var selection: BestSelection?
  /// Run only this shard's block of the `replications` and write a shard folder for
  /// `ShardMerge` (no summaries). Not combined with a `precisionTarget`.
  public var shard: Shard?
  /// With `--posterior`: each group of replications runs under a particle drawn from a
  /// calibration's posterior instead of the scenario's own values of the calibrated fields.
  public var posterior: PosteriorSampling?
  /// Recorded in `run.json`.
  public var provenance: ProvenanceInfo
  /// Replace an output folder that holds a run with other settings (`--overwrite`). A folder
  /// holding the same run is replaced without it; one holding files cohortsim did not write
  /// never is.
  public var overwrite = false

  public init(
    scenarioFile: ScenarioFile, masterSeed: UInt64, replications: Int, strategies: [String],
    reference: String? = nil, jobs: Int, outputDirectory: String, provenance: ProvenanceInfo
  ) {
    self.scenarioFile = scenarioFile
    self.masterSeed = masterSeed
    self.replications = replications
    self.strategies = strategies
    self.reference = reference
    self.jobs = jobs
    self.outputDirectory = outputDirectory
    self.provenance = provenance
  }

  /// The scenario's own defaults: its replications, seed and `strategiesToRun`, results in
  /// `Results/<scenario name>/`, one thread per core.
  public static func defaults(for scenarioFile: ScenarioFile, provenance: ProvenanceInfo) -> ExperimentPlan {
    let scenario = scenarioFile.scenario
    return ExperimentPlan(
      scenarioFile: scenarioFile, masterSeed: scenario.seed, replications: scenario.replications,
      strategies: scenario.strategiesToRun, jobs: ExperimentPlan.defaultJobs,
      outputDirectory: "Results/\(scenario.name)", provenance: provenance)
  }

  /// The number of active cores.
  public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
