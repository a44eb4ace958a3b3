import Experiments

/// One subcommand: it declares its options (with their help text, so `--help` cannot drift
/// from what is parsed), parses them, and runs.
///
/// To add an option: declare it as a `static let` `Option` or `Flag` with its help beside the
/// command's others (or a `help(_:)` variant of a shared one), list that value in `options`, and
/// read it in `init` with `arguments[Self.name]`. Reading a value the command does not list is
/// refused (`UndeclaredOption`); Tests/cohortsimTests parse every documented example and check
/// help and the README's command table against the declarations.
protocol Subcommand {
  /// The word after `cohortsim`.
  static var name: String { get }
  /// One line for the command list.
  static var summary: String { get }
  /// Usage line(s) after the command name, e.g. `SCENARIO [options]`.
  static var usage: String { get }
  /// A paragraph explaining what the command does and what it writes.
  static var discussion: String { get }
  /// Every option the command accepts: the very values its initialiser reads them with.
  static var options: [any OptionDeclaration] { get }
  /// Worked examples shown in `help COMMAND`.
  static var examples: [String] { get }

  init(_ arguments: ParsedArguments) throws
  /// Runs the command. A thrown error ends it with the status `ExitStatus(reporting:)` gives.
  func run() throws -> ExitStatus
}

extension Subcommand {
  static var examples: [String] { [] }

  static var helpText: String {
    var text = "cohortsim \(name) — \(summary)\n\nUSAGE\n  cohortsim \(name) \(usage)\n\n"
    text += wrap(discussion, indent: "  ") + "\n"
    if !options.isEmpty {
      text += "\nOPTIONS\n"
      for option in options.map(\.spec) {
        let left = "  " + option.display
        let padded =
          left.count < 28
          ? left.padding(toLength: 28, withPad: " ", startingAt: 0)
          : left + "\n" + String(repeating: " ", count: 28)
        text +=
          padded + wrap(option.help, indent: String(repeating: " ", count: 28)).drop(while: { $0 == " " })
          + "\n"
      }
    }
    if !examples.isEmpty {
      text += "\nEXAMPLES\n" + examples.map { "  \($0)" }.joined(separator: "\n") + "\n"
    }
    return text
  }
}

/// A subcommand as the dispatcher sees it. Built from the concrete type with a generic
/// initialiser, because calling through an existential metatype (`any Subcommand.Type`)
/// crashes the Swift 6.3 compiler.
struct CommandEntry: Sendable {
  let name: String
  let summary: String
  let usage: String
  let options: [any OptionDeclaration]
  let examples: [String]
  /// The command built from its arguments — every option read and checked — without running it.
  let parse: @Sendable (ParsedArguments) throws -> Void
  let execute: @Sendable (ParsedArguments) throws -> ExitStatus
  /// Built when asked for, not at every start-up (wrapping every command's text cost more
  /// than a small run).
  private let makeHelpText: @Sendable () -> String
  var helpText: String { makeHelpText() }

  init<Command: Subcommand>(_ type: Command.Type) {
    name = Command.name
    summary = Command.summary
    usage = Command.usage
    makeHelpText = { Command.helpText }
    options = Command.options
    examples = Command.examples
    parse = { _ = try Command($0) }
    execute = { try Command($0).run() }
  }
}

/// Wraps a paragraph at 96 columns with `indent` before each line.
///
/// Widths are counted in characters once per word and kept alongside the line: `String.count`
/// walks the whole string, so counting the line again for every word was quadratic in its length.
func wrap(_ text: String, indent: String) -> String {
  var lines: [String] = []
  let indentWidth = indent.count
  for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
    var line = indent
    var width = indentWidth
    for word in paragraph.split(separator: " ") {
      let wordWidth = word.count
      if width + wordWidth + 1 > 96 && width > indentWidth {
        lines.append(line)
        line = indent
        width = indentWidth
      }
      if width > indentWidth {
        line += " "
        width += 1
      }
      line += word
      width += wordWidth
    }
    lines.append(line)
  }
  return lines.joined(separator: "\n")
}
