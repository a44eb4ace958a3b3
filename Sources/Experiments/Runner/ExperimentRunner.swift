import CohortModel
import Foundation
import SimKernel

/// Simulates one replication under one strategy: `Replication.run` in a real run, a stand-in in
/// tests of the runner itself.
public typealias ReplicationFunction =
  @Sendable (_ strategy: String, _ replicationSeed: UInt64, _ monitor: inout OutputMonitor) ->
  ReplicationMetrics

/// Simulates one replication under one strategy and one particle of the plan's posterior (an
/// index into `Posterior.particles`; 0 in a run without one).
public typealias ParticleReplicationFunction =
  @Sendable (_ particle: Int, _ strategy: String, _ replicationSeed: UInt64, _ monitor: inout OutputMonitor)
  ->
  ReplicationMetrics

/// How far a run has got, for a progress line.
public struct RunProgress: Sendable {
  /// Replications consumed (every strategy of each done), in order.
  public var completed: Int
  /// Replications planned; with `--until`, the ceiling.
  public var planned: Int
  /// True with `--until`: the run may stop well before `planned`.
  public var isOpenEnded: Bool
  public var elapsedSeconds: Double

  public init(completed: Int, planned: Int, isOpenEnded: Bool, elapsedSeconds: Double) {
    self.completed = completed
    self.planned = planned
    self.isOpenEnded = isOpenEnded
    self.elapsedSeconds = elapsedSeconds
  }
}

/// What a completed run produced.
public struct RunReport: Sendable {
  public var outputDirectory: String
  /// The files written, in the order they were opened.
  public var files: [OutputFile]
  public var replications: Int
  public var strategies: [String]
  public var summaries: [MetricSummary]
  /// Empty unless the plan had a reference.
  public var comparisons: [MetricComparison]
  /// With `--select-best`: how the selection ended.
  public var selection: SelectionResult? = nil
  /// With `--until`: whether the interval reached the target before the ceiling.
  public var targetReached: Bool?
  public var elapsedSeconds: Double
  /// Graduates per program cohort (program and intake year with at least one graduate), averaged
  /// over cohorts, strategies and replications: what a difference in a share of graduates is
  /// multiplied by to read as graduates. Nil when the run saw no graduate.
  public var meanCohortSize: Double? = nil
  /// Set when the run was one shard; `summaries` then describe that shard's replications alone
  /// and were not written.
  public var shard: Shard? = nil
}

/// How a run ended.
public enum RunOutcome: Sendable {
  case completed(RunReport)
  /// Stopped by `Cancellation`; no partial file remains and earlier results are untouched.
  case cancelled
  /// A `--until` run stopped after its first batch because its metric had no value (NA in
  /// every replication) under `strategy`, so no number of replications could narrow its
  /// interval; nothing was written.
  case targetWithoutData(metric: Metric, strategy: String, replications: Int)
}

/// The Monte Carlo runner: replications in parallel, results consumed in replication order,
/// aggregated as they arrive and streamed to disk, published only when complete.
///
/// Every replication runs every strategy of the plan with the replication's own seed, so
/// strategies are compared under common random numbers. Memory depends on `jobs` and the number
/// of strategies and metrics, not on the number of replications.
public struct ExperimentRunner: Sendable {
  public let plan: ExperimentPlan
  private let replicate: ParticleReplicationFunction

  /// A runner for `plan`; `replicate` defaults to the cohort model itself, under the scenario of
  /// each particle in a posterior run.
  public init(plan: ExperimentPlan, replicate: ReplicationFunction? = nil) {
    self.plan = plan
    if let replicate {
      self.replicate = { _, strategy, seed, monitor in replicate(strategy, seed, &monitor) }
    } else if let posterior = plan.posterior {
      precondition(
        posterior.scenarios.count == posterior.posterior.particles.count, "a scenario per particle")
      let models = posterior.scenarios.map(ExperimentRunner.model)
      self.replicate = { particle, strategy, seed, monitor in models[particle](strategy, seed, &monitor) }
    } else {
      let model = ExperimentRunner.model(plan.scenarioFile.scenario)
      self.replicate = { _, strategy, seed, monitor in model(strategy, seed, &monitor) }
    }
  }

  /// A runner whose replications depend on the particle: a toy model in tests of posterior runs.
  public init(plan: ExperimentPlan, replicateParticle: @escaping ParticleReplicationFunction) {
    self.plan = plan
    replicate = replicateParticle
  }

  /// The cohort model as a replication function.
  public static func model(_ scenario: Scenario) -> ReplicationFunction {
    { strategy, seed, monitor in
      Replication.run(scenario: scenario, strategy: strategy, replicationSeed: seed, monitor: &monitor)
        .metrics
    }
  }

