import CohortModel
import Foundation
import SimKernel

/// Everything a calibration needs decided before it starts.
public struct CalibrationPlan: Sendable {
  public var scenarioFile: ScenarioFile
  public var targets: CalibrationTargets
  public var targetsSha256: String
  public var factors: ScenarioFactors
  public var settings: ABCSettings
  /// Replications per particle (R).
  public var replications: Int
  /// Posterior-predictive draws from the last generation.
  public var predictiveDraws: Int
  public var outputDirectory: String
  public var overwrite = false
  public var provenance: ProvenanceInfo
  /// The further scenarios of a joint calibration (`"scenarios"` in TARGETS.json), in order.
  public var joint: [JointPart] = []

  /// A further scenario of a joint calibration, read and checked against the parameters.
  public struct JointPart: Sendable {
    public var scenarioFile: ScenarioFile
    public var targets: CalibrationTargets.JointScenario
    public var factors: ScenarioFactors

    /// Reads the scenario `entry` names and checks the shared parameters and its targets against
    /// it, as for the command's own scenario.
    /// - Throws: `CalibrationError` naming the targets file and `scenarios[index]…`, or the
    ///   scenario's own file and field.
    public init(_ entry: CalibrationTargets.JointScenario, index: Int, of targets: CalibrationTargets)
      throws(CalibrationError)
    {
      do {
        scenarioFile = try ScenarioFile.load(entry.scenarioPath)
      } catch {
        throw CalibrationError(
          file: targets.file, path: "scenarios[\(index)].scenario",
          "the scenario does not load: \(error.description)")
      }
      self.targets = entry
      do {
        factors = try CalibrationTargets(
          file: targets.file, parameters: targets.parameters, targets: entry.targets
        )
        .checked(against: scenarioFile)
      } catch {
        throw CalibrationError(
          file: targets.file, path: "scenarios[\(index)]." + error.problem.path,
          "(\(entry.scenarioPath)) " + error.problem.message)
      }
    }
  }

  public init(
    scenarioFile: ScenarioFile, targets: CalibrationTargets, targetsSha256: String, factors: ScenarioFactors,
    settings: ABCSettings, replications: Int, predictiveDraws: Int, outputDirectory: String,
    provenance: ProvenanceInfo
  ) {
    self.scenarioFile = scenarioFile
    self.targets = targets
    self.targetsSha256 = targetsSha256
    self.factors = factors
    self.settings = settings
    self.replications = replications
    self.predictiveDraws = predictiveDraws
    self.outputDirectory = outputDirectory
    self.provenance = provenance
  }

  var model: CalibrationModel {
    let first = CalibrationModel.Part(
      scenarioName: scenarioFile.scenario.name, factors: factors, targets: targets.targets,
      defaultStrategy: scenarioFile.scenario.strategiesToRun[0], replications: replications, index: 0)
    let rest = joint.enumerated().map { offset, part in
      CalibrationModel.Part(
        scenarioName: part.scenarioFile.scenario.name, factors: part.factors, targets: part.targets.targets,
        defaultStrategy: part.scenarioFile.scenario.strategiesToRun[0],
        replications: part.targets.replications ?? replications, index: offset + 1)
    }
    return CalibrationModel(parts: [first] + rest)
  }

  static let files: [OutputFile] = [
    .posterior, .posteriorSummary, .generations, .posteriorPredictive, .provenance,
  ]
}

/// How a calibration ended.
public enum CalibrationOutcome: Sendable {
  /// Published; the last generation's weighted summary, one per parameter.
  case completed(
    generations: [ABCGeneration], stop: ABCStop, summary: [ParameterSummary], elapsedSeconds: Double)
  case cancelled
}

/// One parameter's weighted posterior in the last generation.
public struct ParameterSummary: Sendable, Equatable {
  public var path: String
  public var mean: Double
  public var sd: Double
  public var q025: Double
  public var q50: Double
  public var q975: Double
}

