import CGSL

/// Inverse CDFs, so a caller that needs "the value below which a share p of draws falls" (the
/// report's axis ends for an unbounded prior, for instance) asks the distribution instead of
/// bisecting its CDF.
extension Distribution {
  /// The `p`-quantile: the smallest x with P(X ≤ x) ≥ p (the generalised inverse, so for a
  /// discrete distribution it is always a value of positive mass).
  ///
  /// From GSL's `gsl_cdf_*_Pinv` where GSL has one (uniform, exponential, normal, lognormal,
  /// gamma, beta, Weibull); the truncated normal through the standard normal's inverse, on the
  /// same side of the mean as `cdf` and the sampler (`Qinv` above it, where Φ near 1 has no
  /// precision left); triangular in closed form; the discrete ones by searching their CDF.
  /// `quantile(0)` and `quantile(1)` are the support's ends (±∞ when unbounded). NaN only if
  /// GSL's iterative inverse fails to converge (its error handler is off: `GSLRuntime`).
  /// - Precondition: 0 ≤ p ≤ 1.
  public func quantile(_ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "a quantile's probability must lie in [0, 1], got \(p)")
    if p == 0 { return supportLowerBound }
    if p == 1 { return supportUpperBound }
    switch self {
    case .constant(let value): return value
    case .uniform(let a, let b): return gsl_cdf_flat_Pinv(p, a, b)
    case .exponential(let rate): return gsl_cdf_exponential_Pinv(p, 1 / rate)
    case .normal(let mean, let sd): return mean + gsl_cdf_gaussian_Pinv(p, sd)
    case .truncatedNormal(let mu, let sd, let a, let b):
      let z: Double
      if a > mu {
        let high = gsl_cdf_ugaussian_Q((a - mu) / sd)
        let low = gsl_cdf_ugaussian_Q((b - mu) / sd)
        z = gsl_cdf_ugaussian_Qinv(high - p * (high - low))
      } else {
        let low = gsl_cdf_ugaussian_P((a - mu) / sd)
        let high = gsl_cdf_ugaussian_P((b - mu) / sd)
        z = gsl_cdf_ugaussian_Pinv(low + p * (high - low))
      }
      return min(b, max(a, mu + sd * z))
    case .lognormal(let mu, let sigma): return gsl_cdf_lognormal_Pinv(p, mu, sigma)
    case .gamma(let shape, let scale): return gsl_cdf_gamma_Pinv(p, shape, scale)
    case .beta(let alpha, let beta): return gsl_cdf_beta_Pinv(p, alpha, beta)
    case .triangular(let a, let c, let b):
      // F(c) = (c − a)/(b − a) splits the two quadratic pieces of the CDF.
      if p * (b - a) <= c - a { return a + (p * (b - a) * (c - a)).squareRoot() }
      return b - ((1 - p) * (b - a) * (b - c)).squareRoot()
    case .weibull(let k, let lambda): return gsl_cdf_weibull_Pinv(p, lambda, k)
    case .bernoulli(let success): return p <= 1 - success ? 0 : 1
    case .binomial, .poisson: return smallestCount(reaching: p)
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      var cumulative = 0.0
      // In value order, as `cdf` sums them; values of no weight are never a quantile.
      for index in values.indices.sorted(by: { (values[$0], $0) < (values[$1], $1) })
      where weights[index] > 0 {
        cumulative += weights[index]
        if cumulative / total >= p { return values[index] }
      }
      return values.indices.filter { weights[$0] > 0 }.map { values[$0] }.max() ?? supportUpperBound
    }
  }

  /// The smallest count k ≥ 0 with `cdf(k) ≥ p`: doubling until the CDF reaches p, then
  /// bisecting on the integers, so a Poisson mean of millions takes a few dozen CDF calls.
  private func smallestCount(reaching p: Double) -> Double {
    if cdf(0) >= p { return 0 }
    var below = 0.0  // cdf(below) < p
    var reached = max(1, mean.rounded(.up))  // grows until cdf(reached) ≥ p
    while cdf(reached) < p {
      guard reached < supportUpperBound, reached < 0x1p52 else { return supportUpperBound }
      below = reached
      reached = min(supportUpperBound, reached * 2)
    }
    while reached - below > 1 {
      let middle = ((below + reached) / 2).rounded(.down)
      if cdf(middle) >= p { reached = middle } else { below = middle }
    }
    return reached
  }
}
