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

func topLevelHelp() -> String {
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

/// Topics for `cohortsim help TOPIC` that are not commands.
var helpTopics: [String: String] {
  [
    "metrics": MetricsHelp.text, "strategies": StrategiesHelp.text, "outputs": OutputsHelp.text,
    "spreadsheets": SpreadsheetsHelp.text,
  ]
}