  /// The files this plan writes, in the order they are opened. A shard writes no summaries:
  /// they would describe a fraction of the run, and `cohortsim merge` computes the real ones
  /// (the over-time files from the shard's `outcomes.csv`).
  public var outputFiles: [OutputFile] {
    if plan.shard != nil {
      return [.replications, .shardOutcomes] + (plan.writeStudents ? [.students, .sites] : [])
        + (plan.writeTrace ? [.trace] : []) + [.provenance]
    }
    return [.summary, .replications] + (plan.reference == nil ? [] : [.comparison])
      + (plan.selection == nil ? [] : [.selection]) + [.timeToOffer, .cohorts, .timeline]
      + (plan.scenarioFile.scenario.currentStudents == nil ? [] : [.currentStudents])
      + (plan.writeStudents ? [.students, .sites] : [])
      + (plan.writeTrace ? [.trace] : []) + [.provenance]
  }

  /// Runs the plan. `progress` is called on the calling thread after each replication and a few
  /// times a second while waiting; `cancellation` stops the run between replications.
  /// - Throws: `OutputError` when a file cannot be written; partial files are removed first.
  public func run(
    cancellation: Cancellation = Cancellation(), progress: (RunProgress) -> Void = { _ in }
  ) throws(OutputError) -> RunOutcome {
    precondition(
      plan.shard == nil || (plan.precisionTarget == nil && plan.selection == nil),
      "a shard has a fixed number of replications")
    precondition(plan.precisionTarget == nil || plan.selection == nil, "one stopping rule at a time")
    let startedAt = Date()
    let stopwatch = Stopwatch()
    let outputs = try StagedOutputs(
      directory: plan.outputDirectory, files: outputFiles,
      record: record(
        startedAt: startedAt, replications: plan.replications, targetReached: nil, selected: nil),
      overwrite: plan.overwrite)
    do {
      var aggregate = ExperimentAggregate(
        strategies: plan.strategies, reference: plan.reference, splitsVariance: plan.posterior != nil)
      let scenario = plan.scenarioFile.scenario
      let writer = ReplicationWriter(
        outputs: outputs, strategies: plan.strategies, siteNames: World.siteNames(scenario),
        systemNames: World.systemNames(scenario), startYear: scenario.startYear,
        posteriorRun: plan.posterior != nil)
      try writer.writeHeaders()
      var outcomes = OutcomeAggregate(
        strategies: plan.strategies, startYear: plan.scenarioFile.scenario.startYear)
      var selection = plan.selection.map { SelectionTracker(rule: $0, strategies: plan.strategies) }
      var currentStudents = plan.scenarioFile.scenario.currentStudents.map {
        CurrentStudentTally(strategies: plan.strategies, students: $0.students.map(\.id))
      }
      let planned =
        plan.precisionTarget?.maxReplications ?? plan.selection?.maxReplications
        ?? plan.shard?.replications(of: plan.replications).count ?? plan.replications
      func report() {
        progress(
          RunProgress(
            completed: aggregate.replications, planned: planned,
            isOpenEnded: plan.precisionTarget != nil || plan.selection != nil,
            elapsedSeconds: stopwatch.elapsedSeconds))
      }
      var targetReached: Bool?
      for batch in batches() {
        let completion = try orderedParallelMap(
          batch, jobs: plan.jobs, cancellation: cancellation, work: work,
          consume: { (index: Int, output: ReplicationOutput) throws(OutputError) in
            try writer.write(output)
            aggregate.add(
              output.runs.map(\.metrics), particleGroup: plan.posterior?.group(ofReplication: output.index))
            selection?.add(output.runs.map(\.metrics), replication: output.index)
            if plan.shard == nil { outcomes.add(output.runs.map { $0.outcomes! }) }
            currentStudents?.add(output.runs.map(\.currentStudents))
            report()
          }, idle: report)
        if completion == .cancelled || cancellation.isCancelled {
          outputs.discard()
          return .cancelled
        }
        if let target = plan.precisionTarget {
          if let empty = plan.strategies.indices.first(where: {
            aggregate.valueCount(strategyIndex: $0, metric: target.metric) == 0
          }) {
            outputs.discard()
            return .targetWithoutData(
              metric: target.metric, strategy: plan.strategies[empty], replications: aggregate.replications)
          }
          targetReached = target.isMet(by: aggregate)
          if targetReached == true { break }
        }
        if selection?.isDone == true { break }
      }
      let summaries = aggregate.summaries()
      let comparisons = aggregate.comparisons()
      if plan.shard == nil { try writer.writeSummaries(summaries, comparisons: comparisons) }
      if let selection { try writer.writeSelection(selection.result) }
      if plan.shard == nil { try writer.writeOutcomes(outcomes) }
      if let currentStudents, plan.shard == nil { try writer.writeCurrentStudents(currentStudents) }
      try outputs.commit(
        record: record(
          startedAt: startedAt, replications: plan.shard == nil ? aggregate.replications : plan.replications,
          targetReached: targetReached, selected: selection?.result.selected))
      return .completed(
        RunReport(
          outputDirectory: plan.outputDirectory, files: outputFiles, replications: aggregate.replications,
          strategies: plan.strategies, summaries: summaries, comparisons: comparisons,
          selection: selection?.result, targetReached: targetReached,
          elapsedSeconds: stopwatch.elapsedSeconds,
          meanCohortSize: outcomes.meanCohortSize, shard: plan.shard))
    } catch {
      outputs.discard()
      throw error
    }
  }

