import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

/// The statistics against values worked out by hand (or read from printed t tables).
@Suite("statistics")
struct StatisticsTests {
  @Test("mean and standard deviation match the hand-computed values")
  func meanAndStandardDeviation() {
    // Σ(x − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, so s² = 32/7.
    let moments = RunningMoments([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(moments.count == 8)
    #expect(moments.mean == 5)
    #expect(abs(moments.variance - 32.0 / 7) < 1e-12)
    #expect(abs(moments.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
  }

  @Test("the 95% interval is mean ± t(0.975; n − 1) · s/√n")
  func tInterval() {
    // t(0.975; 7) = 2.364624252 in every printed table.
    let interval = RunningMoments([2, 4, 4, 4, 5, 5, 7, 9]).confidenceInterval()
    let expected = 2.364624252 * (32.0 / 7).squareRoot() / 8.0.squareRoot()
    #expect(abs(interval.halfWidth - expected) < 1e-8)
    #expect(abs(interval.low - (5 - expected)) < 1e-8)
    #expect(abs(interval.high - (5 + expected)) < 1e-8)
  }

  @Test("NaN values are left out of the count and the moments")
  func missingValues() {
    let moments = RunningMoments([1, .nan, 3])
    #expect(moments.count == 2)
    #expect(moments.mean == 2)
    #expect(moments.variance == 2)
  }

  @Test("fewer than two values give no standard deviation or interval")
  func tooFewValues() {
    #expect(RunningMoments().mean.isNaN)
    let one = RunningMoments([4])
    #expect(one.mean == 4)
    #expect(one.standardDeviation.isNaN)
    #expect(one.confidenceInterval().halfWidth.isNaN)
  }

  @Test("the paired t-test matches the closed form for two degrees of freedom")
  func pairedTTest() {
    // Differences 1, 2, 4: d̄ = 7/3, s² = 7/3, t = d̄/(s/√3) = √7. With 2 degrees of freedom
    // P(|T| ≥ t) = 1 − t/√(2 + t²) = 1 − √7/3, and t(0.975; 2) = 0.95/√(2·0.975·0.025).
    var paired = PairedDifference()
    for (strategy, reference) in [(2.0, 1.0), (5, 3), (4, 0)] {
      paired.add(strategy: strategy, reference: reference)
    }
    #expect(abs(paired.meanDifference - 7.0 / 3) < 1e-12)
    #expect(abs(paired.pValue - (1 - 7.0.squareRoot() / 3)) < 1e-10)
    let t975 = 0.95 / (2 * 0.975 * 0.025).squareRoot()
    #expect(abs(paired.confidenceInterval().halfWidth - t975 * (7.0 / 9).squareRoot()) < 1e-9)
  }

  @Test("a pair with a missing value is left out of the paired test")
  func pairedMissing() {
    var paired = PairedDifference()
    paired.add(strategy: 1, reference: .nan)
    paired.add(strategy: .nan, reference: 1)
    paired.add(strategy: 3, reference: 1)
    #expect(paired.count == 1)
    #expect(paired.meanDifference == 2)
    #expect(paired.pValue.isNaN)
  }

  @Test("identical pairs give a zero difference and no p-value")
  func pairedIdentical() {
    var paired = PairedDifference()
    for value in [0.3, 0.5, 0.9] { paired.add(strategy: value, reference: value) }
    #expect(paired.meanDifference == 0)
    #expect(paired.confidenceInterval().low == 0)
    #expect(paired.confidenceInterval().high == 0)
    #expect(paired.pValue.isNaN)
  }

  @Test("streaming quantiles are the exact sample quantiles for five values or fewer")
  func exactSmallQuantiles() {
    // Sorted 1, 1, 3, 4, 5: p10 at rank 0.4 → 1, p50 at rank 2 → 3, p90 at rank 3.6 → 4.6.
    var quantiles = StreamingQuantiles(streams: 1, probabilities: [0.1, 0.5, 0.9])
    for value in [3.0, 1, 4, 1, 5] { quantiles.add(value, to: 0) }
    let estimates = quantiles.estimates(for: 0)
    #expect(estimates[0] == 1)
    #expect(estimates[1] == 3)
    #expect(abs(estimates[2] - 4.6) < 1e-12)
  }

  @Test("streaming quantiles estimate the percentiles of a long stream closely")
  func longStreamQuantiles() {
    var quantiles = StreamingQuantiles(streams: 2, probabilities: [0.1, 0.5, 0.9])
    // 0…1000 in a fixed pseudo-random order.
    var values = Array(0...1000).map(Double.init)
    for index in values.indices.reversed() {
      values.swapAt(index, Int(uniform(7, index) * Double(index + 1)))
    }
    for value in values { quantiles.add(value, to: 1) }
    let estimates = quantiles.estimates(for: 1)
    #expect(abs(estimates[0] - 100) < 10)
    #expect(abs(estimates[1] - 500) < 10)
    #expect(abs(estimates[2] - 900) < 10)
    let empty = quantiles.estimates(for: 0)
    let count = quantiles.count(of: 1)
    #expect(empty.allSatisfy { $0.isNaN })
    #expect(count == 1001)
  }
}
