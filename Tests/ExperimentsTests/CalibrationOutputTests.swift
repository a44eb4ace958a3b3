import CohortModel
import Experiments
import Foundation
import SimKernel
import Testing

@Suite("a calibration's files")
struct CalibrationOutputTests {
  @Test(
    "every field of every CSV a calibration writes, its parameter columns too, is spelled as its schema type")
  func fieldsMatchSchema() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let scenarioFile = try tinyScenarioFile(in: directory)
    let targets = try CalibrationTargets.decode(
      Data(
        (#"{"parameters": [{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.2, "upper": 1}}},"#
          + #"{"path": "demand.freezeProbability", "prior": {"truncated_normal": {"mean": 0.1, "sd": 0.1, "lower": 0, "upper": 0.5}}}],"#
          + #""targets": [{"metric": "placed_12m", "low": 0.5, "high": 1, "source": "s"},"#
          + #"{"metric": "days_to_offer_median", "value": 30, "tolerance": 20, "source": "s"}]}"#).utf8),
      file: "T.json")
    let factors = try targets.checked(against: scenarioFile)
    let plan = CalibrationPlan(
      scenarioFile: scenarioFile, targets: targets, targetsSha256: "0", factors: factors,
      settings: ABCSettings(particles: 5, generations: 2, seed: 3, jobs: 2), replications: 1,
      predictiveDraws: 4,
      outputDirectory: directory + "/out", provenance: ProvenanceInfo(version: "test", commandLine: ["test"]))
    guard case .completed = try CalibrationRunner(plan: plan).run() else {
      Issue.record("the calibration did not complete")
      return
    }
    let tails: [OutputFile: [String]] = [.posterior: targets.parameters.map(\.path)]
    for schema in OutputSchema.all where schema.folder == .calibrate {
      let text = String(decoding: contents(plan.outputDirectory, schema.file) ?? Data(), as: UTF8.self)
      let rows = OutputContractTests.parse(text)
      let tail = tails[schema.file] ?? []
      #expect((schema.tail == nil) == tail.isEmpty, "\(schema.title) tail")
      #expect(rows.first == schema.header(tail: tail), "\(schema.title) header")
      #expect(rows.count > 1, "\(schema.title) has no rows")
      let columns = schema.columns + (schema.tail?.columns(named: tail) ?? [])
      for (line, row) in rows.enumerated().dropFirst() {
        #expect(row.count == columns.count, "\(schema.title) line \(line + 1)")
        for (column, field) in zip(columns, row)
        where !OutputSchemaTests.spelled(field, as: column.type, missing: column.missing) {
          Issue.record(
            "\(schema.title) line \(line + 1), column \(column.name): '\(field)' is not \(column.type)")
        }
      }
    }
    let run = try #require(FileManager.default.contents(atPath: plan.outputDirectory + "/run.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: run) as? [String: Any])
    let files = try #require(json["files"] as? [String: Any])
    #expect(
      Set(files.keys) == [
        "posterior.csv", "posterior_summary.csv", "generations.csv", "posterior_predictive.csv",
      ])
  }
}