  /// The replication indices to run, in batches: without a precision target one batch, of the
  /// whole run or of the shard's block; otherwise `batchSize` at a time up to the ceiling. Lazy,
  /// so a high ceiling costs nothing.
  func batches() -> some Sequence<Range<Int>> {
    let block = plan.shard?.replications(of: plan.replications) ?? 0..<plan.replications
    let (start, size, end) =
      plan.precisionTarget.map { (0, $0.batchSize, $0.maxReplications) }
      ?? plan.selection.map { (0, $0.batchSize, $0.maxReplications) }
      ?? (block.lowerBound, max(1, block.count), block.upperBound)
    return stride(from: start, to: end, by: size).lazy.map { $0..<min($0 + size, end) }
  }

  /// What a worker thread does for replication `index`: every strategy, same seed and, in a
  /// posterior run, the same particle (drawn once per replication, never per strategy, so that
  /// differences between strategies stay paired).
  private var work: @Sendable (Int) -> ReplicationOutput {
    let plan = plan
    let replicate = replicate
    let horizon = plan.scenarioFile.scenario.horizonDays
    return { index in
      let seed =
        plan.replicationSeed ?? SeedDerivation.replicationSeed(master: plan.masterSeed, replication: index)
      let particle = plan.posterior?.particleIndex(masterSeed: plan.masterSeed, replication: index)
      // Every strategy of a replication runs on the same world (common random numbers), which
      // each run reports (`ReplicationMonitor.sites`): the first one's sites are the replication's.
      var sites: [Site] = []
      let runs = plan.strategies.enumerated().map { strategyIndex, strategy in
        // Every student's outcome and every requisition's are always kept: the over-time files
        // (a shard's outcomes.csv) need them, and sites.csv's hiring columns.
        var monitor = OutputMonitor(
          wantsTrace: plan.writeTrace && index == 0 && strategyIndex == 0, wantsStudents: true,
          wantsRequisitions: true)
        let metrics = replicate(particle ?? 0, strategy, seed, &monitor)
        if strategyIndex == 0 && plan.writeStudents { sites = monitor.sites }
        return ReplicationOutput.StrategyRun(
          metrics: metrics, students: plan.writeStudents ? monitor.students : [], trace: monitor.traces,
          outcomes: ReplicationOutcomes(
            students: monitor.students, requisitions: monitor.requisitionOutcomes, horizon: horizon),
          siteFigures: plan.writeStudents
            ? SiteFigures.make(
              siteCount: monitor.sites.count, students: monitor.students,
              requisitions: monitor.requisitionOutcomes ?? [])
            : [],
          currentStudents: monitor.currentStudentOutcomes)
      }
      return ReplicationOutput(
        index: index, seed: seed, runs: runs, sites: sites,
        particle: particle.map { plan.posterior!.posterior.particles[$0].row })
    }
  }

  /// The run's `run.json`; before the run ends, with the planned replications, no target reached
  /// and nothing selected.
  private func record(startedAt: Date, replications: Int, targetReached: Bool?, selected: String?)
    -> RunRecord
  {
    let until = plan.precisionTarget.map { target in
      RunDetails.Until(
        metric: target.metric.rawValue, halfWidth: target.halfWidth, batchSize: target.batchSize,
        maxReplications: target.maxReplications, reached: targetReached ?? false,
        intervals: target.scope == .differencesFromReference ? "differences_from_reference" : nil)
    }
    let header = RunHeader(
      plan.provenance, scenarioFile: plan.scenarioFile.path, scenarioSha256: plan.scenarioFile.sha256,
      masterSeed: plan.masterSeed, replications: replications, strategies: plan.strategies, jobs: plan.jobs,
      startedAt: startedAt)
    let scenario = plan.scenarioFile.scenario
    let details = RunDetails(
      sitesCsvFile: scenario.sitesSpreadsheet.map { URL(fileURLWithPath: $0.file).standardizedFileURL.path },
      sitesCsvSha256: plan.scenarioFile.sitesCsvSha256,
      currentStudentsFile: scenario.currentStudents.map {
        URL(fileURLWithPath: $0.file).standardizedFileURL.path
      },
      currentStudentsSha256: plan.scenarioFile.currentStudentsSha256,
      asOf: scenario.currentStudents?.asOfDate,
      modelDefaults: ModelDefaults.calibration,
      inheritedChangedDefaults: plan.scenarioFile.changedDefaults.map(\.path),
      reference: plan.reference, until: until,
      selectBest: plan.selection.map { RunDetails.SelectBest($0, selected: selected) },
      posterior: plan.posterior.map(RunDetails.PosteriorRecord.init))
    let extent = plan.shard.map {
      RunExtent.shard(ShardRecord($0, of: plan.replications, unit: .replications))
    }
    return RunRecord(header: header, kind: .run(details, extent ?? .whole))
  }
}
