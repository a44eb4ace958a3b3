import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

@Suite("scenario factors addressed by path")
struct SweepFactorTests {
  @Test("a distribution's parameter left at its default varies that parameter and keeps the others")
  func distributionParameter() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let factors = try ScenarioFactors(
      scenarioFile: try tinyScenarioFile(in: directory),
      factors: [SweepFactor(path: "students.aptitude.beta.alpha", lower: 1, upper: 9)])
    let scenario = try factors.scenario(point: 0, values: [3.5])
    #expect(scenario.students.aptitude == .beta(alpha: 3.5, beta: StudentParameters().aptitude.betaParameter))
  }

  @Test("an array element's field is set in that element only")
  func arrayElement() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let file = try tinyScenarioFile(in: directory)
    let factors = try ScenarioFactors(
      scenarioFile: file, factors: [SweepFactor(path: "programs[0].xKm", lower: 0, upper: 60)])
    let scenario = try factors.scenario(point: 4, values: [12.25])
    #expect(scenario.programs[0].xKm == 12.25)
    #expect(scenario.programs[0].yKm == file.scenario.programs[0].yKm)
  }

  @Test("an element past the end of a list is refused, naming the point, the path and the list's length")
  func missingElement() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let factors = try ScenarioFactors(
      scenarioFile: try tinyScenarioFile(in: directory),
      factors: [SweepFactor(path: "programs[3].xKm", lower: 0, upper: 60)])
    #expect(throws: SweepError.self) { try factors.scenario(point: 2, values: [1]) }
    do {
      _ = try factors.scenario(point: 2, values: [1])
    } catch {
      #expect(
        error.message.contains("point 2") && error.message.contains("programs[3]")
          && error.message.contains("1 elements"))
    }
  }
}

extension Distribution {
  /// β of a beta distribution, for the test above.
  fileprivate var betaParameter: Double {
    if case .beta(_, let beta) = self { return beta }
    return .nan
  }
}
