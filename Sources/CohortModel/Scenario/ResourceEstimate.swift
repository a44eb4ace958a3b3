import Foundation
import InputFormats
import SimKernel

/// What one replication of a scenario will cost, estimated from the scenario alone (no world is
/// built), so that `validate` can refuse a file that would run for hours or exhaust memory
/// although every field lies within its own bound (`ScenarioLimits`): many programs, each with
/// many intake years and large cohorts, multiply.
///
/// The coefficients are measured, not derived: `cohortsim bench model` counted the events and
/// `/usr/bin/time -v` the peak memory of one replication of `Scenarios/baseline.json`,
/// `Scenarios/national.json` and variants of the baseline with ten times the students, ten times
/// the openings, four times the years and 75 times the sites (docs/MODEL.md, "Limits", lists
/// the measurements). Over those the event estimate lay between 0.7 and 1.8 times the count and
/// the memory estimate between 0.85 and 1.5 times the peak above the process's own 24 MB. The
/// limits are set
/// far above any real region, so an estimate that errs by that much still refuses only
/// scenarios that are out of reach.
public struct ResourceEstimate: Sendable, Equatable {
  /// Students admitted over the run, summed over programs: mean cohort size × intakes that
  /// start before the horizon ends.
  public var students: Double
  public var sites: Double
  /// Positions at the start: the region's share of the national positions, or the listed
  /// sites' staff when that is more.
  public var positions: Double
  /// Openings over the run: the region's openings a year × years.
  public var openings: Double
  /// Events one replication executes.
  public var events: Double
  /// Peak memory of one replication, in bytes (each concurrent job holds one).
  public var memoryBytes: Double

  /// The field that contributes most to each figure, so a refusal can name what to change.
  public var studentsDriver: String
  public var sitesDriver: String
  public var openingsDriver: String
  public var eventsDriver: String
  public var memoryDriver: String

  /// Measured costs (see the type's comment).
  enum Cost {
    static let eventsPerReplication = 14_000.0
    static let eventsPerStudent = 30.0
    static let eventsPerOpening = 7.0
    static let eventsPerSiteYear = 0.35
    static let bytesPerStudent = 1_500.0
    static let bytesPerSite = 400.0
    static let bytesPerOpening = 500.0
    /// Every site holds three random streams (budget reviews, exits, approvals).
    static let streamsPerSite = 3.0
    static let bytesPerReplication = 1_000_000.0
  }

  /// Bytes of one GSL generator's state plus its allocation: Mersenne Twister keeps 624 words.
  static func streamBytes(_ algorithm: GeneratorAlgorithm) -> Double {
    switch algorithm {
    case .mt19937: 5_032
    case .taus2: 56
    case .ranlxd2: 160
    }
  }

  public init(_ scenario: Scenario) {
    let lastYear = Double(scenario.startYear) + scenario.years
    var perProgram: [(path: String, students: Double)] = scenario.programs.enumerated().map {
      index, program in
      let intakes = program.intakeYears.filter { Double($0) < lastYear }.count
      let path =
        program.intakeYears.count > 20 ? "programs[\(index)].intakeYears" : "programs[\(index)].cohortSize"
      return (path, Double(intakes) * max(0, program.cohortSize.mean))
    }
    if let generated = scenario.generatedPrograms {
      let intakes = generated.template.intakeYears.filter { Double($0) < lastYear }.count
      perProgram.append(
        (
          "generatedPrograms.count",
          Double(generated.count * intakes) * max(0, generated.template.cohortSize.mean)
        ))
    }
    students = perProgram.reduce(0) { $0 + $1.students }
    studentsDriver = perProgram.max { $0.students < $1.students }?.path ?? "programs"

    let region = scenario.region
    let kinds: [(String, Double)] = [
      ("sites", Double(scenario.sites?.count ?? 0)),
      ("region.hospitals.count", Double(region.hospitals.count)),
      ("region.imagingCenters.count", Double(region.imagingCenters.count)),
      ("region.clinics.count", Double(region.clinics.count)),
    ]
    sites = kinds.reduce(0) { $0 + $1.1 }
    sitesDriver = kinds.max { $0.1 < $1.1 }!.0

    let demand = DerivedDemand(scenario.demand)
    let listedStaff = Double((scenario.sites ?? []).reduce(0) { $0 + $1.staff })
    positions = region.generatedSiteCount > 0 ? max(demand.initialPositions, listedStaff) : listedStaff
    let openingsPerPosition = demand.openingsPerYear / max(demand.initialPositions, 1)
    openings = openingsPerPosition * positions * scenario.years
    let defaults = DemandParameters()
    openingsDriver =
      scenario.demand.nationalOpeningsPerYear / defaults.nationalOpeningsPerYear
        > scenario.demand.regionShare / defaults.regionShare
      ? "demand.nationalOpeningsPerYear" : "demand.regionShare"

    let eventTerms: [(String, Double)] = [
      (studentsDriver, Cost.eventsPerStudent * students),
      (openingsDriver, Cost.eventsPerOpening * openings),
      (scenario.years > 50 ? "years" : sitesDriver, Cost.eventsPerSiteYear * sites * scenario.years),
    ]
    events = Cost.eventsPerReplication + eventTerms.reduce(0) { $0 + $1.1 }
    eventsDriver = eventTerms.max { $0.1 < $1.1 }!.0

    let memoryTerms: [(String, Double)] = [
      (studentsDriver, Cost.bytesPerStudent * students),
      (
        sitesDriver,
        sites * (Cost.bytesPerSite + Cost.streamsPerSite * Self.streamBytes(scenario.generator))
      ),
      (openingsDriver, Cost.bytesPerOpening * openings),
    ]
    memoryBytes = Cost.bytesPerReplication + memoryTerms.reduce(0) { $0 + $1.1 }
    memoryDriver = memoryTerms.max { $0.1 < $1.1 }!.0
  }

  /// Every figure above its limit in `ScenarioLimits`, as a problem at the field that drives it.
  public var problems: [FieldProblem] {
    typealias Limits = ScenarioLimits
    var found: [FieldProblem] = []
    func check(_ value: Double, _ limit: Double, _ what: String, _ driver: String) {
      guard value > limit else { return }
      found.append(
        FieldProblem(
          path: driver,
          message:
            "the scenario's resource estimate is about \(Self.rounded(value)) \(what), above the limit of \(Self.rounded(limit)) (docs/MODEL.md, \"Limits\"); this field contributes most: reduce it"
        ))
    }
    check(students, Limits.studentsPerReplication, "students a replication", studentsDriver)
    check(sites, Limits.sitesPerReplication, "sites", sitesDriver)
    check(openings, Limits.openingsPerReplication, "openings a replication", openingsDriver)
    check(events, Limits.eventsPerReplication, "events a replication", eventsDriver)
    check(
      memoryBytes / 1_048_576, Limits.memoryMiBPerReplication, "MiB of memory a replication", memoryDriver)
    return found
  }

  /// One line for `validate`: the figures, rounded.
  public var summary: String {
    "about \(Self.rounded(students)) students, \(Self.rounded(sites)) sites, \(Self.rounded(positions)) positions, \(Self.rounded(openings)) openings, \(Self.rounded(events)) events and \(Self.rounded(memoryBytes / 1_048_576)) MiB a replication"
  }

  /// Three significant figures, in plain digits below a billion and as a power of ten above.
  public static func rounded(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value >= 1e9 { return String(format: "%.2e", value) }
    if value < 1000 { return String(Int(value.rounded())) }
    let scale = pow(10, floor(log10(value)) - 2)
    return String(Int((value / scale).rounded() * scale))
  }
}
