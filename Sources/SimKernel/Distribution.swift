import CGSL

/// A probability distribution for a scenario quantity, named and parameterised as in the
/// literature and in GSL's manual. Every variate is drawn by GSL (`gsl_ran_*` or
/// `gsl_rng_uniform`), so a draw is reproducible from the stream's seed alone.
///
/// In scenario JSON a distribution is a one-key object, `{"gamma": {"shape": 2, "scale": 10}}`;
/// a bare number is a constant. Parameters are validated when decoded
/// (`Distribution+Codable.swift`), so `sample` never meets an invalid one.
public enum Distribution: Sendable, Equatable, Hashable {
  /// Always `value`.
  case constant(value: Double)
  /// Density 1/(b − a) on [a, b): `gsl_ran_flat`.
  case uniform(lower: Double, upper: Double)
  /// Density λ e^(−λx), x ≥ 0; mean 1/λ: `gsl_ran_exponential`.
  case exponential(rate: Double)
  /// Density (1/σ√2π) e^(−(x−μ)²/2σ²): `gsl_ran_gaussian_ziggurat`.
  case normal(mean: Double, sd: Double)
  /// The normal restricted to [lower, upper], drawn by inversion (one uniform per draw, so the
  /// stream stays aligned across scenarios): Φ⁻¹(Φ(a) + U (Φ(b) − Φ(a))).
  case truncatedNormal(mean: Double, sd: Double, lower: Double, upper: Double)
  /// ln X ~ Normal(μ, σ): `gsl_ran_lognormal`.
  case lognormal(mu: Double, sigma: Double)
  /// Density x^(k−1) e^(−x/θ) / Γ(k) θ^k: `gsl_ran_gamma`.
  case gamma(shape: Double, scale: Double)
  /// Density x^(α−1) (1−x)^(β−1) / B(α, β) on [0, 1]: `gsl_ran_beta`.
  case beta(alpha: Double, beta: Double)
  /// Triangular on [a, b] with mode c, by inversion of its CDF from `gsl_rng_uniform`
  /// (GSL has no triangular sampler).
  case triangular(lower: Double, mode: Double, upper: Double)
  /// Density (k/λ)(x/λ)^(k−1) e^(−(x/λ)^k): `gsl_ran_weibull`.
  case weibull(shape: Double, scale: Double)
  /// 1 with probability p, else 0: `gsl_ran_bernoulli`.
  case bernoulli(p: Double)
  /// Successes in n trials of probability p: `gsl_ran_binomial`.
  case binomial(n: Int, p: Double)
  /// Count with mean μ: `gsl_ran_poisson`.
  case poisson(mean: Double)
  /// `values[i]` with probability `weights[i] / Σ weights`: an empirical distribution.
  /// Drawn by inverting the cumulative weights with one `gsl_rng_uniform`.
  case discrete(values: [Double], weights: [Double])

  /// The largest Poisson mean a scenario may give: `gsl_ran_poisson` returns an `unsigned int`,
  /// so means near 2³² wrap, and from about 1e11 its reduction loop does not return.
  public static let largestPoissonMean = 1e9

  /// One draw from this distribution.
  /// - Complexity: O(1), except `discrete`: O(k) for k values.
  @inlinable
  public func sample(_ stream: inout RandomStream) -> Double {
    stream.withGenerator { rng in
      switch self {
      case .constant(let value):
        return value
      case .uniform(let lower, let upper):
        return gsl_ran_flat(rng, lower, upper)
      case .exponential(let rate):
        return gsl_ran_exponential(rng, 1 / rate)
      case .normal(let mean, let sd):
        return mean + gsl_ran_gaussian_ziggurat(rng, sd)
      case .truncatedNormal(let mean, let sd, let lower, let upper):
        let alpha = (lower - mean) / sd
        let beta = (upper - mean) / sd
        let u = gsl_rng_uniform_pos(rng)
        let z: Double
        if alpha > 0 {
          // Above the mean Φ rounds to 1 (from about 8 sd all of [a, b] maps to one double), so
          // invert the mirror image [−b, −a], where Φ keeps full precision, and reflect back.
          let low = gsl_cdf_ugaussian_P(-beta)
          let high = gsl_cdf_ugaussian_P(-alpha)
          z = -gsl_cdf_ugaussian_Pinv(high - u * (high - low))
        } else {
          let low = gsl_cdf_ugaussian_P(alpha)
          let high = gsl_cdf_ugaussian_P(beta)
          z = gsl_cdf_ugaussian_Pinv(low + u * (high - low))
        }
        return min(max(mean + sd * z, lower), upper)
      case .lognormal(let mu, let sigma):
        return gsl_ran_lognormal(rng, mu, sigma)
      case .gamma(let shape, let scale):
        return gsl_ran_gamma(rng, shape, scale)
      case .beta(let alpha, let beta):
        return gsl_ran_beta(rng, alpha, beta)
      case .triangular(let lower, let mode, let upper):
        let u = gsl_rng_uniform(rng)
        let split = (mode - lower) / (upper - lower)
        if u < split {
          return lower + ((upper - lower) * (mode - lower) * u).squareRoot()
        }
        return upper - ((upper - lower) * (upper - mode) * (1 - u)).squareRoot()
      case .weibull(let shape, let scale):
        return gsl_ran_weibull(rng, scale, shape)
      case .bernoulli(let p):
        return Double(gsl_ran_bernoulli(rng, p))
      case .binomial(let n, let p):
        return Double(gsl_ran_binomial(rng, p, UInt32(n)))
      case .poisson(let mean):
        return Double(gsl_ran_poisson(rng, mean))
      case .discrete(let values, let weights):
        return values[Distribution.pick(weights: weights, u: gsl_rng_uniform(rng))]
      }
    }
  }

  /// The index whose cumulative weight first exceeds `u` × total, for a `u` drawn uniform on
  /// [0, 1): the one weighted-choice rule of the project (empirical distributions, and models
  /// that choose among entities by weight). A linear scan: lists here are short.
  /// - Complexity: O(k) for k weights.
  public static func pick(weights: [Double], u: Double) -> Int {
    let total = weights.reduce(0, +)
    var target = u * total
    for (index, weight) in weights.enumerated() {
      if target < weight { return index }
      target -= weight
    }
    return weights.count - 1
  }

  /// The name used in scenario JSON.
  public var name: String {
    switch self {
    case .constant: "constant"
    case .uniform: "uniform"
    case .exponential: "exponential"
    case .normal: "normal"
    case .truncatedNormal: "truncated_normal"
    case .lognormal: "lognormal"
    case .gamma: "gamma"
    case .beta: "beta"
    case .triangular: "triangular"
    case .weibull: "weibull"
    case .bernoulli: "bernoulli"
    case .binomial: "binomial"
    case .poisson: "poisson"
    case .discrete: "discrete"
    }
  }

  /// Whether every draw is a whole number (counts): decides which goodness-of-fit test applies.
  public var isDiscrete: Bool {
    switch self {
    case .bernoulli, .binomial, .poisson, .discrete, .constant: true
    default: false
    }
  }
}
