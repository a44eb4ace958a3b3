import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

@Suite("interrupted and failed runs")
struct CancellationTests {
  @Test("a cancelled run leaves no file behind and earlier results untouched")
  func cancelledInProcess() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 200, strategies: ["a"], jobs: 2)
    plan.writeStudents = true
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel { _ in 1 }))
    let earlier = listing(plan.outputDirectory).map {
      contents(plan.outputDirectory, OutputFile(rawValue: $0)!)
    }
    let cancellation = Cancellation()
    let model = syntheticModel()
    let cancelAt = SeedDerivation.replicationSeed(master: plan.masterSeed, replication: 5)
    let runner = ExperimentRunner(plan: plan) { strategy, seed, monitor in
      if seed == cancelAt { cancellation.cancel() }
      return model(strategy, seed, &monitor)
    }
    guard case .cancelled = try runner.run(cancellation: cancellation) else {
      Issue.record("the run was not cancelled")
      return
    }
    #expect(listing(plan.outputDirectory) == runner.outputFiles.map(\.rawValue).sorted())
    #expect(listing(plan.outputDirectory).contains(OutputFile.students.rawValue))
    #expect(
      listing(plan.outputDirectory).map { contents(plan.outputDirectory, OutputFile(rawValue: $0)!) }
        == earlier)
    #expect(listing(directory) == ["out", "tiny.json"], "a staging folder or lock file was left behind")
  }

  @Test("an output directory that cannot be created is a setup error and nothing is written")
  func unusableDirectory() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    let blocker = directory + "/file"
    try Data().write(to: URL(fileURLWithPath: blocker))
    plan.outputDirectory = blocker + "/out"
    #expect {
      try ExperimentRunner(plan: plan, replicate: syntheticModel()).run()
    } throws: { error in
      (error as? OutputError)?.isSetup == true
    }
    #expect(listing(directory) == ["file", "tiny.json"])
  }
}
