import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

/// A `compare --select-best` plan whose procedure stops after its first stage of 10 replications,
/// more than the plan's own 3: the count it ends with is an outcome, not a setting.
private func selectionPlan(in directory: String) throws -> ExperimentPlan {
  var plan = try tinyPlan(in: directory, replications: 3, strategies: ["a", "b"], jobs: 2)
  plan.reference = "a"
  plan.selection = BestSelection(
    metric: .placed6m, minimise: false,
    configuration: KimNelson.Configuration(indifference: 0.01, confidence: 0.95, firstStage: 10))
  return plan
}

/// Runs `plan` with b better than a by 0.2; the message it is refused with, or nil.
private func refusal(_ plan: ExperimentPlan) -> String? {
  do {
    _ = try completedReport(
      ExperimentRunner(plan: plan, replicate: syntheticModel(offset: { $0 == "b" ? 0.2 : 0 })))
    return nil
  } catch {
    return "\(error)"
  }
}

@Suite("rerunning a --select-best comparison into its own folder")
struct SelectBestRerunTests {
  @Test(
    "a --select-best rerun with the same settings replaces its folder, though it ran more replications than planned"
  )
  func sameSettingsReplace() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try selectionPlan(in: directory)
    #expect(refusal(plan) == nil)
    plan.jobs = 1
    #expect(refusal(plan) == nil)
  }

  @Test("a --select-best rerun with another indifference is refused, naming it")
  func otherRuleRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try selectionPlan(in: directory)
    #expect(refusal(plan) == nil)
    plan.selection?.configuration.indifference = 0.05
    let message = try #require(refusal(plan))
    #expect(message.contains("--indifference 0.05"), "\(message)")
    #expect(
      message.contains("(the folder holds replications --select-best placed_6m --indifference 0.01"),
      "\(message)")
  }
}
