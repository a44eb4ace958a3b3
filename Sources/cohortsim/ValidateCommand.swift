import CohortModel
import Experiments

/// `cohortsim validate SCENARIO`: checks a scenario file and reports every problem at once.
struct ValidateCommand: Subcommand {
  static let name = "validate"
  static let summary = "check a scenario file and report every problem with its field path"
  static let usage = "SCENARIO"
  static let discussion = """
    Reads SCENARIO (JSON) and checks every field against its allowed values, reporting all problems \
    together, one a line, as FILE: field.path: what is wrong and what is allowed. Unknown keys are \
    errors, so a misspelt parameter never silently falls back to its default. Programs and listed \
    sites must lie inside the region, listed sites' states must be among region.states and their \
    system indices must run 0, 1, 2, … without gaps. Warns (on standard error) when the expected \
    openings a year are below half the students the programs admit a year, and when the listed \
    sites' places cannot hold the listed programs' students on rotation at once; with listed sites, \
    says (lines starting "rotations:") where the students rotate and what was generated around the \
    sites. Given a spreadsheet instead of a scenario, says which it is and what to type. Prints a resource \
    estimate for one replication (students, sites, positions, openings, events, memory) and \
    refuses a scenario whose estimate exceeds a limit of docs/MODEL.md ("Limits"), naming the \
    field that contributes most (run, compare, check, sweep and calibrate refuse it the same way \
    before any work). With --current-students, also checks the current-students file \
    against the scenario as 'run' would, naming its line and column. Exits 0 when the files are \
    valid (with or without warnings) and 2 otherwise.
    """
  static let currentStudents = WarmStartOptions.currentStudents.help(
    "also check the program's current-students file against the scenario, as 'run --current-students' reads it"
  )
  static let asOf = WarmStartOptions.asOf.help(
    "with --current-students, the date the file describes (default: its line '# as_of: YYYY-MM-DD')")
  static let options: [any OptionDeclaration] = [currentStudents, asOf]
  static let examples = [
    "cohortsim validate Scenarios/baseline.json",
    "cohortsim validate Scenarios/one-program-oregon.json --current-students Scenarios/one-program-oregon-current-students.csv",
  ]

  let path: String
  let currentStudents: String?
  let asOf: String?

  init(_ arguments: ParsedArguments) throws {
    path = try arguments.requirePositionals(["SCENARIO"])[0]
    (currentStudents, asOf) = try arguments.warmStart()
  }

  func run() throws -> ExitStatus {
    // Read and decoded once: the changed-defaults note, the estimate and the warm start use it.
    let file = try ScenarioFile.load(path)
    let scenario = file.scenario
    noteChangedDefaults(file, quiet: false)
    // Within its limits: `ScenarioFile.load` refuses a scenario over them, for every command.
    let estimate = ResourceEstimate(scenario)
    // The current students are checked before anything is printed, so a bad file prints no "ok".
    let listed = try currentStudents.map { students in
      var warm = file
      try warm.warmStart(from: students, asOf: .flag(asOf))
      return warm.scenario.currentStudents!
    }
    let programs = scenario.programs.count + (scenario.generatedPrograms?.count ?? 0)
    print(
      "ok: \(path) is a valid scenario '\(scenario.name)' (\(programs) programs, \(scenario.replications) replications by default)"
    )
    print("estimate: \(estimate.summary)")
    if let listed {
      print("ok: \(listed.file) lists \(listed.students.count) current students as of \(listed.asOfDate)")
    }
    let description = ScenarioDescription(scenario)
    for line in description.affiliates { print("rotations: \(line)") }
    for warning in description.warnings { printError("warning: \(path): \(warning)") }
    return .done
  }
}