/// Runs ABC-SMC on the cohort model and publishes the folder: posterior.csv, posterior_summary.csv,
/// generations.csv, posterior_predictive.csv and run.json, all at once or not at all.
public struct CalibrationRunner: Sendable {
  public let plan: CalibrationPlan

  public init(plan: CalibrationPlan) { self.plan = plan }

  public func run(cancellation: Cancellation = Cancellation(), progress: (ABCProgress) -> Void = { _ in })
    throws(OutputError) -> CalibrationOutcome
  {
    let startedAt = Date()
    let stopwatch = Stopwatch()
    let model = plan.model
    let sampler = ABCSMC(
      priors: plan.targets.parameters.map(\.prior), settings: plan.settings,
      simulate: { model.simulate($0, seed: $1) }, distance: { model.distance($0) })
    let outputs = try StagedOutputs(
      directory: plan.outputDirectory, files: CalibrationPlan.files,
      record: record(
        startedAt: startedAt, generations: nil, stop: nil, strategies: model.parts[0].strategies),
      overwrite: plan.overwrite)
    let outcome = sampler.run(cancellation: cancellation, progress: progress)
    guard case .completed(let generations, let stop) = outcome else {
      outputs.discard()
      return .cancelled
    }
    guard let last = generations.last else {
      outputs.discard()
      throw OutputError(
        path: plan.outputDirectory,
        reason: "generation 0 accepted fewer than the floor (\(plan.settings.minimumAcceptanceRate)) of its "
          + "prior proposals; nothing written", isSetup: true)
    }
    guard
      let predictive = sampler.posteriorPredictive(
        last, draws: plan.predictiveDraws, cancellation: cancellation)
    else {
      outputs.discard()
      return .cancelled
    }
    let summary = Self.summary(last, paths: plan.targets.parameters.map(\.path))
    do {
      try write(generations, summary: summary, predictive: predictive, model: model, to: outputs)
      try outputs.commit(
        record: record(
          startedAt: startedAt, generations: generations.count, stop: stop,
          strategies: model.parts[0].strategies))
    } catch {
      outputs.discard()
      throw error
    }
    return .completed(
      generations: generations, stop: stop, summary: summary,
      elapsedSeconds: stopwatch.elapsedSeconds)
  }

  /// The weighted mean, sd and quantiles of each parameter (`WeightedSample`'s definitions).
  static func summary(_ generation: ABCGeneration, paths: [String]) -> [ParameterSummary] {
    let sample = WeightedSample(
      points: generation.particles.map(\.values), weights: generation.particles.map(\.weight))
    let mean = sample.mean
    let covariance = sample.covariance
    return paths.enumerated().map { column, path in
      ParameterSummary(
        path: path, mean: mean[column], sd: covariance[column][column].squareRoot(),
        q025: sample.quantile(0.025, column: column), q50: sample.quantile(0.5, column: column),
        q975: sample.quantile(0.975, column: column))
    }
  }

  private func write(
    _ generations: [ABCGeneration], summary: [ParameterSummary],
    predictive: [(particle: Int, statistics: [Double])], model: CalibrationModel, to outputs: StagedOutputs
  ) throws(OutputError) {
    let paths = plan.targets.parameters.map(\.path)
    try outputs[.posterior].appendRow(OutputSchema.posterior.header(tail: paths.map(CSVFormat.text)))
    for generation in generations {
      for (index, particle) in generation.particles.enumerated() {
        try outputs[.posterior].appendRow(
          [
            String(generation.index), String(index), CSVFormat.number(particle.weight),
            CSVFormat.number(particle.distance),
          ]
            + particle.values.map(CSVFormat.number))
      }
    }
    try outputs[.posteriorSummary].appendRow(OutputSchema.posteriorSummary.names)
    for row in summary {
      try outputs[.posteriorSummary].appendRow(
        [CSVFormat.text(row.path)] + [row.mean, row.sd, row.q025, row.q50, row.q975].map(CSVFormat.number))
    }
    try outputs[.generations].appendRow(OutputSchema.generations.names)
    for generation in generations {
      try outputs[.generations].appendRow([
        String(generation.index), CSVFormat.number(generation.epsilon), String(generation.proposals),
        String(generation.simulated), String(generation.simulated * plan.replications),
        String(generation.particles.count), CSVFormat.number(generation.acceptanceRate),
        CSVFormat.number(generation.effectiveSampleSize),
      ])
    }
    try outputs[.posteriorPredictive].appendRow(OutputSchema.posteriorPredictive.names)
    for (draw, result) in predictive.enumerated() {
      for (index, (target, value)) in zip(model.targets, result.statistics).enumerated() {
        try outputs[.posteriorPredictive].appendRow([
          String(draw), String(result.particle), target.metric.rawValue,
          CSVFormat.text(model.targetStrategies[index]), CSVFormat.number(value),
          CSVFormat.number(target.band.low), CSVFormat.number(target.band.high),
          CSVFormat.boolean(target.holds(value)), CSVFormat.text(model.targetScenarios[index]),
        ])
      }
    }
  }

