import CohortModel
import Foundation
import SimKernel

/// What a sweep evaluates at one design point and replication: the cohort model in a real sweep,
/// a test function (Ishigami's) in the test suite, so the engine is checked against analytic
/// indices.
public protocol SweepEvaluator: Sendable {
  /// Output groups, in output order (the model's placement strategies).
  var strategies: [String] { get }
  /// Output columns, in output order (the model's metrics).
  var metrics: [String] { get }
  /// One replication at one point: `[strategy][metric]`.
  func evaluate(point: Int, values: [Double], replicationSeed: UInt64) -> [[Double]]
}

/// Everything a sweep needs decided before it starts.
public struct SweepPlan: Sendable {
  public var design: SweepDesign
  public var points: DesignPoints
  public var scenarioFile: String
  public var scenarioSha256: String
  /// Replication r of every point uses `SeedDerivation.replicationSeed(master:replication: r)`.
  public var masterSeed: UInt64
  public var replications: Int
  public var jobs: Int
  public var outputDirectory: String
  public var shard: Shard?
  /// Continue from the points a checkpoint beside `outputDirectory` holds.
  public var resume = false
  /// Replace an output folder holding a run with other settings (`--overwrite`).
  public var overwrite = false
  public var provenance: ProvenanceInfo

  public init(
    design: SweepDesign, scenarioFile: String, scenarioSha256: String, masterSeed: UInt64, replications: Int,
    jobs: Int, outputDirectory: String, shard: Shard? = nil, provenance: ProvenanceInfo
  ) {
    self.design = design
    self.points = DesignPoints(design)
    self.scenarioFile = scenarioFile
    self.scenarioSha256 = scenarioSha256
    self.masterSeed = masterSeed
    self.replications = replications
    self.jobs = jobs
    self.outputDirectory = outputDirectory
    self.shard = shard
    self.provenance = provenance
  }

  /// The design points this run computes: all, or the shard's contiguous block.
  public var block: Range<Int> { shard?.replications(of: points.count) ?? 0..<points.count }

  /// Whether this run writes `sensitivity.csv`: a whole sweep of a sobol or morris design.
  var writesSensitivity: Bool { shard == nil && (design.method == .sobol || design.method == .morris) }

  var outputFiles: [OutputFile] {
    [.design, .points, .replications] + (writesSensitivity ? [.sensitivity] : []) + [.provenance]
  }
}

/// How far a sweep has got.
public struct SweepProgress: Sendable {
  public var pointsDone: Int
  public var points: Int
  /// Point-replications done and planned, resumed ones included.
  public var evaluationsDone: Int
  public var evaluations: Int
  /// Point-replications resumed from the checkpoint rather than computed.
  public var resumed: Int
  public var elapsedSeconds: Double

  /// The same progress as the runner's, counting point-replications, for `run`'s progress line.
  public var runProgress: RunProgress {
    RunProgress(
      completed: evaluationsDone, planned: evaluations, isOpenEnded: false, elapsedSeconds: elapsedSeconds)
  }
}

/// How a sweep ended.
public enum SweepOutcome: Sendable {
  case completed(points: Int, elapsedSeconds: Double)
  /// Interrupted: no result file published; the checkpoint keeps `pointsDone` points.
  case cancelled(pointsDone: Int)
}

/// Runs every (point, replication) of a design in parallel, consumes them in design order, writes
/// the rows as they arrive and the sensitivity indices at the end, and publishes every file at
/// once. Memory holds the design, one mean per point, strategy and metric, and the rows of the
/// points in flight — nothing per replication once its point is done.
public struct SweepRunner<Evaluator: SweepEvaluator>: Sendable {
  public let plan: SweepPlan
  public let evaluator: Evaluator

  public init(plan: SweepPlan, evaluator: Evaluator) {
    self.plan = plan
    self.evaluator = evaluator
  }

  /// - Throws: `OutputError` when a file cannot be written; partial files are removed first.
  public func run(cancellation: Cancellation = Cancellation(), progress: (SweepProgress) -> Void = { _ in })
    throws(OutputError) -> SweepOutcome
  {
    let startedAt = Date()
    let stopwatch = Stopwatch()
    let plan = plan
    let strategies = evaluator.strategies
    let metrics = evaluator.metrics
    let replications = plan.replications
    let block = plan.block
    let record = record(startedAt: startedAt, strategies: strategies)
    let outputs = try StagedOutputs(
      directory: plan.outputDirectory, files: plan.outputFiles, record: record, overwrite: plan.overwrite)
    let checkpoint = SweepCheckpoint(directory: plan.outputDirectory)
    do {
      try outputs[.design].append(SweepColumns.line(SweepColumns.design(factors: plan.design.factors)))
      for point in 0..<plan.points.count {
        try outputs[.design].appendRow(
          SweepColumns.designRow(point: point, values: plan.points.values(at: point)))
      }
      try outputs[.points].append(SweepColumns.line(SweepColumns.points))
      let header = SweepColumns.line(SweepColumns.replications(metrics: metrics))
      try outputs[.replications].append(header)
      let seeds = (0..<replications).map {
        SeedDerivation.replicationSeed(master: plan.masterSeed, replication: $0)
      }
      let resumed = try checkpoint.open(
        fingerprint: fingerprint(), header: header, resume: plan.resume, strategies: strategies.count,
        metrics: metrics.count, replications: replications, firstPoint: block.lowerBound, seed: { seeds[$0] })
      var consumer = SweepConsumer(
        outputs: outputs, checkpoint: checkpoint, strategies: strategies, metrics: metrics,
        replications: replications, block: block)
      for row in resumed {
        try consumer.consume(
          point: row.point, replication: row.replication, seed: row.seed, row.outputs, replay: true)
      }
      let firstToRun = block.lowerBound + resumed.count / max(1, replications)
      let evaluations = block.count * replications
      func report() {
        progress(
          SweepProgress(
            pointsDone: consumer.pointsDone, points: block.count, evaluationsDone: consumer.evaluationsDone,
            evaluations: evaluations, resumed: resumed.count, elapsedSeconds: stopwatch.elapsedSeconds))
      }
      let evaluator = evaluator
      let points = plan.points
      let offset = firstToRun * replications
      let completion = try orderedParallelMap(
        offset..<(block.upperBound * replications), jobs: plan.jobs, cancellation: cancellation,
        work: { index in
          let point = index / replications
          return evaluator.evaluate(
            point: point, values: points.values(at: point), replicationSeed: seeds[index % replications])
        },
        consume: { (index: Int, result: [[Double]]) throws(OutputError) in
          try consumer.consume(
            point: index / replications, replication: index % replications, seed: seeds[index % replications],
            result, replay: false)
          report()
        }, idle: report)
      if completion == .cancelled || cancellation.isCancelled {
        outputs.discard()
        checkpoint.keep()
        return .cancelled(pointsDone: consumer.pointsDone)
      }
      if plan.writesSensitivity {
        try writeSensitivity(
          means: consumer.means, outputs: outputs, strategies: strategies, metrics: metrics)
      }
      try outputs.commit(record: record)
      checkpoint.remove()
      return .completed(points: block.count, elapsedSeconds: stopwatch.elapsedSeconds)
    } catch {
      outputs.discard()
      checkpoint.keep()
      throw error
    }
  }

