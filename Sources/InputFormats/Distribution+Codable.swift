import SimKernel

/// Scenario JSON for distributions: `{"name": {parameters}}` or a bare number for a constant.
///
/// Every parameter is checked here, once, so that GSL never sees an invalid one; a problem
/// names its field path and the allowed range, e.g. `gamma.scale: must be > 0, got -2`.
extension Distribution: Codable {
  /// The distribution names a scenario may use, in the order `--help` lists them.
  public static let names = [
    "constant", "uniform", "exponential", "normal", "truncated_normal", "lognormal", "gamma", "beta",
    "triangular", "weibull", "bernoulli", "binomial", "poisson", "discrete",
  ]

  public init(from decoder: any Decoder) throws {
    if let single = try? decoder.singleValueContainer(), let value = try? single.decode(Double.self) {
      self = .constant(value: value)
      return
    }
    guard let outer = try? decoder.container(keyedBy: AnyCodingKey.self) else {
      try decoder.reject(Self.shapeProblem(found: Self.describeNonObject(decoder)))
      self = .constant(value: 0)
      return
    }
    let keys = outer.allKeys
    guard keys.count == 1, let key = keys.first else {
      let found = keys.isEmpty ? "an empty object" : keys.map(\.stringValue).sorted().joined(separator: ", ")
      try decoder.reject(Self.shapeProblem(found: found))
      self = .constant(value: 0)
      return
    }
    guard Self.names.contains(key.stringValue) else {
      try decoder.reject(
        "unknown distribution \"\(key.stringValue)\"; allowed: \(Self.names.joined(separator: ", "))")
      self = .constant(value: 0)
      return
    }
    let parameters = try outer.superDecoder(forKey: key)
    self = try Self.decodeParameters(named: key.stringValue, from: parameters)
  }

  private static func shapeProblem(found: String) -> String {
    "a distribution is a number or an object with exactly one of: \(names.joined(separator: ", ")); got \(found)"
  }

  /// What a value that is neither a number nor an object is, for the message that rejects it.
  private static func describeNonObject(_ decoder: any Decoder) -> String {
    guard let single = try? decoder.singleValueContainer() else { return "a list" }
    if single.decodeNil() { return "null" }
    if let text = try? single.decode(String.self) { return "the string \"\(text)\"" }
    if let flag = try? single.decode(Bool.self) { return "\(flag)" }
    return "a list"
  }

  private static func decodeParameters(named name: String, from decoder: any Decoder) throws -> Distribution {
    var reader = try ParameterReader(decoder, distribution: name)
    let result: Distribution
    switch name {
    case "constant":
      result = .constant(value: try reader.number("value"))
    case "uniform":
      let lower = try reader.number("lower")
      let upper = try reader.number("upper", above: lower, named: "lower")
      result = .uniform(lower: lower, upper: upper)
    case "exponential":
      result = .exponential(rate: try reader.rateOrMean())
    case "normal":
      result = .normal(mean: try reader.number("mean"), sd: try reader.number("sd", above: 0))
    case "truncated_normal":
      let mean = try reader.number("mean")
      let sd = try reader.number("sd", above: 0)
      let lower = try reader.number("lower")
      let upper = try reader.number("upper", above: lower, named: "lower")
      result = .truncatedNormal(mean: mean, sd: sd, lower: lower, upper: upper)
    case "lognormal":
      result = .lognormal(mu: try reader.number("mu"), sigma: try reader.number("sigma", above: 0))
    case "gamma":
      result = .gamma(
        shape: try reader.number("shape", above: 0), scale: try reader.number("scale", above: 0))
    case "beta":
      result = .beta(alpha: try reader.number("alpha", above: 0), beta: try reader.number("beta", above: 0))
    case "triangular":
      let lower = try reader.number("lower")
      let mode = try reader.number("mode", atLeast: lower, named: "lower")
      let upper = try reader.number("upper", above: lower, named: "lower")
      if mode > upper {
        try decoder.reject(
          "must be ≤ upper (\(format(upper))), got \(format(mode))", at: AnyCodingKey(stringValue: "mode"))
      }
      result = .triangular(lower: lower, mode: min(mode, upper), upper: upper)
    case "weibull":
      result = .weibull(
        shape: try reader.number("shape", above: 0), scale: try reader.number("scale", above: 0))
    case "bernoulli":
      result = .bernoulli(p: try reader.probability("p"))
    case "binomial":
      result = .binomial(n: try reader.count("n"), p: try reader.probability("p"))
    case "poisson":
      let mean = try reader.number("mean", above: 0)
      if mean > Distribution.largestPoissonMean {
        try decoder.reject(
          "must be ≤ \(format(Distribution.largestPoissonMean)) (GSL's Poisson sampler counts in 32 bits: "
            + "larger means wrap or never return), got \(format(mean))", at: AnyCodingKey(stringValue: "mean")
        )
      }
      result = .poisson(mean: min(mean, Distribution.largestPoissonMean))
    default:  // "discrete"
      result = try reader.discrete()
    }
    try reader.rejectUnread()
    return result
  }

