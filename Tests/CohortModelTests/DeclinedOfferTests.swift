import CohortModel
import SimKernel
import Testing

/// MODEL.md 7.5: no tier refers a student to a job they would refuse, and a student who turns a
/// requisition down is not brought back to it.
@Suite struct DeclinedOfferTests {
  /// The requisition number in a trace detail ("requisition=12 …").
  static func requisition(_ detail: String) -> Substring? {
    detail.split(separator: " ").first { $0.hasPrefix("requisition=") }
  }

  @Test("no student is referred, recommended or offered a requisition they declined", arguments: 0..<4)
  func declinedRequisitionsNeverComeBack(replication: Int) throws {
    var scenario = try shippedScenario("strategies")
    scenario.years = 4
    let (_, monitor) = collected(scenario, strategy: "nearest-to-home", replication: replication)
    var declined = Set<String>()
    var declines = 0
    var returns: [String] = []
    for record in monitor.traces {
      guard let requisition = Self.requisition(record.detail) else { continue }
      let pair = "\(record.student) \(requisition)"
      switch record.event {
      case "offer_declined":
        declined.insert(pair)
        declines += 1
      case "told_to_apply", "system_referral", "recommended", "offer", "posting_closed":
        if declined.contains(pair) { returns.append("\(record.time) \(record.event) student=\(pair)") }
      default: break
      }
    }
    // Without declines the test would prove nothing.
    #expect(declines > 0)
    #expect(
      returns.isEmpty, "\(returns.count) of \(declines) declines came back, first: \(returns.first ?? "")")
  }
}
