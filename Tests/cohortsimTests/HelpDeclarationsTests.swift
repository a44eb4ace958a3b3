import Foundation
import Testing

@testable import cohortsim

/// Help, the help topics and the README's command table agree with the declared options (issue
/// 29): they name no option that no command declares.
@Suite("help and README against the declarations")
struct HelpDeclarationsTests {
  /// What `cohortsim` takes before a command (`--help`, `--version`) and after `help outputs` or
  /// `help metrics` (`--csv`, `--markdown`).
  static let topLevelFlags: Set<String> = ["help", "version", "csv", "markdown"]

  static var declaredNames: Set<String> {
    Set(subcommands.flatMap { $0.options.map(\.spec.name) })
  }

  /// The `--name`s in `text`.
  static func optionNames(in text: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "--([a-z][a-z0-9-]*)")
    return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
      String(text[Range($0.range(at: 1), in: text)!])
    }
  }

  @Test("every --option a help text or help topic names is one some command declares")
  func helpNamesDeclaredOptions() {
    let texts =
      [("cohortsim --help", topLevelHelp())] + subcommands.map { ("help \($0.name)", $0.helpText) }
      + helpTopics.map { ("help \($0.key)", $0.value) }
    for (source, text) in texts {
      for name in Self.optionNames(in: text) {
        #expect(
          Self.declaredNames.contains(name) || Self.topLevelFlags.contains(name),
          "\(source) names --\(name), which no command declares")
      }
    }
  }

  @Test("each command's usage line names only options the command declares")
  func usageNamesOwnOptions() {
    for command in subcommands {
      let own = Set(command.options.map(\.spec.name))
      for name in Self.optionNames(in: command.usage) {
        #expect(own.contains(name), "'\(command.name)' usage names --\(name), which it does not declare")
      }
    }
  }

  @Test("no command declares two options of one name")
  func optionNamesAreDistinct() {
    for command in subcommands {
      let names = command.options.map(\.spec.name)
      #expect(Set(names).count == names.count, "'\(command.name)' declares a name twice: \(names)")
    }
  }

  /// The README's command table: each row's command and the options it names.
  static var tableRows: [(command: String, options: [String], row: String)] {
    DocumentedCommandLines.readme.split(separator: "\n").filter { $0.hasPrefix("| `cohortsim ") }.map { row in
      let command = row.dropFirst("| `cohortsim ".count).prefix { $0 != " " && $0 != "`" }
      return (String(command), optionNames(in: String(row)), String(row))
    }
  }

  @Test("the README's command table lists exactly the commands, help included")
  func readmeTableListsTheCommands() {
    let listed = Set(Self.tableRows.map(\.command))
    #expect(listed == Set(subcommands.map(\.name) + ["help"]))
  }

  @Test("every option a row of the README's command table names is declared by that row's command")
  func readmeTableNamesDeclaredOptions() {
    for row in Self.tableRows where row.command != "help" {
      let command = subcommands.first { $0.name == row.command }
      let own = Set(command?.options.map(\.spec.name) ?? [])
      for name in row.options {
        #expect(
          own.contains(name), "README's row for '\(row.command)' names --\(name), which it does not declare")
      }
    }
  }
}
