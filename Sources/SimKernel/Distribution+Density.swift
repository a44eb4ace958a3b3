import CGSL

/// Densities, for weighing ABC-SMC particles by their prior: GSL's `gsl_ran_*_pdf` where it has
/// one, the closed form otherwise. Outside the support the density is 0, so a proposal there
/// gets weight 0 and is rejected.
extension Distribution {
  /// The density at `x` (the probability of `x` for a discrete distribution).
  public func density(_ x: Double) -> Double {
    guard x.isFinite, x >= supportLowerBound, x <= supportUpperBound else { return 0 }
    switch self {
    case .constant(let value): return x == value ? 1 : 0
    case .uniform(let a, let b): return 1 / (b - a)
    case .exponential(let rate): return gsl_ran_exponential_pdf(x, 1 / rate)
    case .normal(let mean, let sd): return gsl_ran_gaussian_pdf(x - mean, sd)
    case .truncatedNormal(let mean, let sd, let a, let b):
      return gsl_ran_gaussian_pdf(x - mean, sd) / cdfMass(mean, sd, a, b)
    case .lognormal(let mu, let sigma): return gsl_ran_lognormal_pdf(x, mu, sigma)
    case .gamma(let shape, let scale): return gsl_ran_gamma_pdf(x, shape, scale)
    case .beta(let a, let b): return gsl_ran_beta_pdf(x, a, b)
    case .triangular(let a, let c, let b):
      return x <= c
        ? (c == a ? 2 / (b - a) : 2 * (x - a) / ((b - a) * (c - a))) : 2 * (b - x) / ((b - a) * (b - c))
    case .weibull(let k, let lambda): return gsl_ran_weibull_pdf(x, lambda, k)
    case .bernoulli(let p): return x == 1 ? p : (x == 0 ? 1 - p : 0)
    case .binomial(let n, let p):
      return x == x.rounded() ? gsl_ran_binomial_pdf(UInt32(x), p, UInt32(n)) : 0
    case .poisson(let mean): return x == x.rounded() && x < 4e9 ? gsl_ran_poisson_pdf(UInt32(x), mean) : 0
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      return zip(values, weights).reduce(0) { $1.0 == x ? $0 + $1.1 : $0 } / total
    }
  }
}

/// Φ((b−μ)/σ) − Φ((a−μ)/σ), from the upper tail above the mean where Φ loses precision.
private func cdfMass(_ mu: Double, _ sd: Double, _ a: Double, _ b: Double) -> Double {
  let alpha = (a - mu) / sd
  let beta = (b - mu) / sd
  if alpha > 0 { return gsl_cdf_ugaussian_Q(alpha) - gsl_cdf_ugaussian_Q(beta) }
  return gsl_cdf_ugaussian_P(beta) - gsl_cdf_ugaussian_P(alpha)
}
