import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

@Suite("a calibration's files")
struct CalibrationOutputTests {
  @Test(
    "every field of every CSV a calibration writes, its parameter columns too, is spelled as its schema type")
  func fieldsMatchSchema() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try completedTinyCalibration(in: directory)
    OutputSchemaTests.expectFieldsMatchSchemas(
      of: .calibrate, in: plan.outputDirectory, tails: [.posterior: plan.targets.parameters.map(\.path)])
    let run = try #require(FileManager.default.contents(atPath: plan.outputDirectory + "/run.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: run) as? [String: Any])
    let files = try #require(json["files"] as? [String: Any])
    #expect(
      Set(files.keys) == [
        "posterior.csv", "posterior_summary.csv", "generations.csv", "posterior_predictive.csv",
      ])
  }
}
