import CohortModel
import Foundation
import InputFormats
import SimKernel

/// The contents of TARGETS.json: the parameters to fit with their priors (may be empty for
/// `check --targets`) and the targets, each with its source.
///
///     {"parameters": [{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.1, "upper": 1}}}],
///      "targets": [{"metric": "placed_6m_seeking", "low": 0.85, "high": 0.99, "source": "…"},
///                  {"metric": "openings_per_year", "value": 58, "tolerance": 3, "source": "…"}]}
///
/// A joint calibration adds `"scenarios"`: further scenarios that share the parameters, each
/// with its own targets (inline, or the name of another targets file whose `"targets"` are used
/// and whose `"parameters"` are ignored), and optionally its own replications per particle:
///
///     {"parameters": [...], "targets": "baseline.json",
///      "scenarios": [{"scenario": "../one-program-oregon.json", "targets": "one-program-oregon.json"},
///                    {"scenario": "../national-sample.json", "targets": [...], "replications": 2}]}
///
/// Paths are relative to the file that names them.
public struct CalibrationTargets: Sendable, Equatable {
  public var file: String
  public var parameters: [CalibrationParameter]
  public var targets: [CalibrationTarget]
  /// The scenarios calibrated jointly with the command's own, in the file's order.
  public var jointScenarios: [JointScenario]

  /// A further scenario of a joint calibration: where it is, what it must meet, and how many
  /// replications each particle runs of it (nil: the command's `--replications`).
  public struct JointScenario: Sendable, Equatable {
    public var scenarioPath: String
    public var targets: [CalibrationTarget]
    /// The targets file its targets came from (this file when they are inline).
    public var targetsFile: String
    public var replications: Int?

    public init(scenarioPath: String, targets: [CalibrationTarget], targetsFile: String, replications: Int?) {
      self.scenarioPath = scenarioPath
      self.targets = targets
      self.targetsFile = targetsFile
      self.replications = replications
    }
  }

  public init(
    file: String, parameters: [CalibrationParameter], targets: [CalibrationTarget],
    jointScenarios: [JointScenario] = []
  ) {
    self.file = file
    self.parameters = parameters
    self.targets = targets
    self.jointScenarios = jointScenarios
  }

  /// Reads and checks TARGETS.json on its own (its fields, metrics and priors); `checked(against:)`
  /// then checks it against the scenario.
  /// - Throws: `CalibrationError` naming the file and field path of the first problem.
  public static func load(_ path: String) throws(CalibrationError) -> CalibrationTargets {
    try loadWithDigest(path).targets
  }

