import Foundation
import InputFormats
import SimKernel
import Testing

/// Scenario JSON for distributions: what decodes, and the message each invalid input gives.
/// A message names the field path as the user wrote it, what is allowed, and what was found.
@Suite("Distribution decoding")
struct DistributionDecodingTests {
  static func decode(_ json: String) throws -> Distribution {
    try JSONDecoder().decode(Distribution.self, from: Data(json.utf8))
  }

  /// The description of the `FieldProblem` that decoding `json` throws, or nil if none is thrown.
  static func problem(_ json: String) -> String? {
    do {
      _ = try decode(json)
      return nil
    } catch {
      return (error as? FieldProblem)?.description ?? "not a FieldProblem: \(error)"
    }
  }

  static let allNames =
    "constant, uniform, exponential, normal, truncated_normal, lognormal, gamma, beta, triangular, "
    + "weibull, bernoulli, binomial, poisson, discrete"

  @Test("A bare number decodes as a constant")
  func bareNumberIsConstant() throws {
    #expect(try Self.decode("2.5") == .constant(value: 2.5))
  }

  @Test("A one-key object decodes to that distribution with its parameters")
  func namedObjectDecodes() throws {
    #expect(try Self.decode(#"{"gamma": {"shape": 2, "scale": 10}}"#) == .gamma(shape: 2, scale: 10))
  }

  @Test("An exponential may be given by its mean instead of its rate")
  func exponentialByMean() throws {
    #expect(try Self.decode(#"{"exponential": {"mean": 4}}"#) == .exponential(rate: 0.25))
  }

  @Test("A non-positive gamma scale is reported with its path, bound and value")
  func negativeGammaScale() {
    #expect(Self.problem(#"{"gamma": {"shape": 2, "scale": -1}}"#) == "gamma.scale: must be > 0, got -1")
  }

  @Test("Inside a parent object the path starts with the parent's key")
  func pathIncludesParentKey() {
    let json = #"{"delay": {"gamma": {"shape": 2, "scale": -1}}}"#
    var message: String?
    do {
      _ = try JSONDecoder().decode([String: Distribution].self, from: Data(json.utf8))
    } catch {
      message = (error as? FieldProblem)?.description
    }
    #expect(message == "delay.gamma.scale: must be > 0, got -1")
  }

