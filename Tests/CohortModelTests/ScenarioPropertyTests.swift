import CohortModel
import Foundation
import SimKernel
import Testing

/// A small valid scenario, as JSON, that the property test perturbs.
private let propertyBase = #"""
  {"name": "p", "years": 2, "seed": 7,
   "demand": {"regionShare": 0.001},
   "region": {"widthKm": 100, "heightKm": 100, "hospitals": {"count": 5}, "imagingCenters": {"count": 3},
              "clinics": {"count": 3}},
   "programs": [{"name": "A", "xKm": 50, "yKm": 50, "cohortSize": 8, "intakeYears": [2023, 2024]}]}
  """#

/// Fields the property test sets, as paths into the JSON, each holding a number when set.
private let propertyFields: [[String]] = [
  ["years"], ["demand", "regionShare"], ["demand", "freezeProbability"], ["demand", "budgetPeriodDays"],
  ["demand", "nationalOpeningsPerYear"], ["demand", "approvalDelayDays"], ["region", "widthKm"],
  ["region", "hospitals", "count"], ["region", "hospitals", "staff"], ["region", "clinics", "capacity"],
  ["programs", "0", "cohortSize"], ["programs", "0", "lengthMonths"], ["programs", "0", "placementRadiusKm"],
  ["hiring", "applyProbability"], ["hiring", "postingDays"], ["hiring", "onboardingDays"],
  ["hiring", "externalApplicants"], ["hiring", "lookaheadDays"], ["hiring", "holdWindowDays"],
  ["students", "relocationWillingnessKm"], ["evaluation", "memoryHalfLifeDays"],
  ["evaluation", "spreadDelayDays"],
]

/// Magnitudes from zero to the edges of a double, signed.
private let magnitudes: [Double] = [0, 1e-300, 1e-9, 0.5, 1, 3, 1e3, 1e6, 1e9, 1e15, 1e300, -1, -1e300]

/// Sets `value` at `path` in a JSON tree, creating objects on the way.
private func set(_ value: Any, at path: ArraySlice<String>, in node: Any) -> Any {
  guard let key = path.first else { return value }
  if var list = node as? [Any], let index = Int(key), list.indices.contains(index) {
    list[index] = set(value, at: path.dropFirst(), in: list[index])
    return list
  }
  var object = node as? [String: Any] ?? [:]
  object[key] = set(value, at: path.dropFirst(), in: object[key] as Any)
  return object
}

/// A deterministic generator (SplitMix64), so a failing case reproduces from its number.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("random valid-looking scenarios never crash or hang")
struct ScenarioPropertyTests {
  /// Case `number`: one to three fields of the base set to random magnitudes.
  static func scenarioText(_ number: Int) throws -> Data {
    var generator = SplitMix(state: UInt64(number) &* 7919)
    var tree = try JSONSerialization.jsonObject(with: Data(propertyBase.utf8))
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      let path = propertyFields.randomElement(using: &generator)!
      tree = set(magnitudes.randomElement(using: &generator)!, at: path[...], in: tree)
    }
    return try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys])
  }

  /// Decodes case `number` and runs it when valid; whether it ran.
  static func check(_ number: Int) throws -> Bool {
    let text = try scenarioText(number)
    let scenario: Scenario
    do {
      scenario = try Scenario.decode(text, file: "case-\(number).json")
    } catch {
      // Refused: every problem names where it is.
      #expect(error.problems.allSatisfy { !$0.path.isEmpty }, "\(error.description)")
      return false
    }
    let estimate = ResourceEstimate(scenario)
    guard estimate.problems.isEmpty else { return false }
    let started = Date()
    var monitor = DiscardingMonitor()
    _ = Replication.run(
      scenario: scenario, strategy: PlacementStrategies.programDefault, replicationSeed: 1, monitor: &monitor)
    // A debug build executes at least 20,000 events a second; 5 s for building the world.
    let bound = 5 + estimate.events / 20_000
    #expect(Date().timeIntervalSince(started) < bound, "\(String(decoding: text, as: UTF8.self))")
    return true
  }

  @Test(
    "each scenario is refused with field paths or runs one replication within a bound on its estimate",
    .timeLimit(.minutes(1)))
  func decodesOrRunsInTime() throws {
    var ran = 0
    let cases = 32
    for number in 0..<cases where try Self.check(number) { ran += 1 }
    // The cases exercise both sides: some are refused, some run.
    #expect(ran > 0 && ran < cases, "\(ran) of \(cases) ran")
  }
}
