import CohortModel
import Experiments
import Foundation

/// The subcommands, in the order `--help` lists them.
let subcommands: [CommandEntry] = [
  CommandEntry(RunCommand.self), CommandEntry(CompareCommand.self), CommandEntry(ValidateCommand.self),
  CommandEntry(DescribeCommand.self), CommandEntry(BenchCommand.self), CommandEntry(CheckCommand.self),
  CommandEntry(MergeCommand.self), CommandEntry(SweepCommand.self), CommandEntry(ReportCommand.self),
  CommandEntry(CalibrateCommand.self), CommandEntry(SchemaCommand.self), CommandEntry(InitCommand.self),
]

let cohortsimVersion = "0.1.0"

@MainActor func topLevelHelp() -> String {
  var text =
    wrap(
      "cohortsim \(cohortsimVersion) — a discrete-event simulator of how cohorts of sonography students turn "
        + "clinical rotations into job offers: placements, months-long evaluation by site staff, budget-limited "
        + "openings, word of mouth in hospital systems, recommendations, registry exams, contingent offers and "
        + "state licences, over many replications with confidence intervals.", indent: "")
    + "\n\nUSAGE\n  cohortsim COMMAND [arguments]\n\nCOMMANDS\n"
  for command in subcommands {
    text += "  " + command.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.summary + "\n"
  }
  text += """
      help        show a command's options and examples: cohortsim help COMMAND

    HELP TOPICS
      cohortsim help metrics      what every output metric means
      cohortsim help outputs      every output file's columns: type, unit, meaning
      cohortsim help strategies   the placement strategies and how to add one
      cohortsim help spreadsheets every cell format of the sites and current-students files

    QUICK START
      cohortsim init "My College" --state WI --latitude 43.04 --longitude -87.91   a program's starter files
      cohortsim validate Scenarios/baseline.json
      cohortsim describe Scenarios/baseline.json
      cohortsim run Scenarios/baseline.json                  results in Results/baseline/
      cohortsim compare Scenarios/strategies.json            paired differences between strategies
      cohortsim check Scenarios/baseline.json                did a change move the results?

    """
  text +=
    "\n"
    + wrap(
      "Exit codes: 0 success; 1 a check found a difference; 2 bad usage or bad input (the message names the "
        + "file, the field path and what is allowed); anything else an internal failure.", indent: "") + "\n"
  return text
}

/// Parses, runs, and maps every failure to a one-line message and an exit code; never a trace.
@MainActor func main() -> Int32 {
  var arguments = Array(CommandLine.arguments.dropFirst())
  guard let first = arguments.first else {
    print(topLevelHelp(), terminator: "")
    return 0
  }
  switch first {
  case "--help", "-h":
    print(topLevelHelp(), terminator: "")
    return 0
  case "--version":
    print("cohortsim \(cohortsimVersion)")
    return 0
  case "help":
    guard arguments.count > 1 else {
      print(topLevelHelp(), terminator: "")
      return 0
    }
    if let command = subcommands.first(where: { $0.name == arguments[1] }) {
      print(command.helpText, terminator: "")
      return 0
    }
    if arguments.count == 3, arguments[1] == "outputs", ["--csv", "--markdown"].contains(arguments[2]) {
      print(arguments[2] == "--csv" ? OutputSchema.csv : OutputSchema.markdown, terminator: "")
      return 0
    }
    // The display names of every metric, as the report and console use them: notebooks/metric_names.csv.
    if arguments.count == 3, arguments[1] == "metrics", arguments[2] == "--csv" {
      print(MetricDisplay.csv, terminator: "")
      return 0
    }
    if let topic = helpTopics[arguments[1]] {
      print(topic, terminator: "")
      return 0
    }
    let known = (subcommands.map(\.name) + helpTopics.keys.sorted()).joined(separator: ", ")
    printError("no help for '\(arguments[1])'; topics: \(known)")
    return 2
  default:
    break
  }
  arguments.removeFirst()
  guard let command = subcommands.first(where: { $0.name == first }) else {
    printError(
      "unknown command '\(first)'; commands: \(subcommands.map(\.name).joined(separator: ", "))\n(run 'cohortsim --help')"
    )
    return 2
  }
  if arguments.contains("--help") || arguments.contains("-h") {
    print(command.helpText, terminator: "")
    return 0
  }
  do {
    let parsed = try ParsedArguments(arguments, command: command.name, options: command.options)
    return try command.execute(parsed)
  } catch let error as UsageError {
    printError(error.description)
    return 2
  } catch let error as PosteriorError {
    printError(error.description)
    return 2
  } catch {
    return reportFailure(error)
  }
}

/// Topics for `cohortsim help TOPIC` that are not commands.
var helpTopics: [String: String] {
  [
    "metrics": MetricsHelp.text, "strategies": StrategiesHelp.text, "outputs": OutputsHelp.text,
    "spreadsheets": SpreadsheetsHelp.text,
  ]
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data(("cohortsim: " + message + "\n").utf8))
}

/// Input errors exit 2 with their message; anything else is an internal failure (exit 3).
func reportFailure(_ error: any Error) -> Int32 {
  if let scenarioError = error as? ScenarioError {
    for line in scenarioError.description.split(separator: "\n") { printError(String(line)) }
    return 2
  }
  printError("internal error: \(error)")
  return 3
}

exit(main())
