import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The committed joint calibration, whose last generation's particle 3 is the model's defaults.
private func jointPosterior() throws -> Posterior {
  try Posterior.load(root.appendingPathComponent("Results/calibration-joint").path)
}

/// `posterior` with only the particle numbered `row`.
private func concentrated(_ posterior: Posterior, at row: Int) -> Posterior {
  Posterior(
    folder: posterior.folder, sha256: posterior.sha256, paths: posterior.paths,
    generation: posterior.generation, particles: posterior.particles.filter { $0.row == row })
}

/// Two particles, rows 10 and 20, weights 1/4 and 3/4, of one made-up field.
private let twoPoints = Posterior(
  folder: "two-points", sha256: String(repeating: "0", count: 64), paths: ["hiring.applyProbability"],
  generation: 0,
  particles: [
    Posterior.Particle(row: 10, weight: 0.25, values: [0.2]),
    Posterior.Particle(row: 20, weight: 0.75, values: [0.6]),
  ])

/// A toy model: every metric is `level(particle) + offset(strategy) + noise · (uniform(seed) − ½)`.
private func toy(
  level: @escaping @Sendable (Int) -> Double, noise: Double = 0,
  offset: @escaping @Sendable (String) -> Double = { _ in 0 }
) -> ParticleReplicationFunction {
  { particle, strategy, seed, _ in
    var metrics = ReplicationMetrics()
    for index in metrics.values.indices {
      metrics.values[index] = level(particle) + offset(strategy) + noise * (uniform(seed, index) - 0.5)
    }
    return metrics
  }
}

/// The `particle` column of `replications.csv`, row by row.
private func particleColumn(_ directory: String) -> [Int] {
  records(directory, .replications).dropFirst().map { Int($0.split(separator: ",")[4])! }
}