  /// The calibration's `run.json`; before the sampler has run, without generations run or stop.
  private func record(startedAt: Date, generations: Int?, stop: ABCStop?, strategies: [String]) -> RunRecord {
    let model = plan.model
    let header = RunHeader(
      plan.provenance, scenarioFile: plan.scenarioFile.path, scenarioSha256: plan.scenarioFile.sha256,
      masterSeed: plan.settings.seed, replications: plan.replications, strategies: strategies,
      jobs: plan.settings.jobs, startedAt: startedAt)
    let details = CalibrationDetails(
      targetsFile: URL(fileURLWithPath: plan.targets.file).standardizedFileURL.path,
      targetsSha256: plan.targetsSha256, particles: plan.settings.particles,
      generations: plan.settings.generations,
      generationsRun: generations, stop: stop?.rawValue, predictiveDraws: plan.predictiveDraws,
      epsilonQuantile: plan.settings.epsilonQuantile,
      minimumAcceptanceRate: plan.settings.minimumAcceptanceRate,
      distance: "euclidean norm of |mean - centre| / (tolerance or half the range) over targets",
      parameters: plan.targets.parameters.map { .init(path: $0.path, prior: $0.prior) },
      targets: model.targets.enumerated().map { index, target in
        .init(
          metric: target.metric.rawValue, strategy: model.targetStrategies[index], low: target.band.low,
          high: target.band.high, source: target.source, scenario: model.targetScenarios[index])
      },
      jointScenarios: plan.joint.map {
        .init(
          scenarioFile: URL(fileURLWithPath: $0.scenarioFile.path).standardizedFileURL.path,
          scenarioSha256: $0.scenarioFile.sha256,
          targetsFile: URL(fileURLWithPath: $0.targets.targetsFile).standardizedFileURL.path,
          replications: $0.targets.replications ?? plan.replications)
      })
    return RunRecord(header: header, kind: .calibrate(details))
  }

  /// The scenario with each parameter at its posterior median and `description` naming the run,
  /// as pretty-printed JSON; it decodes as a scenario (checked).
  /// - Throws: `SweepError` when the scenario refuses the medians.
  public static func applied(
    _ plan: CalibrationPlan, summary: [ParameterSummary]
  ) throws(SweepError) -> Data {
    let medians = summary.map(\.q50)
    let assignment = summary.map { "\($0.path) = \(CSVFormat.number($0.q50))" }.joined(separator: ", ")
    let old = plan.scenarioFile.scenario.description
    let description =
      (old.isEmpty ? "" : old + " ")
      + "Calibrated by 'cohortsim calibrate' (results in \(plan.outputDirectory), targets \(plan.targets.file), seed "
      + "\(plan.settings.seed)): posterior medians \(assignment)."
    let data = try plan.factors.edited(
      point: 0, values: medians, extra: ["description": description], pretty: true)
    _ = try plan.factors.scenario(point: 0, values: medians)
    return data + Data("\n".utf8)
  }
}
