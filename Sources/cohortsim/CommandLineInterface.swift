import Experiments

/// One subcommand: it declares its options (with their help text, so `--help` cannot drift
/// from what is parsed), parses them, and runs.
protocol Subcommand {
  /// The word after `cohortsim`.
  static var name: String { get }
  /// One line for the command list.
  static var summary: String { get }
  /// Usage line(s) after the command name, e.g. `SCENARIO [options]`.
  static var usage: String { get }
  /// A paragraph explaining what the command does and what it writes.
  static var discussion: String { get }
  /// Every option the command accepts.
  static var options: [OptionSpec] { get }
  /// Worked examples shown in `help COMMAND`.
  static var examples: [String] { get }

  init(_ arguments: ParsedArguments) throws
  /// Runs the command and returns its exit code.
  func run() throws -> Int32
}

extension Subcommand {
  static var examples: [String] { [] }

  static var helpText: String {
    var text = "cohortsim \(name) — \(summary)\n\nUSAGE\n  cohortsim \(name) \(usage)\n\n"
    text += wrap(discussion, indent: "  ") + "\n"
    if !options.isEmpty {
      text += "\nOPTIONS\n"
      for option in options {
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
struct CommandEntry {
  let name: String
  let summary: String
  let options: [OptionSpec]
  let execute: (ParsedArguments) throws -> Int32
  /// Built when asked for, not at every start-up (wrapping every command's text cost more
  /// than a small run).
  private let makeHelpText: () -> String
  var helpText: String { makeHelpText() }

  init<Command: Subcommand>(_ type: Command.Type) {
    name = Command.name
    summary = Command.summary
    makeHelpText = { Command.helpText }
    options = Command.options
    execute = { try Command($0).run() }
  }
}

/// An option a subcommand accepts: `--name VALUE` when `valueName` is set, else a flag.
struct OptionSpec: Sendable {
  var name: String
  var valueName: String?
  var help: String

  static func value(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: valueName, help: help)
  }

  static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help)
  }

  var display: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}

/// A mistake in how the command was typed: printed with a hint of what to type instead; exit 2.
struct UsageError: Error, CustomStringConvertible {
  var message: String
  var command: String?

  var description: String {
    let hint =
      command.map { "run 'cohortsim help \($0)' for its options" }
      ?? "run 'cohortsim --help' for the commands"
    return "\(message)\n(\(hint))"
  }
}

/// The arguments after the subcommand name, split into options and positionals against the
/// command's `OptionSpec`s. Unknown options are errors, never ignored.
struct ParsedArguments {
  let command: String
  private(set) var positionals: [String] = []
  private var values: [String: String] = [:]
  private var flags: Set<String> = []
  /// The arguments as typed, for provenance (`run.json`).
  let raw: [String]

  init(_ arguments: [String], command: String, options: [OptionSpec]) throws {
    self.command = command
    self.raw = arguments
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard !onlyPositionals, argument.hasPrefix("--"), argument.count > 2 else {
        if !onlyPositionals, argument.hasPrefix("-"), argument.count > 1, argument != "--",
          Double(argument) == nil
        {
          let known = options.map(\.display).joined(separator: ", ")
          throw UsageError(
            message:
              "unknown option \(argument) for '\(command)': options are spelled out in full (--name); allowed: "
              + (known.isEmpty ? "none" : known) + " (put a file name that starts with '-' after --)",
            command: command)
        }
        if argument == "--" { onlyPositionals = true } else { positionals.append(argument) }
        continue
      }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let spec = options.first(where: { $0.name == name }) else {
        let known = options.map(\.display).joined(separator: ", ")
        throw UsageError(
          message: "unknown option --\(name) for '\(command)'; allowed: \(known.isEmpty ? "none" : known)",
          command: command)
      }
      // The last of two values winning silently would run something other than what was typed.
      if values[name] != nil || flags.contains(name) {
        throw UsageError(message: "--\(name) is given twice; give it once", command: command)
      }
      if spec.valueName != nil {
        if let inlineValue {
          values[name] = inlineValue
        } else {
          guard index < arguments.count else {
            throw UsageError(message: "--\(name) needs a value (\(spec.display))", command: command)
          }
          values[name] = arguments[index]
          index += 1
        }
      } else {
        if inlineValue != nil {
          throw UsageError(message: "--\(name) is a flag and takes no value", command: command)
        }
        flags.insert(name)
      }
    }
  }

  func flag(_ name: String) -> Bool { flags.contains(name) }

  func string(_ name: String) -> String? { values[name] }

  /// A folder option, refused when given as an empty string (which would name no folder).
  func folder(_ name: String) throws -> String? {
    guard let text = values[name] else { return nil }
    guard !text.isEmpty else {
      throw UsageError(message: "--\(name) needs a folder name, got an empty string", command: command)
    }
    return text
  }

  /// A whole number option within `range`, or nil when absent.
  func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
    guard let text = values[name] else { return nil }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
      throw UsageError(
        message:
          "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'",
        command: command)
    }
    return value
  }

  /// A 64-bit seed, decimal or hex as `seed_hex` writes it (`CSVFormat.seed`), or nil when absent.
  func seed(_ name: String) throws -> UInt64? {
    guard let text = values[name] else { return nil }
    guard let value = CSVFormat.seed(text) else {
      throw UsageError(
        message:
          "--\(name) must be a whole number from 0 to \(UInt64.max), or x (or 0x) and 1 to 16 hex digits as in "
          + "seed_hex, got '\(text)'",
        command: command)
    }
    return value
  }

  func number(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
    guard let text = values[name] else { return nil }
    guard let value = Double(text), range.contains(value) else {
      throw UsageError(
        message: "--\(name) must be a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'",
        command: command)
    }
    return value
  }

  /// Exactly `count` positional arguments, named for the error message.
  func requirePositionals(_ names: [String]) throws -> [String] {
    guard positionals.count == names.count else {
      let expected = names.joined(separator: " ")
      let found = positionals.isEmpty ? "none" : positionals.joined(separator: " ")
      throw UsageError(message: "'\(command)' takes \(expected); got \(found)", command: command)
    }
    return positionals
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
