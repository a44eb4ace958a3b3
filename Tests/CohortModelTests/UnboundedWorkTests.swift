import CohortModel
import Foundation
import SimKernel
import Testing

/// The problems decoding `json` reports, one line each.
private func problems(_ json: String) -> [String] {
  do {
    _ = try Scenario.decode(Data(json.utf8), file: "test.json")
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

/// A scenario whose one program follows pathway `mine`, with `exam` (JSON text) its one exam.
private func withExam(_ exam: String) -> String {
  #"""
  {"name": "x", "credentialPathways": {"mine": {"exams": [\#(exam)]}},
   "programs": [{"name": "A", "xKm": 1, "yKm": 1, "pathway": "mine"}]}
  """#
}

/// A valid one-program scenario with the top-level `field` (JSON text) added.
private func withField(_ field: String) -> String {
  #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1}], \#(field)}"#
}

@Suite("scenarios that would run without end are refused when read")
struct UnboundedWorkTests {
  @Test("an exam without an attempt limit and without a retake wait is refused at retakeWaitDays")
  func unlimitedInstantRetakesRefused() {
    let found = problems(
      withExam(
        #"{"name": "x", "daysAfterGraduation": 10, "firstAttemptPass": 0, "retakePass": 0, "retakeWaitDays": 0}"#
      ))
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix("credentialPathways.mine.exams[0].retakeWaitDays: must be ≥ 1 day") == true)
  }

  @Test("an exam without a retake wait is accepted when its attempts are limited")
  func limitedInstantRetakesAccepted() {
    #expect(
      problems(
        withExam(
          #"{"name": "x", "daysAfterGraduation": 10, "firstAttemptPass": 0, "retakeWaitDays": 0, "maxAttempts": 3}"#
        )) == [])
  }

  @Test("a Poisson mean above a billion is refused with its path and the limit")
  func hugePoissonMeanRefused() {
    let found = problems(withField(#""hiring": {"externalApplicants": {"poisson": {"mean": 1e12}}}"#))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("hiring.externalApplicants.poisson.mean: must be ≤ 1000000000") == true)
  }

  @Test("a mean of cross-system contacts above a thousand is refused with its path")
  func hugeContactsMeanRefused() {
    let found = problems(withField(#""network": {"crossSystemContactsMean": 1e12}"#))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("network.crossSystemContactsMean: must be from 0 to 1000") == true)
  }
}