  /// `load`, with the SHA-256 of the very bytes it checked: what `run.json` records, from the
  /// same read, so the recorded hash cannot describe a file changed after it was read.
  public static func loadWithDigest(_ path: String) throws(CalibrationError) -> (
    targets: CalibrationTargets, sha256: String
  ) {
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem): throw CalibrationError(file: path, path: "", "the targets file \(problem)")
    }
    return (try decode(data, file: path), SHA256.hexDigest(of: data))
  }

  public static func decode(_ data: Data, file: String) throws(CalibrationError) -> CalibrationTargets {
    if let problem = StrictJSON.problem(in: data) {
      throw CalibrationError(file: file, path: problem.path, problem.message)
    }
    // Strict JSON parses.
    let root = try! JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    return try TargetsReader(file: file).targets(root)
  }

  /// The strategies whose means the targets compare, in first-use order.
  public func strategies(default first: String) -> [String] {
    var seen: [String] = []
    for target in targets where !seen.contains(target.strategy ?? first) {
      seen.append(target.strategy ?? first)
    }
    return seen
  }

  /// Checks the file against the scenario it calibrates: every target's strategy is one the
  /// scenario runs, and every parameter's path leads to a number whose allowed range holds the
  /// prior's support — checked by building the scenario with the field at the support's ends (a
  /// large magnitude where a support is unbounded) and at the prior's mean, with the scenario's
  /// own validation.
  /// - Throws: `CalibrationError` naming the targets file, the field path and what the scenario
  ///   allows there.
  public func checked(against scenarioFile: ScenarioFile) throws(CalibrationError) -> ScenarioFactors {
    let strategies = scenarioFile.scenario.strategiesToRun
    for (index, target) in targets.enumerated() {
      if let strategy = target.strategy, !strategies.contains(strategy) {
        throw CalibrationError(
          file: file, path: "targets[\(index)].strategy",
          "\"\(strategy)\" is not a strategy \(scenarioFile.path) runs; it runs: \(strategies.joined(separator: ", "))"
        )
      }
    }
    let factors: ScenarioFactors
    do {
      factors = try ScenarioFactors(
        scenarioFile: scenarioFile, factors: parameters.map { SweepFactor(path: $0.path) })
    } catch {
      throw CalibrationError(file: file, path: "parameters", error.message)
    }
    for (index, parameter) in parameters.enumerated() {
      let single: ScenarioFactors
      do {
        single = try ScenarioFactors(scenarioFile: scenarioFile, factors: [SweepFactor(path: parameter.path)])
      } catch {
        throw CalibrationError(file: file, path: "parameters[\(index)].path", error.message)
      }
      let prior = parameter.prior
      let probes: [(String, Double)] = [
        ("its mean", prior.mean),
        ("its support's lower end", prior.supportLowerBound.isFinite ? prior.supportLowerBound : -1e9),
        ("its support's upper end", prior.supportUpperBound.isFinite ? prior.supportUpperBound : 1e9),
      ]
      // A path that leads nowhere fails whatever the value: the walk's own refusals, or the
      // scenario's unknown key where the walk created one.
      let pathProblems = [
        "unknown key", "is not a number in", "is not an object", "is not a list", "does not exist",
      ]
      do {
        _ = try single.scenario(point: 0, values: [prior.mean])
      } catch  where pathProblems.contains(where: { error.message.contains($0) }) {
        throw CalibrationError(
          file: file, path: "parameters[\(index)].path",
          "\(parameter.path) is not a numeric field of the scenario: \(Self.withoutPoint(error.message))")
      } catch {}
      for (what, value) in probes {
        do {
          _ = try single.scenario(point: 0, values: [value])
        } catch {
          let message = Self.withoutPoint(error.message)
          throw CalibrationError(
            file: file, path: "parameters[\(index)].prior",
            "the prior \(prior.summary) reaches values the scenario refuses at \(parameter.path) (at \(what), "
              + "\(CSVFormat.number(value))): \(message)")
        }
      }
    }
    return factors
  }

  /// A sweep message without its "point 0" prefix, which means nothing in a calibration.
  private static func withoutPoint(_ message: String) -> String {
    message.replacingOccurrences(of: "point 0: ", with: "").replacingOccurrences(of: "point 0 ", with: "")
  }
}

/// Turns the parsed JSON of TARGETS.json into `CalibrationTargets`, one checked field at a time.
private struct TargetsReader {
  let file: String

  func fail(_ path: String, _ message: String) -> CalibrationError {
    CalibrationError(file: file, path: path, message)
  }

