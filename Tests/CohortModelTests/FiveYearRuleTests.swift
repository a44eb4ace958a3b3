import CohortModel
import Foundation
import SimKernel
import Testing

/// The ARDMS rule (row 14): every exam passed within the window of the others, in either order
/// (MODEL.md 7.9). A one-year window makes it bite in a six-year run.
@Suite("the five-year rule")
struct FiveYearRuleTests {
  /// Exam A passes at once in month 2; exam B, after graduating (month 18), is hard: B's pass
  /// always comes more than a year after A's.
  static func scenario(_ window: ExamWindow) -> Scenario {
    var scenario = smallScenario()
    scenario.students.withdrawalProbability = 0
    scenario.credentialPathways["ardms"] = CredentialPathway(
      exams: [
        ExamParameters(
          name: "A", monthsAfterStart: 2, daysAfterGraduation: nil, firstAttemptPass: 1, retakePass: 1,
          retakeWaitDays: 60, maxAttempts: 0),
        ExamParameters(
          name: "B", monthsAfterStart: nil, daysAfterGraduation: .constant(value: 10), firstAttemptPass: 0.3,
          retakePass: 0.3, retakeWaitDays: 60, maxAttempts: 0),
      ], windowYears: 1, window: window)
    return scenario
  }

  /// For each credential, the days between the last passes of A and B before it.
  static func spans(_ window: ExamWindow) -> (spans: [Double], expired: Int, lateAttempts: Int) {
    let traces = collected(Self.scenario(window)).1.traces
    var lastPass: [Int: [String: Double]] = [:]
    var spans: [Double] = []
    var graduated: [Int: Double] = [:]
    var late = 0
    for record in traces {
      if record.event == "graduated" { graduated[record.student!] = record.time }
      if record.event == "exam_pass" || record.event == "exam_fail", record.detail.hasPrefix("B "),
        let day = graduated[record.student!], record.time > day + 365.25
      {
        late += 1
      }
      if record.event == "exam_pass" {
        lastPass[record.student!, default: [:]][String(record.detail.prefix(1))] = record.time
      }
      if record.event == "credential", let passes = lastPass[record.student!], let a = passes["A"],
        let b = passes["B"]
      {
        spans.append(abs(b - a))
      }
    }
    return (spans, traces.filter { $0.event == "exam_pass_expired" }.count, late)
  }

  @Test("under the ARDMS rule every credential's passes lie within the window, an older pass expiring")
  func passesLieWithinTheWindow() {
    let (spans, expired, late) = Self.spans(.betweenPasses)
    #expect(spans.count > 10)
    #expect(spans.allSatisfy { $0 <= 365.25 }, "\(spans.filter { $0 > 365.25 }.prefix(3))")
    #expect(expired > 10)
    // No day bounds the retakes under this rule: B is still sat more than a year after graduating.
    #expect(late > 0)
    let (unruled, none, _) = Self.spans(.fromGraduation)
    #expect(none == 0)
    #expect(unruled.contains { $0 > 365.25 })
  }
}
