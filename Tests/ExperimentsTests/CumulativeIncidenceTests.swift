import CohortModel
import Testing

@Suite("the cumulative incidence of an accepted offer")
struct CumulativeIncidenceTests {
  @Test("without censoring it is the share with an offer by each day")
  func empiricalWithoutCensoring() {
    let curve = CumulativeIncidence([.offer(time: 10), .offer(time: 20), .offer(time: 20), .offer(time: 40)])
    #expect(curve.value(at: 9) == 0)
    #expect(curve.value(at: 10) == 0.25)
    #expect(curve.value(at: 39.9) == 0.75)
    #expect(curve.value(at: 400) == 1)
  }

  @Test("censored graduates leave the risk set: Kaplan–Meier by hand")
  func kaplanMeierByHand() {
    // Five graduates: offers at 1 and 3, censored at 2 and 4, offer at 5.
    // S(1) = 4/5; censor at 2 leaves 3 at risk; S(3) = 4/5 · 2/3 = 8/15; censor at 4 leaves 1;
    // S(5) = 0. F = 1 − S.
    let curve = CumulativeIncidence([
      .offer(time: 1), .censored(time: 2), .offer(time: 3), .censored(time: 4), .offer(time: 5),
    ])
    #expect(abs(curve.value(at: 1) - 0.2) < 1e-12)
    #expect(abs(curve.value(at: 3.5) - 7.0 / 15) < 1e-12)
    #expect(abs(curve.value(at: 5) - 1) < 1e-12)
  }

  @Test("a censoring at the same time as an offer still counts as at risk for it")
  func censoringAfterEventsAtATie() {
    // Two at risk at t = 1, one offer and one censored: F(1) = 1/2, not 1.
    let curve = CumulativeIncidence([.censored(time: 1), .offer(time: 1)])
    #expect(curve.value(at: 1) == 0.5)
  }

  @Test("a competing outcome lowers the incidence: Aalen–Johansen by hand")
  func competingOutcome() {
    // Four: withdraw at 1, offer at 2, offer at 3, censored at 4.
    // F(2) = S(1) · 1/3 = 3/4 · 1/3 = 1/4; S(2) = 3/4 · 2/3 = 1/2; F(3) = 1/4 + 1/2 · 1/2 = 1/2.
    let curve = CumulativeIncidence([
      .competing(time: 1), .offer(time: 2), .offer(time: 3), .censored(time: 4),
    ])
    #expect(curve.value(at: 1) == 0)
    #expect(abs(curve.value(at: 2) - 0.25) < 1e-12)
    #expect(abs(curve.value(at: 3) - 0.5) < 1e-12)
  }

  @Test("offers before graduation count from day 0, and the median is the first day reaching one half")
  func negativeTimesAndMedian() {
    let curve = CumulativeIncidence([
      .offer(time: -30), .offer(time: 50), .censored(time: 100), .offer(time: 80),
    ])
    #expect(curve.value(at: 0) == 0.25)
    #expect(curve.quantile(0.5) == 50)
  }

  @Test("the median is NA when fewer than half are ever hired")
  func noMedianWhenFewHired() {
    let curve = CumulativeIncidence([.offer(time: 5), .censored(time: 100), .censored(time: 100)])
    #expect(curve.quantile(0.5).isNaN)
  }
}