  /// The indices of every strategy and metric, in that order, written to `sensitivity.csv`.
  private func writeSensitivity(
    means: [[[Double]]], outputs: StagedOutputs, strategies: [String], metrics: [String]
  ) throws(OutputError) {
    try outputs[.sensitivity].append(SweepColumns.line(SweepColumns.sensitivity))
    for row in SweepSensitivity.rows(
      design: plan.design, points: plan.points, means: means, strategies: strategies, metrics: metrics)
    {
      try outputs[.sensitivity].appendRow(row)
    }
  }

  /// What a checkpoint must match to be resumed.
  private func fingerprint() -> String {
    let parts: [String] = [
      plan.provenance.version, plan.scenarioSha256,
      SweepDetails(design: plan.design, points: plan.points.count).designSha256,
      String(plan.masterSeed), String(plan.replications), evaluator.strategies.joined(separator: ";"),
      evaluator.metrics.joined(separator: ";"), plan.shard?.description ?? "all",
    ]
    return parts.joined(separator: " ")
  }

  /// The sweep's `run.json`.
  private func record(startedAt: Date, strategies: [String]) -> RunRecord {
    let header = RunHeader(
      plan.provenance, scenarioFile: plan.scenarioFile, scenarioSha256: plan.scenarioSha256,
      masterSeed: plan.masterSeed, replications: plan.replications, strategies: strategies, jobs: plan.jobs,
      startedAt: startedAt)
    let extent = plan.shard.map { RunExtent.shard(ShardRecord($0, of: plan.points.count, unit: .points)) }
    return RunRecord(
      header: header,
      kind: .sweep(SweepDetails(design: plan.design, points: plan.points.count), extent ?? .whole))
  }
}

/// The consuming side of a sweep: rows to the files in design order, per-point moments, and one
/// mean per point, strategy and metric for the indices. Shared by the runner and the resume
/// replay, so a resumed sweep writes what an uninterrupted one does.
struct SweepConsumer {
  let outputs: StagedOutputs
  let checkpoint: SweepCheckpoint
  let strategies: [String]
  let metrics: [String]
  let replications: Int
  let block: Range<Int>
  /// [strategy][metric][point − block start].
  private(set) var means: [[[Double]]]
  private(set) var pointsDone = 0
  private(set) var evaluationsDone = 0
  private var moments: [[RunningMoments]]
  private var pendingRows = ""

  init(
    outputs: StagedOutputs, checkpoint: SweepCheckpoint, strategies: [String], metrics: [String],
    replications: Int,
    block: Range<Int>
  ) {
    self.outputs = outputs
    self.checkpoint = checkpoint
    self.strategies = strategies
    self.metrics = metrics
    self.replications = replications
    self.block = block
    means = Array(repeating: Array(repeating: [], count: metrics.count), count: strategies.count)
    moments = Array(
      repeating: Array(repeating: RunningMoments(), count: metrics.count), count: strategies.count)
  }

  mutating func consume(point: Int, replication: Int, seed: UInt64, _ result: [[Double]], replay: Bool)
    throws(OutputError)
  {
    for (strategyIndex, strategy) in strategies.enumerated() {
      let row = CSVFormat.row(
        SweepColumns.replicationRow(
          point: point, strategy: strategy, replication: replication, seed: seed,
          values: result[strategyIndex]))
      try outputs[.replications].append(row)
      if !replay { pendingRows += row }
      for metric in metrics.indices { moments[strategyIndex][metric].add(result[strategyIndex][metric]) }
    }
    evaluationsDone += 1
    guard replication == replications - 1 else { return }
    for (strategyIndex, strategy) in strategies.enumerated() {
      for (metricIndex, metric) in metrics.enumerated() {
        let summary = moments[strategyIndex][metricIndex]
        try outputs[.points].appendRow(
          SweepColumns.pointRow(point: point, strategy: strategy, metric: metric, summary))
        means[strategyIndex][metricIndex].append(summary.mean)
        moments[strategyIndex][metricIndex] = RunningMoments()
      }
    }
    if !replay {
      try checkpoint.append(pendingRows)
      pendingRows = ""
    }
    pointsDone += 1
  }
}
