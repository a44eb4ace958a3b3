import Foundation
import SimKernel

/// The figures a scenario implies before any simulation: what `cohortsim describe` prints, so a
/// user can check that the inputs mean what they intended.
public struct ScenarioDescription: Sendable {
  /// Sections of (label, value) rows, in print order.
  public var sections: [(title: String, rows: [(String, String)])] = []
  /// Things that are allowed but probably not meant, one sentence each (see `warningRatio`).
  public var warnings: [String] = []
  /// Where the listed programs' students rotate and what was generated around their sites, one
  /// sentence each; empty without listed sites.
  public var affiliates: [String] = []

  /// Warn when the expected openings a year are below this share of the students a year the
  /// programs admit: with fewer openings than half the graduates, most graduates cannot be
  /// placed in the region whatever the strategy (and experienced applicants compete for the
  /// same openings), which is usually a sign that listed sites were meant to sit inside a
  /// generated region.
  public static let warningRatio = 0.5

  /// Derives the figures; the world (for generated sites and programs) is that of replication 0.
  public init(_ scenario: Scenario) {
    let demand = DerivedDemand(scenario.demand)
    let world = World(
      scenario: scenario,
      replicationSeed: SeedDerivation.replicationSeed(master: scenario.seed, replication: 0))
    let positions = world.sites.reduce(0) { $0 + $1.positions }
    let openingsPerYear = demand.openingsPerYear * Double(positions) / max(demand.initialPositions, 1)
    sections.append(
      (
        "Run",
        [
          ("name", scenario.name), ("period", "\(scenario.startYear) + \(number(scenario.years)) years"),
          ("replications (default)", "\(scenario.replications)"),
          ("master seed (default)", "\(scenario.seed)"),
          (
            "strategies",
            scenario.strategies.isEmpty ? "each program's own" : scenario.strategies.joined(separator: ", ")
          ),
          ("random generator", scenario.generator.rawValue),
        ]
      ))
    sections.append(
      (
        "Demand (seeded from national figures)",
        [
          ("national openings a year", number(scenario.demand.nationalOpeningsPerYear)),
          ("national growth over ten years", percent(scenario.demand.nationalGrowthOverDecade)),
          ("region's share of national employment", percent(scenario.demand.regionShare, digits: 3)),
          ("positions at start", "\(positions)"),
          (
            "expected openings a year",
            number(openingsPerYear)
          ),
          ("growth rate a year", percent(demand.growthRatePerYear, digits: 2)),
          ("staff exits per position a year", percent(demand.exitRatePerYear, digits: 2)),
          ("budget period (days)", number(scenario.demand.budgetPeriodDays)),
          ("hiring-freeze chance a period", percent(scenario.demand.freezeProbability)),
          ("system-freeze chance a period", percent(scenario.demand.systemFreezeProbability)),
          (
            "growth decided",
            scenario.demand.growthCycle == .fiscalYear
              ? "once a fiscal year (starting month \(scenario.demand.fiscalYearStartMonth))"
              : "every budget period"
          ),
          (
            "students withdrawing",
            scenario.students.withdrawalProbability.map { "\(percent($0)) in every program and cohort" }
              ?? "each program's own retention, varied by cohort (7.1b)"
          ),
          ("new hires leaving within a year", percent(scenario.hiring.firstYearQuitProbability)),
          ("model defaults from", ModelDefaults.calibration),
        ]
      ))
    var kinds: [(String, String)] = SiteKind.allCases.map { kind in
      let matching = world.sites.filter { $0.kind == kind }
      return (
        kind.rawValue,
        "\(matching.count) sites, \(matching.reduce(0) { $0 + $1.positions }) positions, \(matching.reduce(0) { $0 + $1.capacity }) student places"
      )
    }
    kinds.append(("hospital systems", "\(world.systemCount)"))
    kinds.append(("independent sites", "\(world.sites.filter { $0.system == nil }.count)"))
    let licensed = world.sites.filter(\.requiresLicence)
    kinds.append(
      (
        "sites in licensing states",
        "\(licensed.count) (\(Set(licensed.map(\.state)).sorted().joined(separator: ", ")))"
      ))
    let listedCount = world.sites.filter { $0.origin == .listed }.count
    let origin =
      listedCount == 0
      ? " (generated, replication 0)"
      : listedCount == world.sites.count
        ? " (listed)"
        : " (\(listedCount) listed, \(world.sites.count - listedCount) generated, replication 0)"
    sections.append(("Sites" + origin, kinds))
    var programRows: [(String, String)] = []
    var graduatesPerYear = 0.0
    for program in world.programs.prefix(12) {
      programRows.append(
        (
          program.name,
          "cohort ≈ \(number(program.cohortSize.mean)) a year, \(program.intakeYears.count) intakes, \(number(program.lengthMonths)) months, \(program.rotations.count) rotations × \(number(program.rotations.lengthWeeks)) weeks, \(program.pathway), strategy \(program.strategy)"
        ))
    }
    for program in world.programs { graduatesPerYear += program.cohortSize.mean }
    if world.programs.count > 12 { programRows.append(("…", "\(world.programs.count - 12) more programs")) }
    programRows.append(("students per intake year (all programs)", number(graduatesPerYear)))
    sections.append(("Programs", programRows))
    let affiliation = Self.affiliates(scenario, world: world)
    affiliates = affiliation.lines
    if !affiliates.isEmpty { sections.append(("Where students rotate", affiliates.map { ("", $0) })) }
    warnings += affiliation.warnings
    if openingsPerYear < Self.warningRatio * graduatesPerYear {
      warnings.append(
        "the region's expected openings a year (\(number(openingsPerYear))) are below half the students its programs admit a year (\(number(graduatesPerYear))): most graduates cannot be placed here; to list sites inside a generated region, give region.hospitals, region.imagingCenters or region.clinics beside sites"
      )
    }
  }
}

private func number(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.2f", value)
}

private func percent(_ value: Double, digits: Int = 1) -> String {
  String(format: "%.\(digits)f%%", value * 100)
}
