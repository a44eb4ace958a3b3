import Foundation
import InputFormats
import SimKernel

/// A problem with a sweep's design or with one of its points: the file (DESIGN.json or the
/// scenario), what is wrong and what is allowed. The executable prints it and exits 2; nothing
/// has run and nothing is written.
public struct SweepError: Error, Sendable, CustomStringConvertible, Equatable {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// One factor of a design: a numeric field of the scenario, addressed as validation messages
/// write paths (`demand.freezeProbability`, `programs[0].cohortSize`), and the values it takes.
public struct SweepFactor: Sendable, Equatable, Codable {
  public var path: String
  /// The range a unit-cube coordinate is scaled into (`lhs`, `sobol`, `morris`).
  public var lower: Double?
  public var upper: Double?
  /// The values of a `grid` factor, in the order the grid lists them.
  public var values: [Double]?

  public init(path: String, lower: Double? = nil, upper: Double? = nil, values: [Double]? = nil) {
    self.path = path
    self.lower = lower
    self.upper = upper
    self.values = values
  }

  /// `lower + u (upper − lower)`: a unit coordinate in the factor's range, the scaling SALib's
  /// `scale_samples` applies.
  func scaled(_ unit: Double) -> Double { lower! + unit * (upper! - lower!) }
}

/// How the points of a sweep are chosen.
public enum SweepMethod: String, Sendable, Codable, CaseIterable {
  /// Every combination of each factor's `values`, the last factor varying fastest.
  case grid
  /// Latin hypercube: `samples` points, one in each of `samples` equal slices of every factor.
  case lhs
  /// Saltelli's scheme on GSL's Sobol' sequence: `samples` base points, N × (k + 2) rows.
  case sobol
  /// Morris's elementary effects: `samples` one-at-a-time trajectories of k + 1 rows.
  case morris
}

/// The contents of DESIGN.json: the method, its size, the seed of its random choices and of the
/// bootstrap, and the factors.
public struct SweepDesign: Sendable, Equatable, Codable {
  public var method: SweepMethod
  /// Points (`lhs`), base samples (`sobol`) or trajectories (`morris`); unused by `grid`.
  public var samples: Int?
  /// Morris's number of levels p (even; default 4).
  public var levels: Int?
  /// Seeds the `lhs` and `morris` draws and every bootstrap.
  public var seed: UInt64
  public var factors: [SweepFactor]

  public init(method: SweepMethod, samples: Int?, levels: Int? = nil, seed: UInt64, factors: [SweepFactor]) {
    self.method = method
    self.samples = samples
    self.levels = levels
    self.seed = seed
    self.factors = factors
  }

  /// Morris's levels, defaulted.
  var morrisLevels: Int { levels ?? 4 }

  /// The design's rows, as a `Double` so that a huge design cannot overflow: the product of the
  /// grid's value counts, `samples` (`lhs`), N (k + 2) (`sobol`) or N (k + 1) (`morris`).
  public var pointCount: Double {
    let k = Double(factors.count)
    let n = Double(samples ?? 0)
    switch method {
    case .grid: return factors.reduce(1) { $0 * Double($1.values?.count ?? 0) }
    case .lhs: return n
    case .sobol: return n * (k + 2)
    case .morris: return n * (k + 1)
    }
  }

  /// The most rows a design may have: every point's scenario is built and checked before the
  /// sweep starts, and the points, their values and one mean per point, strategy and metric are
  /// held in memory (see `memoryBytes`).
  public static let maximumPoints = 1_000_000.0

  /// The most memory a sweep may plan to hold, in bytes: as a scenario's replication
  /// (`ScenarioLimits.memoryMiBPerReplication`).
  public static let maximumMemoryBytes = 4_096.0 * 1_048_576

  /// Memory the sweep holds for its design whatever the scenario: each point's unit coordinates
  /// and values (16 bytes a factor) and one mean per strategy and metric (8 bytes each).
  public func memoryBytes(strategies: Int, metrics: Int) -> Double {
    pointCount * (16 * Double(factors.count) + 8 * Double(strategies * metrics))
  }

  /// The field that sets the design's size, for messages: `samples`, or for a grid the factor
  /// with the most values.
  public var sizeField: String {
    guard method == .grid else { return "samples" }
    let largest = factors.indices.max { (factors[$0].values?.count ?? 0) < (factors[$1].values?.count ?? 0) }
    return "factors[\(largest ?? 0)].values"
  }

