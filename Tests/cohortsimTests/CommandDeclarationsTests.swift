import Testing

@testable import cohortsim

/// Each command reads only the options it declares (issue 29): a command reading another
/// command's option is refused with `UndeclaredOption`, which these tests look for on the paths
/// the examples and one added option take.
@Suite("commands that read only what they declare")
struct CommandDeclarationsTests {
  /// Values to try for an option: whichever its parse accepts, the command goes on to read more.
  static let sampleValues = ["1", "0/2", "placed_6m=0.01", "placed_6m", "nearest-to-home,random", "x.json"]

  @Test("each command, built from each of its examples with any one option added, reads no undeclared option")
  func commandsReadOnlyDeclaredOptions() throws {
    for command in subcommands {
      let bases = DocumentedCommandLines.commandLines(in: command.examples).map(\.arguments)
        .filter { $0.first == command.name }.map { Array($0.dropFirst()) }
      for base in bases {
        for option in command.options.map(\.spec) where !base.contains("--" + option.name) {
          let values = option.valueName == nil ? [nil] : Self.sampleValues.map(Optional.some)
          for value in values {
            let arguments = base + ["--" + option.name] + (value.map { [$0] } ?? [])
            do {
              try command.parse(ParsedArguments(arguments, command: command.name, options: command.options))
            } catch let error as UndeclaredOption {
              Issue.record("cohortsim \(command.name) \(arguments.joined(separator: " ")): \(error)")
            } catch {
              // A refusal of what was typed is the command's business here.
            }
          }
        }
      }
    }
  }

  @Test("run refuses --max-replications without --until as a usage error, reading no option of compare's")
  func runMaxReplicationsWithoutUntil() throws {
    let arguments = ["Scenarios/baseline.json", "--max-replications", "50"]
    let parsed = try ParsedArguments(arguments, command: "run", options: RunCommand.options)
    #expect(throws: UsageError.self) { try RunCommand(parsed) }
  }

  @Test("compare takes --max-replications with --select-best and no --until")
  func compareMaxReplicationsWithSelectBest() throws {
    let arguments = [
      "Scenarios/strategies.json", "--select-best", "placed_6m", "--indifference", "0.01",
      "--max-replications",
      "500",
    ]
    let parsed = try ParsedArguments(arguments, command: "compare", options: CompareCommand.options)
    #expect(try CompareCommand(parsed).selection?.maxReplications == 500)
  }

  @Test("compare's --until and --max-replications carry compare's help, declared as variants of run's")
  func compareVariantsHelp() {
    let compare = Dictionary(uniqueKeysWithValues: CompareCommand.options.map { ($0.spec.name, $0.spec) })
    let run = Dictionary(uniqueKeysWithValues: RunCommand.options.map { ($0.spec.name, $0.spec) })
    for name in ["until", "max-replications"] {
      #expect(compare[name]?.identity === run[name]?.identity)
      #expect(compare[name]?.help != run[name]?.help)
    }
    #expect(compare["until"]?.help.contains("paired difference") == true)
  }
}
