import CohortModel
import Experiments
import Foundation

/// Parses, runs, and maps every failure to a one-line message and an exit code; never a trace.
@MainActor func dispatch(_ arguments: [String]) -> Int32 {
  dispatchCommand(arguments).rawValue
}

@MainActor private func dispatchCommand(_ arguments: [String]) -> ExitStatus {
  var arguments = arguments
  guard let first = arguments.first else {
    print(topLevelHelp(), terminator: "")
    return .done
  }
  switch first {
  case "--help", "-h":
    print(topLevelHelp(), terminator: "")
    return .done
  case "--version":
    print("cohortsim \(cohortsimVersion)")
    return .done
  case "help":
    guard arguments.count > 1 else {
      print(topLevelHelp(), terminator: "")
      return .done
    }
    if let command = subcommands.first(where: { $0.name == arguments[1] }) {
      print(command.helpText, terminator: "")
      return .done
    }
    if arguments.count == 3, arguments[1] == "outputs", ["--csv", "--markdown"].contains(arguments[2]) {
      print(arguments[2] == "--csv" ? OutputSchema.csv : OutputSchema.markdown, terminator: "")
      return .done
    }
    // The display names of every metric, as the report and console use them: notebooks/metric_names.csv.
    if arguments.count == 3, arguments[1] == "metrics", arguments[2] == "--csv" {
      print(MetricDisplay.csv, terminator: "")
      return .done
    }
    if let topic = helpTopics[arguments[1]] {
      print(topic, terminator: "")
      return .done
    }
    let known = (subcommands.map(\.name) + helpTopics.keys.sorted()).joined(separator: ", ")
    printError("no help for '\(arguments[1])'; topics: \(known)")
    return .badInput
  default:
    break
  }
  arguments.removeFirst()
  guard let command = subcommands.first(where: { $0.name == first }) else {
    printError(
      "unknown command '\(first)'; commands: \(subcommands.map(\.name).joined(separator: ", "))\n(run 'cohortsim --help')"
    )
    return .badInput
  }
  if arguments.contains("--help") || arguments.contains("-h") {
    print(command.helpText, terminator: "")
    return .done
  }
  do {
    let parsed = try ParsedArguments(arguments, command: command.name, options: command.options)
    return try command.execute(parsed)
  } catch {
    return ExitStatus(reporting: error)
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data(("cohortsim: " + message + "\n").utf8))
}