  /// Refuses a design whose memory for `strategies` × `metrics` outputs exceeds
  /// `maximumMemoryBytes`, naming the field that sets its size; `file` names the design.
  public func checkMemory(strategies: Int, metrics: Int, file: String) throws(SweepError) {
    let bytes = memoryBytes(strategies: strategies, metrics: metrics)
    guard bytes <= Self.maximumMemoryBytes else {
      throw SweepError(
        "\(file): \(sizeField): the sweep would hold about \(Int((bytes / 1_048_576).rounded())) MiB for "
          + "\(SimKernel.format(pointCount)) points × \(strategies) strategies × \(metrics) metrics, above the limit "
          + "of \(Int(Self.maximumMemoryBytes / 1_048_576)) MiB; reduce it")
    }
  }

  /// The largest number of factors Saltelli's scheme can take from GSL's Sobol' generator, whose
  /// sequences go up to 40 dimensions (A and B take k each).
  static let maximumSobolFactors = 20

  /// Reads and checks DESIGN.json, naming the file and field path of every problem.
  /// - Throws: `SweepError` for unreadable or malformed JSON, an unknown or missing field, a
  ///   field of the wrong type, or a value out of its range.
  public static func load(_ path: String) throws(SweepError) -> SweepDesign {
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem): throw SweepError("\(path): the design file \(problem)")
    }
    return try decode(data, file: path)
  }

  /// Checks the JSON of a design; `file` names it in errors.
  public static func decode(_ data: Data, file: String) throws(SweepError) -> SweepDesign {
    // Strict JSON first, as scenario and target files: a key given twice, a syntax error with its
    // line and column, invalid UTF-8, NaN, text after the value.
    if let problem = StrictJSON.problem(in: data) { throw SweepError("\(file): \(problem.description)") }
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data)
    } catch {
      let info = (error as NSError).userInfo
      let detail = (info[NSDebugDescriptionErrorKey] as? String) ?? (error as NSError).localizedDescription
      throw SweepError("\(file): not valid JSON (\(detail))")
    }
    return try DesignReader(file: file).design(root)
  }
}

/// Turns the parsed JSON of DESIGN.json into a `SweepDesign`, one checked field at a time.
private struct DesignReader {
  let file: String

  func fail(_ path: String, _ message: String) -> SweepError {
    SweepError("\(file): \(path.isEmpty ? "" : path + ": ")\(message)")
  }