  func object(_ value: Any, at path: String, keys: [String]) throws(CalibrationError) -> [String: Any] {
    guard let object = value as? [String: Any] else { throw fail(path, "must be a JSON object") }
    if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
      let at = path.isEmpty ? unknown : "\(path).\(unknown)"
      throw fail(at, "unknown field; allowed: \(keys.joined(separator: ", "))")
    }
    return object
  }

  func number(_ value: Any?, at path: String) throws(CalibrationError) -> Double {
    guard let value else { throw fail(path, "required field is missing") }
    guard let number = value as? NSNumber, !isBoolean(value), number.doubleValue.isFinite else {
      throw fail(path, "must be a number")
    }
    return number.doubleValue
  }

  func targets(_ root: Any) throws(CalibrationError) -> CalibrationTargets {
    let top = try object(root, at: "", keys: ["parameters", "targets", "scenarios"])
    var parameters: [CalibrationParameter] = []
    if let list = top["parameters"] {
      guard let entries = list as? [Any] else {
        throw fail("parameters", "must be a list of {\"path\", \"prior\"} objects")
      }
      for (index, entry) in entries.enumerated() {
        parameters.append(try parameter(entry, at: "parameters[\(index)]"))
      }
      var seen: Set<String> = []
      for (index, parameter) in parameters.enumerated() where !seen.insert(parameter.path).inserted {
        throw fail(
          "parameters[\(index)].path", "\(parameter.path) is already a parameter; give each path once")
      }
    }
    let targets = try targetList(top["targets"], at: "targets").targets
    var joint: [CalibrationTargets.JointScenario] = []
    if let list = top["scenarios"] {
      guard let entries = list as? [Any], !entries.isEmpty else {
        throw fail(
          "scenarios", "must be a non-empty list of {\"scenario\", \"targets\"} objects (a joint calibration)"
        )
      }
      for (index, entry) in entries.enumerated() {
        joint.append(try jointScenario(entry, at: "scenarios[\(index)]"))
      }
    }
    return CalibrationTargets(file: file, parameters: parameters, targets: targets, jointScenarios: joint)
  }

  /// A `"targets"` value: a non-empty list, or the name of a targets file (relative to this
  /// one) whose list is used.
  func targetList(_ value: Any?, at path: String) throws(CalibrationError) -> (
    targets: [CalibrationTarget], file: String
  ) {
    guard let value else { throw fail(path, "required field is missing") }
    if let name = value as? String {
      let referenced = Self.resolve(name, relativeTo: file)
      guard referenced != file else { throw fail(path, "names this file itself; list the targets instead") }
      let data: Data
      switch InputFile.read(referenced) {
      case .success(let bytes): data = bytes
      case .failure(let problem): throw fail(path, "the targets file \(referenced) \(problem)")
      }
      let other = try CalibrationTargets.decode(data, file: referenced)
      guard other.jointScenarios.isEmpty else {
        throw fail(path, "\(referenced) lists \"scenarios\" itself; name a file of targets only")
      }
      return (other.targets, referenced)
    }
    guard let entries = value as? [Any], !entries.isEmpty else {
      throw fail(
        path,
        "must be a non-empty list of {\"metric\", \"low\", \"high\", \"source\"} or {\"metric\", \"value\", "
          + "\"tolerance\", \"source\"} objects, or the name of a targets file")
    }
    var targets: [CalibrationTarget] = []
    for (index, entry) in entries.enumerated() {
      targets.append(try target(entry, at: "\(path)[\(index)]"))
    }
    return (targets, file)
  }

  func jointScenario(_ entry: Any, at path: String) throws(CalibrationError)
    -> CalibrationTargets.JointScenario
  {
    let fields = try object(entry, at: path, keys: ["scenario", "targets", "replications"])
    guard let name = fields["scenario"] as? String, !name.isEmpty else {
      throw fail("\(path).scenario", "required: the scenario file, relative to this targets file")
    }
    let (targets, targetsFile) = try targetList(fields["targets"], at: "\(path).targets")
    var replications: Int?
    if fields["replications"] != nil {
      let value = try number(fields["replications"], at: "\(path).replications")
      guard value == value.rounded(), (1...1_000_000).contains(value) else {
        throw fail("\(path).replications", "must be a whole number from 1 to 1000000")
      }
      replications = Int(value)
    }
    return .init(
      scenarioPath: Self.resolve(name, relativeTo: file), targets: targets, targetsFile: targetsFile,
      replications: replications)
  }

  /// `name` as a path: absolute as given, else relative to the folder of `file`.
  static func resolve(_ name: String, relativeTo file: String) -> String {
    if name.hasPrefix("/") { return name }
    let folder = (file as NSString).deletingLastPathComponent
    return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
  }

  func parameter(_ entry: Any, at path: String) throws(CalibrationError) -> CalibrationParameter {
    let fields = try object(entry, at: path, keys: ["path", "prior"])
    guard let fieldPath = fields["path"] as? String, !fieldPath.isEmpty else {
      throw fail("\(path).path", "required: the scenario field to fit, e.g. \"hiring.applyProbability\"")
    }
    do {
      _ = try FactorPath(fieldPath)
    } catch {
      throw fail("\(path).path", error.message)
    }
    guard let priorValue = fields["prior"] else {
      throw fail(
        "\(path).prior", "required: a distribution, e.g. {\"uniform\": {\"lower\": 0.1, \"upper\": 1}}")
    }
    // A parsed JSON value serialises back.
    let data = try! JSONSerialization.data(withJSONObject: priorValue, options: [.fragmentsAllowed])
    let log = ProblemLog()
    let decoder = JSONDecoder()
    decoder.userInfo[.problemLog] = log
    let prior: Distribution
    do {
      prior = try decoder.decode(Distribution.self, from: data)
    } catch {
      let problem = (log.problems + fieldProblems(from: error))[0]
      throw fail("\(path).prior" + (problem.path.isEmpty ? "" : ".\(problem.path)"), problem.message)
    }
    if let problem = log.problems.first {
      throw fail("\(path).prior" + (problem.path.isEmpty ? "" : ".\(problem.path)"), problem.message)
    }
    if case .constant = prior {
      throw fail("\(path).prior", "a constant prior fits nothing; give a distribution with a spread")
    }
    if prior.isDiscrete {
      throw fail(
        "\(path).prior",
        "must be a continuous distribution (ABC-SMC perturbs parameters with a normal kernel); got \(prior.name)"
      )
    }
    return CalibrationParameter(path: fieldPath, prior: prior)
  }

  func target(_ entry: Any, at path: String) throws(CalibrationError) -> CalibrationTarget {
    let fields = try object(
      entry, at: path,
      keys: ["metric", "value", "tolerance", "low", "high", "source", "strategy", "knownMiss"])
    guard let name = fields["metric"] as? String else {
      throw fail("\(path).metric", "required: a metric name (see 'cohortsim help metrics')")
    }
    guard let metric = Metric(rawValue: name) else {
      throw fail(
        "\(path).metric",
        "unknown metric \"\(name)\"; allowed: \(Metric.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let band: CalibrationTarget.Band
    let hasValue = fields["value"] != nil || fields["tolerance"] != nil
    let hasRange = fields["low"] != nil || fields["high"] != nil
    switch (hasValue, hasRange) {
    case (true, false):
      let value = try number(fields["value"], at: "\(path).value")
      let tolerance = try number(fields["tolerance"], at: "\(path).tolerance")
      guard tolerance > 0 else { throw fail("\(path).tolerance", "must be > 0") }
      band = .value(value, tolerance: tolerance)
    case (false, true):
      let low = try number(fields["low"], at: "\(path).low")
      let high = try number(fields["high"], at: "\(path).high")
      guard high > low else { throw fail("\(path).high", "must be > low (\(CSVFormat.number(low)))") }
      band = .range(low: low, high: high)
    default:
      throw fail(
        path, "give either \"value\" and \"tolerance\" or \"low\" and \"high\", not both and not neither")
    }
    guard let source = fields["source"] as? String, !source.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      throw fail("\(path).source", "required: where the figure comes from (a non-empty string)")
    }
    var strategy: String?
    if let value = fields["strategy"] {
      guard let text = value as? String, !text.isEmpty else {
        throw fail("\(path).strategy", "must be a strategy name (see 'cohortsim help strategies')")
      }
      strategy = text
    }
    var knownMiss: String?
    if let value = fields["knownMiss"] {
      guard let text = value as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw fail("\(path).knownMiss", "must say why the model misses the target (a non-empty string)")
      }
      knownMiss = text
    }
    return CalibrationTarget(
      metric: metric, band: band, source: source, strategy: strategy, knownMiss: knownMiss)
  }
}
