import CohortModel
import Foundation
import InputFormats
import SimKernel

/// A factor's path split into its steps: `programs[0].cohortSize` is the key `programs`, the
/// element 0, the key `cohortSize` — the spelling scenario validation messages use.
struct FactorPath: Sendable, Equatable {
  enum Step: Sendable, Equatable {
    case key(String)
    case index(Int)
  }

  let text: String
  let steps: [Step]

  /// - Throws: `SweepError` naming what is malformed (an empty key, an unclosed bracket).
  init(_ text: String) throws(SweepError) {
    self.text = text
    var steps: [Step] = []
    for part in text.split(separator: ".", omittingEmptySubsequences: false) {
      var rest = Substring(part)
      let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
      let key = rest[..<keyEnd]
      guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
        throw SweepError(
          "'\(text)' is not a field path: write keys joined by dots and array elements as [n], "
            + "e.g. demand.freezeProbability or programs[0].cohortSize")
      }
      steps.append(.key(String(key)))
      rest = rest[keyEnd...]
      while !rest.isEmpty {
        guard rest.first == "[", let close = rest.firstIndex(of: "]"),
          let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0
        else {
          throw SweepError("'\(text)' is not a field path: an array element is written [n] with n ≥ 0")
        }
        steps.append(.index(index))
        rest = rest[rest.index(after: close)...]
      }
    }
    self.steps = steps
  }
}

/// The scenario of each design point: the scenario file's JSON tree with every factor's field
/// set to the point's value, then decoded and validated exactly as `cohortsim run` would decode
/// the edited file. Working on the tree before decoding means any numeric field is a factor —
/// a distribution's parameter, an array element, a field the file leaves at its default — and
/// every point passes the same checks, with the same messages, as a hand-written scenario.
public struct ScenarioFactors: Sendable {
  /// The scenario file as given, for messages.
  public let file: String
  /// The bytes the command read the file as (`ScenarioFile.bytes`), parsed afresh for each point
  /// (a few kilobytes; cheap beside a replication). Never read again from disk, so every point,
  /// the hash in `run.json` and the scenario the command checked come from one read.
  private let bytes: Data
  /// The files the scenario names (`sitesCsv`), as the command read them: served to each point's
  /// decoding, never read again.
  private let resolver: InputResolver
  private let paths: [FactorPath]
  /// The warm start of `--current-students`, read afresh against each point's scenario (a factor
  /// may change what the file is checked against, such as a program's calendar), at the date
  /// the file was first read with.
  private let warmStart: (file: String, bytes: Data, asOf: AsOfOverride)?

  /// - Throws: `SweepError` when the file is not a JSON object or a factor path is malformed.
  public init(scenarioFile: ScenarioFile, factors: [SweepFactor]) throws(SweepError) {
    file = scenarioFile.path
    guard (try? JSONSerialization.jsonObject(with: scenarioFile.bytes)) is [String: Any] else {
      throw SweepError("\(scenarioFile.path): cannot read the scenario as a JSON object")
    }
    bytes = scenarioFile.bytes
    resolver = .served(
      scenarioFile.scenario.sitesSpreadsheet.map { [$0.path: (file: $0.file, bytes: $0.bytes)] } ?? [:])
    warmStart = scenarioFile.currentStudentsBytes.flatMap { students in
      scenarioFile.scenario.currentStudents.flatMap { current in
        scenarioFile.currentStudentsAsOf.map {
          (current.file, students, AsOfOverride(option: $0.option, date: current.asOfDate))
        }
      }
    }
    paths = try factors.map { factor throws(SweepError) in try FactorPath(factor.path) }
  }

  /// The scenario at one design point.
  /// - Throws: `SweepError` naming the point, the factor's path and value, and what the scenario
  ///   allows there: a path that leads nowhere, or a value the scenario's validation rejects.
  public func scenario(point: Int, values: [Double]) throws(SweepError) -> Scenario {
    let data = try edited(point: point, values: values)
    do throws(ScenarioError) {
      var scenario = try Scenario.decode(data, file: file, resolver: resolver)
      if let warmStart {
        scenario.currentStudents = try CurrentStudents.parse(
          warmStart.bytes, file: warmStart.file, scenario: scenario, asOf: warmStart.asOf)
      }
      // A factor may multiply the work (a count, the years): each point is held to the limits a
      // scenario file is.
      let excess = ResourceEstimate(scenario).problems
      guard excess.isEmpty else { throw ScenarioError(file: file, problems: excess) }
      return scenario
    } catch {
      let assignment = zip(paths, values).map { "\($0.text) = \(CSVFormat.number($1))" }.joined(
        separator: ", ")
      throw SweepError("point \(point) (\(assignment)): \(error.description)")
    }
  }