@Suite("runs over a calibration's posterior")
struct PosteriorRunTests {
  @Test("a posterior concentrated on the defaults' particle reproduces the fixed run's replications")
  func concentratedPosterior() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var fixed = try tinyPlan(in: directory, replications: 4)
    fixed.outputDirectory = directory + "/fixed"
    let fixedReport = try completedReport(ExperimentRunner(plan: fixed))
    var plan = fixed
    plan.outputDirectory = directory + "/posterior"
    plan.posterior = try PosteriorSampling.applied(
      concentrated(try jointPosterior(), at: 3), runsPerParticle: 2, to: fixed.scenarioFile)
    let report = try completedReport(ExperimentRunner(plan: plan))
    for (mine, theirs) in zip(report.summaries, fixedReport.summaries) where theirs.count > 1 {
      #expect(mine.mean >= theirs.interval.low && mine.mean <= theirs.interval.high)
    }
    // The particle's stream is its own: each replication draws exactly what the fixed run drew.
    let withoutParticle = records(plan.outputDirectory, .replications).map {
      var fields = $0.split(separator: ",", omittingEmptySubsequences: false)
      fields.remove(at: 4)
      return fields.joined(separator: ",")
    }
    #expect(
      Array(withoutParticle.dropFirst()) == Array(records(fixed.outputDirectory, .replications).dropFirst()))
    #expect(particleColumn(plan.outputDirectory) == [3, 3, 3, 3])
  }

  @Test("a posterior concentrated elsewhere runs the model at that particle's values")
  func concentratedElsewhere() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var fixed = try tinyPlan(in: directory, replications: 3)
    fixed.outputDirectory = directory + "/fixed"
    _ = try completedReport(ExperimentRunner(plan: fixed))
    var plan = fixed
    plan.outputDirectory = directory + "/posterior"
    let posterior = concentrated(try jointPosterior(), at: 1)
    plan.posterior = try PosteriorSampling.applied(posterior, runsPerParticle: 1, to: fixed.scenarioFile)
    #expect(plan.posterior!.scenarios[0].hiring.holdWindowDays == posterior.particles[0].values[2])
    _ = try completedReport(ExperimentRunner(plan: plan))
    let metrics = { (directory: String) in
      records(directory, .replications).dropFirst().map {
        $0.split(separator: ",").suffix(Metric.allCases.count)
      }
    }
    #expect(metrics(plan.outputDirectory) != metrics(fixed.outputDirectory))
  }

  @Test("a two-point posterior gives the mixture's mean and variance")
  func twoPointMixture() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 800, strategies: ["a"])
    plan.posterior = PosteriorSampling(posterior: twoPoints, runsPerParticle: 1)
    // Output 0 at row 10 (weight 1/4) and 1 at row 20 (weight 3/4): mean 3/4, variance 3/16.
    let report = try completedReport(
      ExperimentRunner(plan: plan, replicateParticle: toy(level: { Double($0) })))
    let placed = report.summaries.first { $0.metric == .placed6m }!
    #expect(placed.interval.low <= 0.75 && 0.75 <= placed.interval.high)
    #expect(abs(placed.standardDeviation * placed.standardDeviation - 3.0 / 16) < 0.02)
    // Each replication's value is its particle's known output.
    let rows = records(plan.outputDirectory, .replications).dropFirst().map { $0.split(separator: ",") }
    for row in rows {
      #expect(Double(row[5])! == (row[4] == "10" ? 0 : 1))
    }
    #expect(placed.varianceSplit?.parameterShare.isNaN == true)
  }

  @Test("with K runs per particle the split recovers a toy's known parameter and chance variances")
  func knownSplit() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 2000, strategies: ["a"])
    plan.posterior = PosteriorSampling(posterior: twoPoints, runsPerParticle: 4)
    // Levels 0 and 2 with weights 1/4, 3/4: σ²_parameters = 4 · 3/16 = 0.75; noise uniform on
    // [−1, 1]: σ²_chance = 1/3. Shares 0.75/1.0833 = 0.692 and 0.308.
    let report = try completedReport(
      ExperimentRunner(plan: plan, replicateParticle: toy(level: { Double($0) * 2 }, noise: 2)))
    let split = report.summaries.first { $0.metric == .placed6m }!.varianceSplit!
    #expect(abs(split.parameterVariance - 0.75) < 0.15)
    #expect(abs(split.chanceVariance - 1.0 / 3) < 0.03)
    #expect(abs(split.parameterShare - 0.75 / (0.75 + 1.0 / 3)) < 0.05)
    // Replications 4g … 4g+3 share a particle.
    let particles = particleColumn(plan.outputDirectory)
    for group in stride(from: 0, to: particles.count, by: 4) {
      #expect(Set(particles[group..<group + 4]).count == 1)
    }
  }

  @Test("without chance every bit of the spread is the parameters'")
  func noChance() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 40, strategies: ["a"])
    plan.posterior = PosteriorSampling(posterior: twoPoints, runsPerParticle: 2)
    let report = try completedReport(
      ExperimentRunner(plan: plan, replicateParticle: toy(level: { Double($0) })))
    let split = report.summaries.first { $0.metric == .placed6m }!.varianceSplit!
    #expect(split.parameterShare == 1 && split.chanceShare == 0)
  }

  @Test("under compare every strategy of a replication runs under the same particle")
  func pairedUnderCompare() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 30, strategies: ["base", "better"])
    plan.reference = "base"
    plan.posterior = PosteriorSampling(posterior: twoPoints, runsPerParticle: 1)
    let report = try completedReport(
      ExperimentRunner(
        plan: plan,
        replicateParticle: toy(level: { Double($0) }, noise: 0.5, offset: { $0 == "better" ? 0.25 : 0 })))
    let difference = report.comparisons.first { $0.strategy == "better" && $0.metric == .placed6m }!
    #expect(abs(difference.meanDifference - 0.25) < 1e-12)
    #expect(difference.interval.halfWidth < 1e-12)
    let particles = particleColumn(plan.outputDirectory)
    for row in stride(from: 0, to: particles.count, by: 2) {
      #expect(particles[row] == particles[row + 1])
    }
    #expect(Set(particles).count == 2)
  }

  @Test("a posterior run's files are the same for any number of threads")
  func threadsDoNotMatter() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var outputs: [[Data?]] = []
    for jobs in [1, 3] {
      var plan = try tinyPlan(in: directory, replications: 12, strategies: ["a", "b"], jobs: jobs)
      plan.outputDirectory = directory + "/jobs-\(jobs)"
      plan.posterior = PosteriorSampling(posterior: twoPoints, runsPerParticle: 3)
      _ = try completedReport(
        ExperimentRunner(plan: plan, replicateParticle: toy(level: { Double($0) }, noise: 1)))
      outputs.append([
        contents(plan.outputDirectory, .summary), contents(plan.outputDirectory, .replications),
      ])
    }
    #expect(outputs[0] == outputs[1])
  }

  @Test("a posterior run split into 3 shards and merged reproduces the one-machine files byte for byte")
  func shardsMerge() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 10, strategies: ["a", "b"], jobs: 2)
    plan.posterior = PosteriorSampling(posterior: twoPoints, runsPerParticle: 3)
    let model = toy(level: { Double($0) }, noise: 1)
    _ = try completedReport(ExperimentRunner(plan: plan, replicateParticle: model))
    let shards = try (0..<3).map { index in
      var shard = plan
      shard.shard = Shard(index: index, count: 3)
      shard.outputDirectory += "-shard-\(index)"
      _ = try completedReport(ExperimentRunner(plan: shard, replicateParticle: model))
      return shard.outputDirectory
    }
    let merged = directory + "/merged"
    _ = try ShardMerge(
      shardDirectories: shards, outputDirectory: merged,
      provenance: ProvenanceInfo(version: "test", commandLine: ["test"])
    ).run()
    for file in [OutputFile.summary, .replications] {
      #expect(contents(merged, file) != nil)
      #expect(contents(merged, file) == contents(plan.outputDirectory, file), "\(file.rawValue) differs")
    }
  }

  @Test("the particle draw follows the weights and depends on the master seed and group alone")
  func particleDraw() {
    let draws = (0..<4000).map { twoPoints.particleIndex(masterSeed: 7, group: $0) }
    let share = Double(draws.count { $0 == 1 }) / Double(draws.count)
    #expect(abs(share - 0.75) < 0.03)
    #expect(draws == (0..<4000).map { twoPoints.particleIndex(masterSeed: 7, group: $0) })
    #expect(draws != (0..<4000).map { twoPoints.particleIndex(masterSeed: 8, group: $0) })
  }
}