  public func encode(to encoder: any Encoder) throws {
    var outer = encoder.container(keyedBy: AnyCodingKey.self)
    var inner = outer.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(stringValue: name))
    func put(_ key: String, _ value: Double) throws {
      try inner.encode(value, forKey: AnyCodingKey(stringValue: key))
    }
    switch self {
    case .constant(let value): try put("value", value)
    case .uniform(let lower, let upper): try put("lower", lower); try put("upper", upper)
    case .exponential(let rate): try put("rate", rate)
    case .normal(let mean, let sd): try put("mean", mean); try put("sd", sd)
    case .truncatedNormal(let mean, let sd, let lower, let upper):
      try put("mean", mean); try put("sd", sd); try put("lower", lower); try put("upper", upper)
    case .lognormal(let mu, let sigma): try put("mu", mu); try put("sigma", sigma)
    case .gamma(let shape, let scale), .weibull(let shape, let scale):
      try put("shape", shape); try put("scale", scale)
    case .beta(let alpha, let beta): try put("alpha", alpha); try put("beta", beta)
    case .triangular(let lower, let mode, let upper):
      try put("lower", lower); try put("mode", mode); try put("upper", upper)
    case .bernoulli(let p): try put("p", p)
    case .binomial(let n, let p): try inner.encode(n, forKey: AnyCodingKey(stringValue: "n")); try put("p", p)
    case .poisson(let mean): try put("mean", mean)
    case .discrete(let values, let weights):
      try inner.encode(values, forKey: AnyCodingKey(stringValue: "values"))
      try inner.encode(weights, forKey: AnyCodingKey(stringValue: "weights"))
    }
  }
}

/// Reads one distribution's parameters, checking each against its allowed range and
/// remembering which keys were read so that a misspelt one is reported, not ignored.
private struct ParameterReader {
  let decoder: any Decoder
  let container: KeyedDecodingContainer<AnyCodingKey>
  let distribution: String
  var read: Set<String> = []

  init(_ decoder: any Decoder, distribution: String) throws {
    self.decoder = decoder
    self.distribution = distribution
    self.container = try decoder.container(keyedBy: AnyCodingKey.self)
  }

  private func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }

  mutating func number(_ name: String) throws -> Double {
    read.insert(name)
    guard container.contains(key(name)) else {
      try decoder.reject("required parameter of \(distribution) is missing", at: key(name))
      return 1
    }
    let value = try container.decode(Double.self, forKey: key(name))
    guard value.isFinite else {
      try decoder.reject("must be a finite number, got \(value)", at: key(name))
      return 1
    }
    return value
  }

  mutating func number(_ name: String, above bound: Double, named boundName: String? = nil) throws -> Double {
    let value = try number(name)
    if !(value > bound) {
      let allowed = boundName.map { "\($0) (\(format(bound)))" } ?? format(bound)
      try decoder.reject("must be > \(allowed), got \(format(value))", at: key(name))
      return bound + 1
    }
    return value
  }

  mutating func number(_ name: String, atLeast bound: Double, named boundName: String) throws -> Double {
    let value = try number(name)
    if value < bound {
      try decoder.reject("must be ≥ \(boundName) (\(format(bound))), got \(format(value))", at: key(name))
      return bound
    }
    return value
  }

  mutating func probability(_ name: String) throws -> Double {
    let value = try number(name)
    if !(0...1).contains(value) {
      try decoder.reject("must be a probability in [0, 1], got \(format(value))", at: key(name))
      return 0.5
    }
    return value
  }

  mutating func count(_ name: String) throws -> Int {
    let value = try number(name)
    if value < 0 || value != value.rounded() || value > Double(UInt32.max) {
      try decoder.reject("must be a whole number ≥ 0, got \(format(value))", at: key(name))
      return 1
    }
    return Int(value)
  }

  /// The exponential takes its rate (λ) or, because delays read more naturally so, its mean.
  mutating func rateOrMean() throws -> Double {
    // Both count as read, so that an unknown key's message lists both alternatives.
    read.formUnion(["rate", "mean"])
    let hasRate = container.contains(key("rate"))
    let hasMean = container.contains(key("mean"))
    if hasRate == hasMean {
      try decoder.reject("needs exactly one of \"rate\" (> 0) or \"mean\" (> 0)")
      return 1
    }
    return hasRate ? try number("rate", above: 0) : 1 / (try number("mean", above: 0))
  }

  mutating func discrete() throws -> Distribution {
    read.formUnion(["values", "weights"])
    let weights = try container.decodeIfPresent([Double].self, forKey: key("weights")) ?? []
    let values =
      try container.decodeIfPresent([Double].self, forKey: key("values"))
      ?? weights.indices.map(Double.init)
    if weights.isEmpty {
      try decoder.reject("must be a non-empty list of weights ≥ 0", at: key("weights"))
      return .constant(value: 0)
    }
    let total = weights.reduce(0, +)
    if weights.contains(where: { !($0 >= 0) || !$0.isFinite }) || !(total > 0) || !total.isFinite {
      try decoder.reject(
        "weights must be finite, ≥ 0, not all 0, and sum to a finite number (below about 1.8e308)",
        at: key("weights"))
      return .constant(value: 0)
    }
    if values.count != weights.count {
      try decoder.reject(
        "must have one value per weight (\(weights.count)), got \(values.count)", at: key("values"))
      return .constant(value: 0)
    }
    return .discrete(values: values, weights: weights)
  }

  func rejectUnread() throws {
    for found in container.allKeys.map(\.stringValue).sorted() where !read.contains(found) {
      let allowed = read.sorted().joined(separator: ", ")
      try decoder.reject("unknown parameter of \(distribution); allowed: \(allowed)", at: key(found))
    }
  }
}