  /// The scenario file's JSON with every factor's field set, as sorted-key JSON; `extra` sets
  /// top-level keys too (a calibration's `description`).
  func edited(point: Int, values: [Double], extra: [String: String] = [:], pretty: Bool = false)
    throws(SweepError) -> Data
  {
    // The bytes parsed as an object when the factors were made.
    var root: Any = try! JSONSerialization.jsonObject(with: bytes)
    for (path, value) in zip(paths, values) {
      do {
        try Self.set(value, at: path.steps[...], in: &root, walked: "")
      } catch {
        throw SweepError("point \(point): factor \(path.text) = \(CSVFormat.number(value)): \(error.message)")
      }
    }
    if var object = root as? [String: Any] {
      for (key, value) in extra { object[key] = value }
      root = object
    }
    // JSON has no infinity or NaN: a value beyond ±1.8e308 (a factor's range scaled past the
    // largest double) is refused, naming the factor, rather than written.
    if let (path, value) = zip(paths, values).first(where: { !$0.1.isFinite }) {
      throw SweepError(
        "point \(point): factor \(path.text) = \(CSVFormat.number(value)): a value must be a finite number")
    }
    do {
      return try JSONSerialization.data(
        withJSONObject: root,
        options: pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys])
    } catch {
      throw SweepError("point \(point): the edited scenario cannot be written as JSON (\(error))")
    }
  }

  /// Sets the field `steps` leads to. Objects missing along the way are created, so a field the
  /// file leaves at its default can be varied; a distribution the file leaves at its default is
  /// first written out as that default (so `students.aptitude.beta.alpha` varies α and keeps the
  /// default β); an array element must exist.
  private static func set(
    _ value: Double, at steps: ArraySlice<FactorPath.Step>, in node: inout Any, walked: String
  )
    throws(SweepError)
  {
    guard let step = steps.first else {
      if node is String || node is [Any] || isBoolean(node) {
        throw SweepError("\(walked) is not a number in the scenario, so it cannot be a factor")
      }
      node = value
      return
    }
    switch step {
    case .key(let key):
      let here = walked.isEmpty ? key : "\(walked).\(key)"
      guard var object = node as? [String: Any] else {
        throw SweepError("\(walked) is not an object in the scenario, so it has no field \(key)")
      }
      var child: Any = object[key] ?? Self.defaultValue(at: here) ?? [String: Any]()
      if steps.count == 1, object[key] == nil { child = value }
      try set(value, at: steps.dropFirst(), in: &child, walked: here)
      object[key] = child
      node = object
    case .index(let index):
      let here = "\(walked)[\(index)]"
      guard var array = node as? [Any] else {
        throw SweepError("\(walked) is not a list in the scenario, so it has no element [\(index)]")
      }
      guard index < array.count else {
        throw SweepError("\(here) does not exist: \(walked) has \(array.count) elements (from [0])")
      }
      try set(value, at: steps.dropFirst(), in: &array[index], walked: here)
      node = array
    }
  }

  /// Whether the JSON tree `node` gives the field `steps` lead to a value of its own (rather
  /// than leaving it to the default).
  static func isSet(_ steps: ArraySlice<FactorPath.Step>, in node: Any) -> Bool {
    guard let step = steps.first else { return true }
    switch step {
    case .key(let key):
      guard let object = node as? [String: Any], let child = object[key] else { return false }
      return isSet(steps.dropFirst(), in: child)
    case .index(let index):
      guard let array = node as? [Any], index < array.count else { return false }
      return isSet(steps.dropFirst(), in: array[index])
    }
  }

  /// The default of the scenario field at `path` as JSON, when it is a distribution: found by
  /// walking a default `Scenario` along the path's keys (its stored properties are named as the
  /// JSON keys) and encoding what is there. Nil for anything else, whose defaults apply by leaving
  /// the field out.
  private static func defaultValue(at path: String) -> Any? {
    var node: Any = Scenario()
    for key in path.split(separator: ".") {
      guard let child = Mirror(reflecting: node).children.first(where: { $0.label == String(key) }) else {
        return nil
      }
      node = child.value
    }
    guard let distribution = node as? Distribution, let data = try? JSONEncoder().encode(distribution) else {
      return nil
    }
    return try? JSONSerialization.jsonObject(with: data)
  }
}
