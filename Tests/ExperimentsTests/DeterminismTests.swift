import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

@Suite("determinism across thread counts")
struct DeterminismTests {
  @Test("--jobs 1 and --jobs 2 write byte-identical CSV files from the cohort model")
  func modelFilesIdentical() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var outputs: [[OutputFile: Data]] = []
    for jobs in [1, 2] {
      var plan = try tinyPlan(
        in: directory, replications: 8, strategies: ["nearest-to-home", "random"], jobs: jobs)
      plan.outputDirectory += "-\(jobs)"
      plan.reference = "nearest-to-home"
      plan.writeStudents = true
      plan.writeTrace = true
      _ = try completedReport(ExperimentRunner(plan: plan))
      let files: [OutputFile] = [
        .summary, .replications, .comparison, .students, .trace, .sites, .timeToOffer, .cohorts, .timeline,
      ]
      outputs.append(
        Dictionary(uniqueKeysWithValues: files.map { ($0, contents(plan.outputDirectory, $0) ?? Data()) }))
    }
    for file in [
      OutputFile.summary, .replications, .comparison, .students, .trace, .sites, .timeToOffer, .cohorts,
      .timeline,
    ] {
      #expect(outputs[0][file]!.count > 0, "\(file.rawValue) is empty")
      #expect(outputs[0][file] == outputs[1][file], "\(file.rawValue) differs between --jobs 1 and 2")
    }
  }

  @Test("replications finishing out of order are still written in replication order")
  func orderUnderJitter() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var bytes: [Data] = []
    for jobs in [1, 2, 3] {
      var plan = try tinyPlan(in: directory, replications: 24, strategies: ["a", "b"], jobs: jobs)
      plan.outputDirectory += "-\(jobs)"
      plan.writeStudents = true
      let model = syntheticModel()
      // Some replications take longer, so later ones often finish first.
      let runner = ExperimentRunner(plan: plan) { strategy, seed, monitor in
        usleep(UInt32(uniform(seed, 7) * 3000))
        return model(strategy, seed, &monitor)
      }
      _ = try completedReport(runner)
      let rows = records(plan.outputDirectory, .replications).dropFirst()
      let replicationColumn = rows.map { $0.split(separator: ",")[1] }
      #expect(replicationColumn == (0..<24).flatMap { ["\($0)", "\($0)"] }.map { Substring($0) })
      bytes.append(
        (contents(plan.outputDirectory, .summary) ?? Data())
          + (contents(plan.outputDirectory, .replications) ?? Data())
          + (contents(plan.outputDirectory, .students) ?? Data()))
    }
    #expect(bytes[0] == bytes[1])
    #expect(bytes[0] == bytes[2])
  }

  @Test("each replication's seed is derived from the master seed and its index")
  func seeds() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 3, strategies: ["a"], jobs: 2)
    plan.masterSeed = 99
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    let seeds = records(plan.outputDirectory, .replications).dropFirst().map { $0.split(separator: ",")[2] }
    #expect(
      seeds == (0..<3).map { Substring(String(SeedDerivation.replicationSeed(master: 99, replication: $0))) })
  }
}

@Suite("determinism of --select-best across thread counts")
struct SelectionDeterminismTests {
  @Test("--select-best stops at the same replication and writes the same selection.csv for --jobs 1 and 3")
  func selectionIdentical() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var files: [Data] = []
    for jobs in [1, 3] {
      var plan = try tinyPlan(
        in: directory, replications: 3, strategies: ["nearest-to-home", "random"], jobs: jobs)
      plan.outputDirectory += "-\(jobs)"
      plan.reference = "nearest-to-home"
      plan.selection = BestSelection(
        metric: .placed12m, minimise: false, configuration: KimNelson.Configuration(indifference: 0.05),
        maxReplications: 60)
      _ = try completedReport(ExperimentRunner(plan: plan))
      files.append(
        (contents(plan.outputDirectory, .selection) ?? Data())
          + (contents(plan.outputDirectory, .replications) ?? Data()))
    }
    #expect(files[0].count > 0)
    #expect(files[0] == files[1])
  }
}