  @Test("A probability outside [0, 1] is reported with its path and value")
  func probabilityOutOfRange() {
    #expect(
      Self.problem(#"{"bernoulli": {"p": 1.5}}"#) == "bernoulli.p: must be a probability in [0, 1], got 1.5")
  }

  @Test("An empty list of weights is rejected")
  func emptyWeights() {
    #expect(
      Self.problem(#"{"discrete": {"values": [], "weights": []}}"#)
        == "discrete.weights: must be a non-empty list of weights ≥ 0")
  }

  @Test("An unknown distribution name is rejected with the list of allowed names")
  func unknownDistributionName() {
    #expect(
      Self.problem(#"{"gama": {"shape": 2, "scale": 1}}"#)
        == "unknown distribution \"gama\"; allowed: \(Self.allNames)")
  }

  @Test("An unknown parameter is rejected with the parameters the distribution takes")
  func unknownParameter() {
    #expect(
      Self.problem(#"{"gamma": {"shape": 2, "scale": 1, "rate": 3}}"#)
        == "gamma.rate: unknown parameter of gamma; allowed: scale, shape")
  }

  @Test("An object with more than one key is rejected")
  func twoKeys() {
    #expect(
      Self.problem(#"{"gamma": {"shape": 2, "scale": 1}, "normal": {"mean": 0, "sd": 1}}"#)
        == "a distribution is a number or an object with exactly one of: \(Self.allNames); got gamma, normal")
  }

  @Test("A value that is neither a number nor an object is rejected, saying what was found")
  func neitherNumberNorObject() {
    #expect(
      Self.problem(#""fast""#)
        == "a distribution is a number or an object with exactly one of: \(Self.allNames); got the string \"fast\""
    )
  }

  @Test("A parameter of the wrong JSON type is reported at its path as a decoding error")
  func wrongParameterType() {
    var problems: [FieldProblem] = []
    do {
      _ = try Self.decode(#"{"gamma": {"shape": "two", "scale": 1}}"#)
    } catch {
      problems = fieldProblems(from: error)
    }
    #expect(problems.map(\.description) == ["gamma.shape: expected a number"])
  }

  @Test("With a ProblemLog attached every problem is recorded instead of throwing the first")
  func problemLogCollectsEveryProblem() throws {
    let log = ProblemLog()
    let decoder = JSONDecoder()
    decoder.userInfo[.problemLog] = log
    _ = try decoder.decode(
      Distribution.self, from: Data(#"{"triangular": {"lower": 5, "mode": 1, "upper": 2, "peak": 3}}"#.utf8))
    #expect(
      log.problems.map(\.description) == [
        "triangular.mode: must be ≥ lower (5), got 1",
        "triangular.upper: must be > lower (5), got 2",
        "triangular.peak: unknown parameter of triangular; allowed: lower, mode, upper",
      ])
  }

  static let invalidInputs: [(json: String, message: String)] = [
    (#"{"gamma": {"shape": 2}}"#, "gamma.scale: required parameter of gamma is missing"),
    (#"{"normal": {"mean": 0, "sd": 0}}"#, "normal.sd: must be > 0, got 0"),
    (#"{"uniform": {"lower": 2, "upper": 1}}"#, "uniform.upper: must be > lower (2), got 1"),
    (#"{"triangular": {"lower": 0, "mode": 5, "upper": 4}}"#, "triangular.mode: must be ≤ upper (4), got 5"),
    (#"{"triangular": {"lower": 1, "mode": 0, "upper": 4}}"#, "triangular.mode: must be ≥ lower (1), got 0"),
    (#"{"binomial": {"n": 2.5, "p": 0.5}}"#, "binomial.n: must be a whole number ≥ 0, got 2.5"),
    (#"{"binomial": {"n": 10, "p": -0.1}}"#, "binomial.p: must be a probability in [0, 1], got -0.1"),
    (#"{"poisson": {"mean": 0}}"#, "poisson.mean: must be > 0, got 0"),
    (
      #"{"exponential": {"rate": 1, "mean": 1}}"#,
      "exponential: needs exactly one of \"rate\" (> 0) or \"mean\" (> 0)"
    ),
    (
      #"{"exponential": {"rate": 1, "scale": 2}}"#,
      "exponential.scale: unknown parameter of exponential; allowed: mean, rate"
    ),
    (#"{}"#, "a distribution is a number or an object with exactly one of: \(allNames); got an empty object"),
    (
      #"{"discrete": {"weights": [1, -1]}}"#,
      "discrete.weights: weights must be finite, ≥ 0, not all 0, and sum to a finite number (below about 1.8e308)"
    ),
    (
      #"{"discrete": {"values": [1, 2, 3], "weights": [1, 1]}}"#,
      "discrete.values: must have one value per weight (2), got 3"
    ),
  ]

  @Test(
    "Each invalid parameter is reported with its path, what is allowed and what was found",
    arguments: invalidInputs)
  func invalidParameterMessages(json: String, message: String) {
    #expect(Self.problem(json) == message)
  }

  /// One distribution of every case, with parameters no default shares.
  static let everyCase: [Distribution] = [
    .constant(value: 4.2), .uniform(lower: 2, upper: 5), .exponential(rate: 0.5), .normal(mean: 3, sd: 2),
    .truncatedNormal(mean: 1, sd: 2, lower: 0, upper: 4), .lognormal(mu: 0.5, sigma: 0.5),
    .gamma(shape: 2.5, scale: 3), .beta(alpha: 2, beta: 5), .triangular(lower: 1, mode: 2, upper: 6),
    .weibull(shape: 1.5, scale: 2), .bernoulli(p: 0.3), .binomial(n: 20, p: 0.35), .poisson(mean: 4.5),
    .discrete(values: [1, 2.5, 7, 9], weights: [1, 3, 6, 0]),
  ]

  @Test("Encoding then decoding gives back the same distribution", arguments: everyCase)
  func roundTrips(_ distribution: Distribution) throws {
    let data = try JSONEncoder().encode(distribution)
    #expect(try JSONDecoder().decode(Distribution.self, from: data) == distribution)
  }
}