  func object(_ value: Any, at path: String, keys: [String]) throws(SweepError) -> [String: Any] {
    guard let object = value as? [String: Any] else { throw fail(path, "must be a JSON object") }
    if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
      let at = path.isEmpty ? unknown : "\(path).\(unknown)"
      throw fail(at, "unknown field; allowed: \(keys.joined(separator: ", "))")
    }
    return object
  }

  func number(_ value: Any, at path: String) throws(SweepError) -> Double {
    guard let number = value as? NSNumber, !isBoolean(value), number.doubleValue.isFinite else {
      throw fail(path, "must be a number, got \(describe(value))")
    }
    return number.doubleValue
  }

  func whole(_ value: Any, at path: String, atLeast bound: Int) throws(SweepError) -> Int {
    let number = try number(value, at: path)
    guard number == number.rounded(), number >= Double(bound), number <= 1e9 else {
      throw fail(path, "must be a whole number from \(bound) to 1000000000, got \(SimKernel.format(number))")
    }
    return Int(number)
  }

  func design(_ root: Any) throws(SweepError) -> SweepDesign {
    let top = try object(root, at: "", keys: ["method", "samples", "levels", "seed", "factors"])
    guard let methodName = top["method"] else { throw fail("method", "required field is missing") }
    let allowed = SweepMethod.allCases.map(\.rawValue).joined(separator: ", ")
    guard let name = methodName as? String, let method = SweepMethod(rawValue: name) else {
      throw fail("method", "must be one of \(allowed), got \(describe(methodName))")
    }
    let samples = try top["samples"].map { value throws(SweepError) in
      try whole(value, at: "samples", atLeast: method == .morris ? 2 : 1)
    }
    if method != .grid && samples == nil {
      throw fail("samples", "required for method \(name): the number of \(method.sizeNoun)")
    }
    if method == .grid && samples != nil {
      throw fail("samples", "not used by method grid: its size is the product of the factors' values")
    }
    let levels = try top["levels"].map { value throws(SweepError) in
      try whole(value, at: "levels", atLeast: 2)
    }
    if let levels {
      guard method == .morris else { throw fail("levels", "only used by method morris") }
      guard levels % 2 == 0 else {
        throw fail("levels", "must be even (Morris's levels pair up for steps of p/(2(p−1))), got \(levels)")
      }
    }
    let seed: UInt64
    if let value = top["seed"] {
      let number = try number(value, at: "seed")
      guard number >= 0, number == number.rounded(), number < 1.8e19, let exact = UInt64(exactly: number)
      else { throw fail("seed", "must be a whole number from 0 to \(UInt64.max), got \(describe(value))") }
      seed = exact
    } else {
      seed = 1
    }
    guard let factorList = top["factors"] else { throw fail("factors", "required field is missing") }
    guard let entries = factorList as? [Any], !entries.isEmpty else {
      throw fail("factors", "must be a non-empty list of {\"path\", \"lower\", \"upper\"} objects")
    }
    var factors: [SweepFactor] = []
    for (index, entry) in entries.enumerated() {
      factors.append(try factor(entry, at: "factors[\(index)]", method: method))
    }
    var seen: Set<String> = []
    for (index, factor) in factors.enumerated() where !seen.insert(factor.path).inserted {
      throw fail("factors[\(index)].path", "\(factor.path) is already a factor; each path may appear once")
    }
    if method == .sobol && factors.count > SweepDesign.maximumSobolFactors {
      throw fail(
        "factors",
        "sobol takes at most \(SweepDesign.maximumSobolFactors) factors (GSL's Sobol' sequence has 40 "
          + "dimensions), got \(factors.count)")
    }
    let design = SweepDesign(method: method, samples: samples, levels: levels, seed: seed, factors: factors)
    // Checked before any point is generated: a design's points are allocated at once.
    guard design.pointCount <= SweepDesign.maximumPoints else {
      let rule =
        switch method {
        case .grid: "the product of the factors' value counts"
        case .lhs: "samples"
        case .sobol: "samples × (factors + 2)"
        case .morris: "samples × (factors + 1)"
        }
      throw fail(
        design.sizeField,
        "the design would have \(SimKernel.format(design.pointCount)) points (\(rule)); at most "
          + "\(SimKernel.format(SweepDesign.maximumPoints)) are allowed")
    }
    return design
  }

  func factor(_ entry: Any, at path: String, method: SweepMethod) throws(SweepError) -> SweepFactor {
    let keys = method == .grid ? ["path", "values"] : ["path", "lower", "upper"]
    let fields = try object(entry, at: path, keys: keys)
    guard let factorPath = fields["path"] as? String, !factorPath.isEmpty else {
      throw fail("\(path).path", "required: the scenario field to vary, e.g. \"demand.freezeProbability\"")
    }
    do {
      _ = try FactorPath(factorPath)
    } catch {
      throw fail("\(path).path", error.message)
    }
    if method == .grid {
      guard let list = fields["values"] as? [Any], !list.isEmpty else {
        throw fail("\(path).values", "required for method grid: a non-empty list of numbers")
      }
      var values: [Double] = []
      for (index, item) in list.enumerated() {
        values.append(try number(item, at: "\(path).values[\(index)]"))
      }
      return SweepFactor(path: factorPath, values: values)
    }
    guard let lowerValue = fields["lower"] else { throw fail("\(path).lower", "required field is missing") }
    guard let upperValue = fields["upper"] else { throw fail("\(path).upper", "required field is missing") }
    let lower = try number(lowerValue, at: "\(path).lower")
    let upper = try number(upperValue, at: "\(path).upper")
    guard upper > lower else {
      throw fail(
        "\(path).upper", "must be > lower (\(CSVFormat.number(lower))), got \(CSVFormat.number(upper))")
    }
    // Points are lower + u (upper − lower): the width must itself be a finite number.
    guard (upper - lower).isFinite else {
      throw fail(
        "\(path).upper",
        "upper − lower must be at most about 1.8e308 (the largest number), got \(CSVFormat.number(lower)) to "
          + "\(CSVFormat.number(upper))")
    }
    return SweepFactor(path: factorPath, lower: lower, upper: upper)
  }

  func describe(_ value: Any) -> String {
    if isBoolean(value) { return (value as? Bool) == true ? "true" : "false" }
    if let number = value as? NSNumber { return CSVFormat.number(number.doubleValue) }
    if let text = value as? String { return "\"\(text)\"" }
    if value is [Any] { return "a list" }
    if value is [String: Any] { return "an object" }
    return "null"
  }
}

/// Whether a value JSONSerialization produced is `true` or `false` (which also casts to NSNumber).
func isBoolean(_ value: Any) -> Bool {
  String(describing: type(of: value)).contains("Boolean") || type(of: value) == Bool.self
}

extension SweepMethod {
  /// What `samples` counts, for messages.
  var sizeNoun: String {
    switch self {
    case .grid: "points"
    case .lhs: "points"
    case .sobol: "base samples (each gives k + 2 points)"
    case .morris: "trajectories (each gives k + 1 points)"
    }
  }
}
