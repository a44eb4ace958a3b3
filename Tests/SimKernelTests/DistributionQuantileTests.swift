import SimKernel
import Testing

/// `Distribution.quantile` against `cdf`, which is computed independently (GSL's `gsl_cdf_*_P`
/// and closed forms): an inverse that swaps a parameter pair or picks the wrong tail misses by
/// far more than the tolerance.
@Suite("Distribution quantiles")
struct DistributionQuantileTests {
  static let probabilities: [Double] = [1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-6]

  /// 1e-9 in probability: GSL's inverses refine their answer with Newton steps until it moves
  /// by about 1e-10 relative, so their CDF matches p to a few 1e-10 or better; a mistaken
  /// inverse is off by 1e-3 or more at some p in the list.
  @Test("The quantile of a continuous distribution inverts its CDF", arguments: DistributionCases.continuous)
  func continuousQuantileInvertsTheCDF(_ distribution: Distribution) {
    for p in Self.probabilities {
      let x = distribution.quantile(p)
      #expect(
        abs(distribution.cdf(x) - p) <= 1e-9,
        "\(distribution): quantile(\(p)) = \(x), cdf \(distribution.cdf(x))")
    }
  }

  @Test(
    "The quantile of a discrete distribution is the smallest value of mass whose CDF reaches p",
    arguments: DistributionCases.discrete)
  func discreteQuantileIsTheSmallestValueReachingP(_ distribution: Distribution) {
    let support = distribution.supportForTests.filter { distribution.massForTests(at: $0) > 0 }.sorted()
    for p in Self.probabilities + [0.7 + 1e-12] {
      let x = distribution.quantile(p)
      let expected = support.first { distribution.cdf($0) >= p }
      #expect(
        x == expected, "\(distribution): quantile(\(p)) = \(x), expected \(String(describing: expected))")
    }
  }

  @Test("The quantiles at 0 and 1 are the ends of the support", arguments: DistributionCases.all)
  func quantilesAtZeroAndOneAreTheSupportEnds(_ distribution: Distribution) {
    #expect(distribution.quantile(0) == distribution.supportLowerBound)
    #expect(distribution.quantile(1) == distribution.supportUpperBound)
  }

  @Test("A Poisson quantile far above the mean is found without walking every count")
  func poissonQuantileOfALargeMean() {
    let distribution = Distribution.poisson(mean: 2_000_000)
    let x = distribution.quantile(0.999)
    #expect(distribution.cdf(x) >= 0.999)
    #expect(distribution.cdf(x - 1) < 0.999)
  }
}
