import Foundation

/// Where a director's students can rotate, in plain words: which sites are the listed programs'
/// clinical affiliates, what was generated around them, and whether the affiliates have room for
/// the cohorts. A scenario without listed sites gets no such lines (every site hosts every
/// program).
extension ScenarioDescription {
  /// The sentences `describe` and `validate` print, and a warning when the listed sites' places
  /// cannot hold the listed programs' students on rotation at once.
  static func affiliates(_ scenario: Scenario, world: World) -> (lines: [String], warnings: [String]) {
    let listed = world.sites.filter { $0.origin == .listed }
    guard !listed.isEmpty else { return ([], []) }
    let generated = world.sites.filter { $0.origin != .listed }
    let listedPrograms = world.programs.prefix(world.listedProgramCount)
    let generatedPrograms = world.programs.dropFirst(world.listedProgramCount)
    let places = listed.reduce(0) { $0 + $1.capacity }
    var lines: [String] = []
    let allListed = listedPrograms.filter { $0.affiliates == nil }
    if !allListed.isEmpty {
      lines.append(
        "\(names(allListed.map(\.name))) rotate\(allListed.count == 1 ? "s" : "") students only at "
          + "the \(listed.count) listed sites (clinical affiliates), which take \(places) students at once")
    }
    for program in listedPrograms {
      guard let named = program.affiliates else { continue }
      let own = listed.filter { named.contains($0.name) }.reduce(0) { $0 + $1.capacity }
      lines.append(
        "\(program.name) rotates students only at the \(named.count) listed site\(named.count == 1 ? "" : "s") it "
          + "names (programs[].affiliates: \(names(named))), which take \(own) students at once")
    }
    if generated.isEmpty {
      lines.append("nothing is generated around them: the listed sites are the whole region")
    } else {
      let listedSystems = Set(listed.compactMap(\.system))
      let joining = generated.filter { $0.system.map(listedSystems.contains) ?? false }.count
      let kinds = SiteKind.allCases.compactMap { kind -> String? in
        let count = generated.filter { $0.kind == kind }.count
        return count == 0 ? nil : "\(count) \(kind.rawValue)\(count == 1 ? "" : "s")"
      }
      lines.append(
        "generated around them (replication 0): \(kinds.joined(separator: ", ")), employers whose openings "
          + "the graduates compete for; \(joining) of them belong to a listed hospital system (sharing its word "
          + "of mouth, hosting none of the listed programs' students)")
      lines.append(
        generatedPrograms.isEmpty
          ? "no competing program is generated, so generated sites host no students"
          : "\(generatedPrograms.count) competing program\(generatedPrograms.count == 1 ? " is" : "s are") "
            + "generated (\(names(generatedPrograms.map(\.name)))), rotating only at generated sites")
    }
    var needed = 0.0
    var peaks: [String] = []
    for program in listedPrograms {
      let overlap = overlappingCohorts(program, startYear: scenario.startYear)
      needed += Double(overlap) * program.cohortSize.mean
      peaks.append(
        "\(program.name): \(overlap) cohort\(overlap == 1 ? "" : "s") of ≈ \(Int(program.cohortSize.mean.rounded()))"
      )
    }
    var warnings: [String] = []
    if Double(places) + 1e-9 < needed {
      warnings.append(
        "the listed sites take \(places) students at once, but the listed programs have up to "
          + "\(Int(needed.rounded())) on rotation at once (\(peaks.joined(separator: "; "))): students beyond "
          + "the places miss rotations (rotation_slots_unplaced); raise the sites' capacity, list more sites, "
          + "or lower cohortSize")
    }
    return (lines, warnings)
  }

  /// The most cohorts of `program` on rotation at the same time: overlapping clinical phases
  /// (first rotation's start to last rotation's end) of its intakes.
  static func overlappingCohorts(_ program: ProgramParameters, startYear: Int) -> Int {
    let windows = program.intakeYears.map { year -> (Double, Double) in
      let admission = CohortDynamics.day(year: year, month: program.intakeMonth, startYear: startYear)
      return (
        program.rotationDays(admissionDay: admission, rotation: 0).start,
        program.rotationDays(admissionDay: admission, rotation: program.rotations.count - 1).end
      )
    }
    return windows.map { window in
      windows.filter { $0.0 <= window.0 && window.0 < $0.1 }.count
    }.max() ?? 0
  }

  private static func names(_ list: [String]) -> String {
    list.count <= 3
      ? list.joined(separator: ", ") : list.prefix(3).joined(separator: ", ") + " and \(list.count - 3) more"
  }
}
