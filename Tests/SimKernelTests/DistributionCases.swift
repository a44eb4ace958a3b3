import SimKernel

/// The distributions the verification tests sample, one or more per case of `Distribution`, with
/// parameters chosen to be asymmetric (so a swapped pair of parameters shows) and to reach the
/// different algorithms GSL switches between (gamma shape below and above 1, binomial and Poisson
/// means below and above GSL's thresholds).
enum DistributionCases {
  static let continuous: [Distribution] = [
    .uniform(lower: 2, upper: 5),
    .exponential(rate: 0.5),
    .normal(mean: 3, sd: 2),
    .truncatedNormal(mean: 1, sd: 2, lower: 0, upper: 4),
    .truncatedNormal(mean: 0, sd: 1, lower: 1.5, upper: 6),
    // Far in each tail, where Φ near 1 has no precision left and Φ near 0 has all of it.
    .truncatedNormal(mean: 10, sd: 2, lower: 27, upper: 40),
    .truncatedNormal(mean: 0, sd: 1, lower: -11, upper: -8.5),
    .lognormal(mu: 0.5, sigma: 0.5),
    .gamma(shape: 2.5, scale: 3),
    .gamma(shape: 0.5, scale: 2),
    .beta(alpha: 2, beta: 5),
    .beta(alpha: 0.5, beta: 0.8),
    .triangular(lower: 1, mode: 2, upper: 6),
    .triangular(lower: 0, mode: 0, upper: 1),
    .weibull(shape: 1.5, scale: 2),
    .weibull(shape: 0.7, scale: 1),
  ]

  static let discrete: [Distribution] = [
    .constant(value: 4.2),
    .bernoulli(p: 0.3),
    .binomial(n: 20, p: 0.35),
    .binomial(n: 100, p: 0.4),
    .poisson(mean: 4.5),
    .poisson(mean: 40),
    .discrete(values: [1, 2.5, 7, 9], weights: [1, 3, 6, 0]),
  ]

  static let all = continuous + discrete
}

extension Distribution {
  /// Every value of positive mass (for Poisson, every value up to far into the tail).
  var supportForTests: [Double] {
    switch self {
    case .constant(let value): return [value]
    case .bernoulli: return [0, 1]
    case .binomial(let n, _): return (0...n).map(Double.init)
    case .poisson(let mean): return (0...Int(mean + 12 * mean.squareRoot() + 12)).map(Double.init)
    case .discrete(let values, _): return values
    default: preconditionFailure("\(self) is continuous")
    }
  }

  /// P(X = x) for a discrete distribution, from the jump of its CDF at `x`.
  func massForTests(at x: Double) -> Double {
    cdf(x) - cdf(x.nextDown)
  }
}
