import CohortModel
import Experiments

/// `cohortsim describe SCENARIO`: the figures a scenario implies, before simulating.
struct DescribeCommand: Subcommand {
  static let name = "describe"
  static let summary = "print the figures a scenario implies: openings a year, cohorts, sites by kind"
  static let usage = "SCENARIO"
  static let discussion = """
    Validates SCENARIO, then prints what it implies without simulating: positions and expected \
    openings a year derived from the national figures and the region's share, the staff-exit and \
    growth rates, sites and student places by kind, hospital systems, licensing-state sites, and \
    each program's cohorts; with listed sites, where the students rotate and what was generated \
    around the sites; with --current-students, the cohorts the file lists. Generated sites are those of \
    replication 0 of the scenario's seed. Warns when the listed sites' places cannot hold the cohorts on \
    rotation, and (on standard error, exit 0) when the expected openings a year are below half the \
    students the programs admit a year.
    """
  static let currentStudents = WarmStartOptions.currentStudents.help(
    "also read the program's current-students file, as 'run --current-students' does, and say how many "
      + "students of which cohorts it lists")
  static let options: [any OptionDeclaration] = [currentStudents, WarmStartOptions.asOf]
  static let examples = ["cohortsim describe Scenarios/national.json"]

  let path: String
  let currentStudents: String?
  let asOf: String?

  init(_ arguments: ParsedArguments) throws {
    path = try arguments.requirePositionals(["SCENARIO"])[0]
    (currentStudents, asOf) = try arguments.warmStart()
  }

  func run() throws -> ExitStatus {
    var file = try ScenarioFile.load(path)
    if let currentStudents { try file.warmStart(from: currentStudents, asOf: .flag(asOf)) }
    let description = ScenarioDescription(file.scenario)
    noteChangedDefaults(file, quiet: false)
    for section in description.sections {
      print(section.title)
      let width = min(44, (section.rows.map(\.0.count).max() ?? 0) + 2)
      for (label, value) in section.rows {
        print(
          "  " + label.padding(toLength: max(width, label.count + 1), withPad: " ", startingAt: 0) + value)
      }
      print("")
    }
    if let listed = file.scenario.currentStudents {
      print("Current students (\(listed.file), as of \(listed.asOfDate))")
      for line in listed.cohortLines(file.scenario) { print("  " + line) }
      print("")
    }
    for warning in description.warnings { printError("warning: \(path): \(warning)") }
    return .done
  }
}
