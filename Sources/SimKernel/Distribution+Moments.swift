import CGSL
import Foundation

/// Theoretical moments and distribution functions: what `describe` reports for a scenario's
/// inputs, and what the verification tests hold the samplers to. The CDFs are GSL's
/// (`gsl_cdf_*_P`), independent of the samplers they check.
extension Distribution {
  /// E[X].
  public var mean: Double {
    switch self {
    case .constant(let value): return value
    case .uniform(let a, let b): return (a + b) / 2
    case .exponential(let rate): return 1 / rate
    case .normal(let mean, _): return mean
    case .truncatedNormal(let mu, let sd, let a, let b):
      let (alpha, beta, z) = truncation(mu, sd, a, b)
      return mu + sd * (gsl_ran_ugaussian_pdf(alpha) - gsl_ran_ugaussian_pdf(beta)) / z
    case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
    case .gamma(let shape, let scale): return shape * scale
    case .beta(let a, let b): return a / (a + b)
    case .triangular(let a, let c, let b): return (a + b + c) / 3
    case .weibull(let k, let lambda): return lambda * tgamma(1 + 1 / k)
    case .bernoulli(let p): return p
    case .binomial(let n, let p): return Double(n) * p
    case .poisson(let mean): return mean
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
    }
  }

  /// Var[X].
  public var variance: Double {
    switch self {
    case .constant: return 0
    case .uniform(let a, let b): return (b - a) * (b - a) / 12
    case .exponential(let rate): return 1 / (rate * rate)
    case .normal(_, let sd): return sd * sd
    case .truncatedNormal(let mu, let sd, let a, let b):
      let (alpha, beta, z) = truncation(mu, sd, a, b)
      let pa = gsl_ran_ugaussian_pdf(alpha)
      let pb = gsl_ran_ugaussian_pdf(beta)
      let aTerm = alpha.isFinite ? alpha * pa : 0
      let bTerm = beta.isFinite ? beta * pb : 0
      let ratio = (pa - pb) / z
      return sd * sd * (1 + (aTerm - bTerm) / z - ratio * ratio)
    case .lognormal(let mu, let sigma):
      return (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
    case .gamma(let shape, let scale): return shape * scale * scale
    case .beta(let a, let b): return a * b / ((a + b) * (a + b) * (a + b + 1))
    case .triangular(let a, let c, let b): return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .weibull(let k, let lambda):
      let g1 = tgamma(1 + 1 / k)
      return lambda * lambda * (tgamma(1 + 2 / k) - g1 * g1)
    case .bernoulli(let p): return p * (1 - p)
    case .binomial(let n, let p): return Double(n) * p * (1 - p)
    case .poisson(let mean): return mean
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      let m = mean
      return zip(values, weights).reduce(0) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 } / total
    }
  }

  /// P(X ≤ x) from GSL's `gsl_cdf_*_P` (triangular, truncated normal and discrete from their
  /// closed forms).
  public func cdf(_ x: Double) -> Double {
    switch self {
    case .constant(let value): return x < value ? 0 : 1
    case .uniform(let a, let b): return gsl_cdf_flat_P(x, a, b)
    case .exponential(let rate): return gsl_cdf_exponential_P(x, 1 / rate)
    case .normal(let mean, let sd): return gsl_cdf_gaussian_P(x - mean, sd)
    case .truncatedNormal(let mu, let sd, let a, let b):
      if x < a { return 0 }
      if x >= b { return 1 }
      if a > mu {  // in the upper tail, from Q = 1 − Φ, which keeps its precision there
        let high = gsl_cdf_ugaussian_Q((a - mu) / sd)
        return (high - gsl_cdf_ugaussian_Q((x - mu) / sd)) / (high - gsl_cdf_ugaussian_Q((b - mu) / sd))
      }
      let low = gsl_cdf_ugaussian_P((a - mu) / sd)
      return (gsl_cdf_ugaussian_P((x - mu) / sd) - low) / (gsl_cdf_ugaussian_P((b - mu) / sd) - low)
    case .lognormal(let mu, let sigma): return gsl_cdf_lognormal_P(x, mu, sigma)
    case .gamma(let shape, let scale): return gsl_cdf_gamma_P(x, shape, scale)
    case .beta(let a, let b): return gsl_cdf_beta_P(x, a, b)
    case .triangular(let a, let c, let b):
      if x <= a { return 0 }
      if x >= b { return 1 }
      if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
      return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    case .weibull(let k, let lambda): return gsl_cdf_weibull_P(x, lambda, k)
    case .bernoulli(let p): return x < 0 ? 0 : (x < 1 ? 1 - p : 1)
    case .binomial(let n, let p):
      return x < 0 ? 0 : gsl_cdf_binomial_P(UInt32(min(x, Double(n))), p, UInt32(n))
    case .poisson(let mean): return x < 0 ? 0 : gsl_cdf_poisson_P(UInt32(min(x, 4e9)), mean)
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      return zip(values, weights).reduce(0) { $1.0 <= x ? $0 + $1.1 : $0 } / total
    }
  }
}

private func truncation(_ mu: Double, _ sd: Double, _ a: Double, _ b: Double) -> (Double, Double, Double) {
  let alpha = (a - mu) / sd
  let beta = (b - mu) / sd
  // Φ(β) − Φ(α) cancels to 0 far above the mean; Q(α) − Q(β) is the same mass, computed exactly.
  if alpha > 0 {
    return (alpha, beta, gsl_cdf_ugaussian_Q(alpha) - gsl_cdf_ugaussian_Q(beta))
  }
  return (alpha, beta, gsl_cdf_ugaussian_P(beta) - gsl_cdf_ugaussian_P(alpha))
}
