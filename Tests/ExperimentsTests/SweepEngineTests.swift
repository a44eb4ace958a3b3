import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

private let files = ["design.csv", "points.csv", "replications.csv", "sensitivity.csv"]

private func bytes(_ directory: String, _ file: String) -> Data? {
  FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(file))
}

private let morrisDesign = SweepDesign(
  method: .morris, samples: 5, levels: 4, seed: 11,
  factors: [
    SweepFactor(path: "a", lower: 0, upper: 1), SweepFactor(path: "b", lower: -2, upper: 2),
    SweepFactor(path: "c", lower: 10, upper: 20),
  ])

@Suite("the sweep engine")
struct SweepEngineTests {
  @Test("a sweep of the model split into 3 shards and merged is byte-identical to the one-machine sweep")
  func shardsMergeToTheWholeSweep() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let scenarioFile = try tinyScenarioFile(in: directory)
    let design = SweepDesign(
      method: .sobol, samples: 2, seed: 3,
      factors: [
        SweepFactor(path: "demand.freezeProbability", lower: 0, upper: 0.5),
        SweepFactor(path: "hiring.applyProbability", lower: 0.2, upper: 1),
      ])
    let evaluator = ModelEvaluator(
      factors: try ScenarioFactors(scenarioFile: scenarioFile, factors: design.factors),
      strategies: ["nearest-to-home", "random"])
    func plan(_ name: String, jobs: Int, shard: Shard?) -> SweepPlan {
      var plan = sweepPlan(design, in: directory, name: name, replications: 2, jobs: jobs, shard: shard)
      plan.scenarioFile = scenarioFile.path
      plan.scenarioSha256 = scenarioFile.sha256
      return plan
    }
    _ = try SweepRunner(plan: plan("whole", jobs: 1, shard: nil), evaluator: evaluator).run()
    for index in 0..<3 {
      _ = try SweepRunner(
        plan: plan("shard\(index)", jobs: 2, shard: Shard(index: index, count: 3)), evaluator: evaluator
      )
      .run()
    }
    let merged = directory + "/merged"
    _ = try SweepMerge(
      shardDirectories: [directory + "/shard2", directory + "/shard0", directory + "/shard1"],
      outputDirectory: merged, provenance: ProvenanceInfo(version: "test", commandLine: ["merge"])
    ).run()
    for file in files {
      let whole = try #require(bytes(directory + "/whole", file), "\(file) missing")
      #expect(bytes(merged, file) == whole, "\(file) differs")
    }
    #expect(bytes(directory + "/shard0", "sensitivity.csv") == nil, "a shard writes no indices")
  }

  @Test(
    "a sweep interrupted and resumed ends with the files of an uninterrupted sweep, computing only what was left"
  )
  func resumeEndsIdentical() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let whole = CountingEvaluator()
    _ = try SweepRunner(
      plan: sweepPlan(morrisDesign, in: directory, name: "whole", replications: 3), evaluator: whole
    )
    .run()
    let cancellation = Cancellation()
    let interrupted = CountingEvaluator(cancelAfter: 25, cancellation: cancellation)
    var plan = sweepPlan(morrisDesign, in: directory, name: "resumed", replications: 3, jobs: 1)
    let outcome = try SweepRunner(plan: plan, evaluator: interrupted).run(cancellation: cancellation)
    guard case .cancelled(let pointsDone) = outcome else {
      Issue.record("the sweep was not interrupted")
      return
    }
    #expect(pointsDone >= 1)
    #expect(
      bytes(directory + "/resumed", "points.csv") == nil, "nothing is published by an interrupted sweep")
    plan.resume = true
    let resumed = CountingEvaluator()
    guard case .completed = try SweepRunner(plan: plan, evaluator: resumed).run() else {
      Issue.record("the resumed sweep did not complete")
      return
    }
    #expect(resumed.counter.count == whole.counter.count - pointsDone * 3)
    for file in files {
      let expected = try #require(bytes(directory + "/whole", file))
      #expect(bytes(directory + "/resumed", file) == expected, "\(file) differs")
    }
    #expect(
      bytes(directory, ".resumed.cohortsim-checkpoint.csv") == nil, "the checkpoint is removed at the end")
  }

  @Test("without --resume a leftover checkpoint is ignored and every point is computed")
  func freshStartIgnoresCheckpoint() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let cancellation = Cancellation()
    let plan = sweepPlan(morrisDesign, in: directory, replications: 2, jobs: 1)
    _ = try SweepRunner(plan: plan, evaluator: CountingEvaluator(cancelAfter: 10, cancellation: cancellation))
      .run(cancellation: cancellation)
    let fresh = CountingEvaluator()
    _ = try SweepRunner(plan: plan, evaluator: fresh).run()
    #expect(fresh.counter.count == 20 * 2)
  }

  @Test("replication r of every point has the same seed (common random numbers)")
  func commonRandomNumbers() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try SweepRunner(
      plan: sweepPlan(morrisDesign, in: directory, replications: 3), evaluator: CountingEvaluator()
    )
    .run()
    var seeds: [String: Set<String>] = [:]
    for line in csvLines(directory + "/out", "replications.csv").dropFirst() {
      let fields = line.split(separator: ",").map(String.init)
      seeds[fields[2], default: []].insert(fields[3])
    }
    #expect(seeds.count == 3)
    #expect(seeds.values.allSatisfy { $0.count == 1 })
    #expect(Set(seeds.values.map { $0.first! }).count == 3)
  }

  @Test("the files are byte-identical for any number of jobs")
  func jobsDoNotMatter() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try SweepRunner(
      plan: sweepPlan(morrisDesign, in: directory, name: "one", jobs: 1), evaluator: CountingEvaluator()
    ).run()
    _ = try SweepRunner(
      plan: sweepPlan(morrisDesign, in: directory, name: "four", jobs: 4), evaluator: CountingEvaluator()
    ).run()
    for file in files {
      #expect(bytes(directory + "/one", file) == bytes(directory + "/four", file), "\(file)")
    }
  }

  @Test("points.csv rows go point, then strategy, then metric, with n equal to the replications")
  func pointsLayout() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try SweepRunner(
      plan: sweepPlan(morrisDesign, in: directory, replications: 3), evaluator: CountingEvaluator()
    )
    .run()
    let lines = csvLines(directory + "/out", "points.csv")
    #expect(lines.first == "point,strategy,metric,n,mean,sd,ci95_low,ci95_high")
    #expect(
      Array(lines.dropFirst().prefix(4).map { $0.split(separator: ",").prefix(4).joined(separator: ",") })
        == ["0,first,alpha,3", "0,first,beta,3", "0,second,alpha,3", "0,second,beta,3"])
    #expect(lines.count == 1 + 20 * 2 * 2)
  }

  @Test("merging a sweep with a shard missing is refused, naming it, and writes nothing")
  func missingShardRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    for index in [0, 2] {
      _ = try SweepRunner(
        plan: sweepPlan(
          morrisDesign, in: directory, name: "shard\(index)", shard: Shard(index: index, count: 3)),
        evaluator: CountingEvaluator()
      ).run()
    }
    let merge = SweepMerge(
      shardDirectories: [directory + "/shard0", directory + "/shard2"],
      outputDirectory: directory + "/merged",
      provenance: ProvenanceInfo(version: "test", commandLine: ["merge"]))
    #expect(throws: MergeError.self) { try merge.run() }
    do {
      _ = try merge.run()
    } catch let error as MergeError {
      #expect(error.description == "shard 1 of 3 is missing", "\(error)")
    }
    #expect(!FileManager.default.fileExists(atPath: directory + "/merged/points.csv"))
  }

  @Test("a sweep's shard merged with a run's shard is refused, naming the command each is from")
  func sweepAndRunShardsRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try SweepRunner(
      plan: sweepPlan(morrisDesign, in: directory, name: "sweep0", shard: Shard(index: 0, count: 2)),
      evaluator: CountingEvaluator()
    ).run()
    var run = try tinyPlan(in: directory)
    run.shard = Shard(index: 1, count: 2)
    run.outputDirectory = directory + "/run1"
    _ = try completedReport(ExperimentRunner(plan: run, replicate: syntheticModel()))
    let merge = SweepMerge(
      shardDirectories: [directory + "/sweep0", directory + "/run1"], outputDirectory: directory + "/merged",
      provenance: ProvenanceInfo(version: "test", commandLine: ["merge"]))
    #expect(
      throws: MergeError(
        "shard \(directory)/run1/ is from another command (run vs sweep in \(directory)/sweep0/)")
    ) {
      try merge.run()
    }
  }
}
