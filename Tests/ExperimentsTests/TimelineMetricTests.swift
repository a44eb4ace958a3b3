import CohortModel
import Testing

@testable import Experiments

/// `timeline.csv`'s requisition figures, worked by hand on a few requisitions.
@Suite("timeline requisition figures")
struct TimelineMetricTests {
  static func value(_ name: String, _ requisitions: [RequisitionOutcome], year: Int) -> Double {
    let metric = TimelineMetric.all.first { $0.name == name }!
    let start = Double(year) * TimelineMetric.yearDays
    return metric.value(
      TimelineMetric.Year(
        students: [], requisitions: requisitions, start: start, end: start + TimelineMetric.yearDays))
  }

  @Test("a requisition a freeze cancelled is unfilled only at the ends of years before its cancellation")
  func cancelledRequisitionIsNotUnfilledForever() {
    let cancelled = RequisitionOutcome(
      site: 0, approvedDay: 10, isChain: false, filledDay: nil, filledBy: nil, cancelledDay: 400)
    #expect(Self.value("unfilled_openings_at_year_end", [cancelled], year: 0) == 1)
    #expect(Self.value("unfilled_openings_at_year_end", [cancelled], year: 1) == 0)
    #expect(Self.value("unfilled_openings_at_year_end", [cancelled], year: 2) == 0)
  }

  @Test("openings count a repost anew, in the year it is approved")
  func openingsCountReposts() {
    let cancelled = RequisitionOutcome(
      site: 0, approvedDay: 10, isChain: false, filledDay: nil, filledBy: nil, cancelledDay: 100)
    let repost = RequisitionOutcome(
      site: 0, approvedDay: 200, isChain: false, filledDay: 300, filledBy: .student)
    #expect(Self.value("openings", [cancelled, repost], year: 0) == 2)
    #expect(Self.value("unfilled_openings_at_year_end", [cancelled, repost], year: 0) == 0)
  }
}
