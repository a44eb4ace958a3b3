import Foundation
import SimKernel
import Testing

/// Each sampler against the theory in `Distribution+Moments.swift`: its mean, its variance, and
/// (for continuous cases) its whole distribution through GSL's CDF. Seeds are fixed, so each
/// test is deterministic; the tolerances are wide enough in standard errors (5) that a correct
/// sampler passes for almost every seed, and narrow enough that a wrong parameterisation fails.
@Suite("Distribution sampling")
struct DistributionSamplingTests {
  static let drawCount = 40_000

  /// `drawCount` draws from the stream named after the distribution, under a fixed seed.
  static func draws(_ distribution: Distribution, count: Int = drawCount) -> [Double] {
    var stream = RandomStream(replicationSeed: 2026_11_29, key: StreamKey("sampling \(distribution)"))
    return (0..<count).map { _ in distribution.sample(&stream) }
  }

  @Test(
    "The sample mean lies within 5 standard errors of the theoretical mean", arguments: DistributionCases.all)
  func sampleMeanMatchesTheory(_ distribution: Distribution) {
    let moments = SampleMoments(Self.draws(distribution))
    let standardError = (distribution.variance / Double(moments.count)).squareRoot()
    let tolerance = 5 * standardError + 1e-12 * max(1, abs(distribution.mean))
    #expect(
      abs(moments.mean - distribution.mean) <= tolerance,
      "sample mean \(moments.mean), theory \(distribution.mean), tolerance \(tolerance)")
  }

  @Test(
    "The sample variance lies within 5 of its standard errors of the theoretical variance",
    arguments: DistributionCases.all)
  func sampleVarianceMatchesTheory(_ distribution: Distribution) {
    let moments = SampleMoments(Self.draws(distribution))
    let tolerance = 5 * moments.varianceStandardError + 1e-12 * max(1, distribution.variance)
    #expect(
      abs(moments.variance - distribution.variance) <= tolerance,
      "sample variance \(moments.variance), theory \(distribution.variance), tolerance \(tolerance)")
  }

  @Test(
    "A continuous sampler passes a one-sample Kolmogorov–Smirnov test against its GSL CDF at alpha 0.001",
    arguments: DistributionCases.continuous)
  func continuousSamplerFollowsItsCDF(_ distribution: Distribution) {
    let statistic = kolmogorovSmirnovStatistic(Self.draws(distribution), cdf: distribution.cdf)
    let critical = kolmogorovSmirnovCriticalValue(count: Self.drawCount)
    #expect(statistic < critical, "D = \(statistic), critical value \(critical)")
  }

  @Test("The Kolmogorov–Smirnov check rejects draws whose scale is 5% off the CDF's")
  func kolmogorovSmirnovDetectsAWrongParameter() {
    let drawn = Self.draws(.gamma(shape: 2.5, scale: 3))
    let statistic = kolmogorovSmirnovStatistic(drawn, cdf: Distribution.gamma(shape: 2.5, scale: 3.15).cdf)
    #expect(statistic > kolmogorovSmirnovCriticalValue(count: drawn.count))
  }

  @Test(
    "Each probability mass of a discrete sampler lies within 5 standard errors of its theoretical value",
    arguments: DistributionCases.discrete)
  func discreteMassesMatchTheory(_ distribution: Distribution) {
    let drawn = Self.draws(distribution)
    let n = Double(drawn.count)
    var observed: [Double: Int] = [:]
    for value in drawn { observed[value, default: 0] += 1 }
    let support = distribution.supportForTests
    // The enumerated support must carry (almost) all the mass, or the check below proves little.
    #expect(abs(Set(support).reduce(0) { $0 + distribution.massForTests(at: $1) } - 1) < 1e-9)
    for value in Set(support).union(observed.keys) {
      let mass = distribution.massForTests(at: value)
      let expected = n * mass
      // In counts, with a slack of one draw for masses so small that their expected count is < 1.
      let tolerance = 5 * (n * mass * (1 - mass)).squareRoot() + 1
      let count = Double(observed[value] ?? 0)
      #expect(
        abs(count - expected) <= tolerance,
        "value \(value): \(count) draws, expected \(expected) ± \(tolerance)")
    }
  }

  @Test("A discrete sampler draws only values of positive probability", arguments: DistributionCases.discrete)
  func discreteSamplerStaysInItsSupport(_ distribution: Distribution) {
    for value in Set(Self.draws(distribution)) {
      #expect(distribution.massForTests(at: value) > 0, "drew \(value), which has no mass")
    }
  }

  @Test(
    "Draws of a bounded distribution stay within its bounds",
    arguments: [
      (Distribution.uniform(lower: 2, upper: 5), 2.0...5.0),
      (.truncatedNormal(mean: 1, sd: 2, lower: 0, upper: 4), 0...4),
      (.truncatedNormal(mean: 0, sd: 1, lower: 1.5, upper: 6), 1.5...6),
      (.beta(alpha: 0.5, beta: 0.8), 0...1),
      (.triangular(lower: 1, mode: 2, upper: 6), 1...6),
      (.triangular(lower: 0, mode: 0, upper: 1), 0...1),
      (.exponential(rate: 0.5), 0...Double.infinity),
      (.gamma(shape: 0.5, scale: 2), 0...Double.infinity),
    ])
  func boundedDrawsStayInBounds(_ distribution: Distribution, bounds: ClosedRange<Double>) {
    let outside = Self.draws(distribution).filter { !bounds.contains($0) }
    #expect(outside.isEmpty, "\(outside.count) draws outside \(bounds), e.g. \(outside.prefix(3))")
  }
}
