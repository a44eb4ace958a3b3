/// The range a distribution's draws can fall in, so a scenario can require, say, a delay that is
/// never negative or a trait that stays in [0, 1] instead of clamping draws silently.
extension Distribution {
  /// The smallest value a draw can take (−∞ when unbounded).
  public var supportLowerBound: Double {
    switch self {
    case .constant(let value): value
    case .uniform(let lower, _), .truncatedNormal(_, _, let lower, _), .triangular(let lower, _, _): lower
    case .normal: -.infinity
    case .exponential, .lognormal, .gamma, .beta, .weibull, .bernoulli, .binomial, .poisson: 0
    case .discrete(let values, _): values.min() ?? 0
    }
  }

  /// The largest value a draw can take (+∞ when unbounded).
  public var supportUpperBound: Double {
    switch self {
    case .constant(let value): value
    case .uniform(_, let upper), .truncatedNormal(_, _, _, let upper), .triangular(_, _, let upper): upper
    case .normal, .exponential, .lognormal, .gamma, .weibull, .poisson: .infinity
    case .beta, .bernoulli: 1
    case .binomial(let n, _): Double(n)
    case .discrete(let values, _): values.max() ?? 0
    }
  }

  /// A short human-readable form for messages and `describe`: `gamma(shape 2, scale 10)`.
  public var summary: String {
    switch self {
    case .constant(let value): return format(value)
    case .discrete(let values, let weights):
      return "discrete(" + zip(values, weights).map { "\(format($0)):\(format($1))" }.joined(separator: ", ")
        + ")"
    default:
      let mirror = Mirror(reflecting: self)
      guard let payload = mirror.children.first?.value else { return name }
      let parts = Mirror(reflecting: payload).children.map { child -> String in
        let value = (child.value as? Double).map(format) ?? "\(child.value)"
        return "\(child.label ?? "") \(value)"
      }
      return "\(name)(\(parts.joined(separator: ", ")))"
    }
  }
}

/// Numbers in messages as a user wrote them: `2`, not `2.0`.
public func format(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
}
