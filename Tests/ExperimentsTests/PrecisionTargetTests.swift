import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

@Suite("--until: replications until an interval is narrow enough")
struct PrecisionTargetTests {
  /// The uniform stand-in's placed_6m has s ≈ 0.29, so a half-width of 0.1 needs about 35
  /// replications: the run should stop at the batch boundary 40.
  func plan(in directory: String, jobs: Int, halfWidth: Double, maxReplications: Int) throws -> ExperimentPlan
  {
    var plan = try tinyPlan(in: directory, replications: 3, strategies: ["a", "b"], jobs: jobs)
    plan.outputDirectory += "-\(jobs)"
    plan.precisionTarget = PrecisionTarget(
      metric: .placed6m, halfWidth: halfWidth, maxReplications: maxReplications,
      replications: plan.replications)
    return plan
  }

  @Test("batches are at least ten replications, whatever the plan's replications")
  func batchSize() {
    #expect(
      PrecisionTarget(metric: .placed6m, halfWidth: 1, maxReplications: 50, replications: 3).batchSize == 10)
    #expect(
      PrecisionTarget(metric: .placed6m, halfWidth: 1, maxReplications: 50, replications: 25).batchSize == 25)
  }

  @Test("the run stops at the first batch whose interval meets the target, for every strategy")
  func stopsAtTarget() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try plan(in: directory, jobs: 1, halfWidth: 0.1, maxReplications: 1000)
    let report = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    #expect(report.targetReached == true)
    #expect(report.replications % 10 == 0)
    // Recompute from the file: met at the stopping point, not met one batch earlier.
    let column = OutputColumns.replications.firstIndex(of: "placed_6m")!
    let values = records(plan.outputDirectory, .replications).dropFirst().map { $0.split(separator: ",") }
      .filter { $0[0] == "a" }.map { Double($0[column])! }
    #expect(values.count == report.replications)
    #expect(RunningMoments(values).confidenceInterval().halfWidth <= 0.1)
    #expect(RunningMoments(values.dropLast(10)).confidenceInterval().halfWidth > 0.1)
  }

  @Test("--jobs 1 and --jobs 2 stop after the same replications with the same bytes")
  func independentOfJobs() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var reports: [RunReport] = []
    var files: [Data] = []
    for jobs in [1, 2] {
      let plan = try plan(in: directory, jobs: jobs, halfWidth: 0.1, maxReplications: 1000)
      reports.append(try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel())))
      files.append(
        (contents(plan.outputDirectory, .summary) ?? Data())
          + (contents(plan.outputDirectory, .replications) ?? Data()))
    }
    #expect(reports[0].replications == reports[1].replications)
    #expect(files[0] == files[1])
  }

  @Test("an unreachable target stops at --max-replications and says so in run.json")
  func stopsAtCeiling() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try plan(in: directory, jobs: 2, halfWidth: 1e-6, maxReplications: 25)
    let report = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    #expect(report.replications == 25)
    #expect(report.targetReached == false)
    let json =
      try JSONSerialization.jsonObject(with: contents(plan.outputDirectory, .provenance)!) as! [String: Any]
    let until = json["until"] as! [String: Any]
    #expect(until["reached"] as? Bool == false)
    #expect(json["replications"] as? Int == 25)
  }
}

@Suite("--until on a metric without data")
struct PrecisionTargetWithoutDataTests {
  @Test("a metric that is NA in every replication of the first batch stops the run, writing nothing")
  func noDataStops() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 10, strategies: ["a"])
    plan.precisionTarget = PrecisionTarget(
      metric: .rescindedRate, halfWidth: 0.01, maxReplications: 40, replications: 10)
    let model = syntheticModel()
    let runner = ExperimentRunner(plan: plan) { strategy, seed, monitor in
      var metrics = model(strategy, seed, &monitor)
      metrics[.rescindedRate] = .nan
      return metrics
    }
    guard case .targetWithoutData(let metric, let strategy, let replications) = try runner.run() else {
      Issue.record("the run did not stop for lack of data")
      return
    }
    #expect(metric == .rescindedRate)
    #expect(strategy == "a")
    #expect(replications == 10)
    #expect(listing(directory) == ["tiny.json"])
  }
}
