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

/// A command read an option it does not declare: a mistake in cohortsim, not in what was typed.
/// Thrown rather than trapped so a test that builds the command reports it and goes on.
struct UndeclaredOption: Error, CustomStringConvertible {
  let option: String
  let command: String

  var description: String {
    "'\(command)' reads --\(option), which it does not declare; add it to \(command)'s options"
  }
}

/// The arguments after the subcommand name, split into options and positionals against the
/// command's declared options. Unknown options are errors, never ignored; reading an option the
/// command did not declare is refused (`UndeclaredOption`).
struct ParsedArguments {
  let command: String
  private(set) var positionals: [String] = []
  private let declared: [OptionSpec]
  private var values: [String: String] = [:]
  private var flags: Set<String> = []
  /// The arguments as typed, for provenance (`run.json`).
  let raw: [String]

  init(_ arguments: [String], command: String, options: [any OptionDeclaration]) throws {
    self.command = command
    self.raw = arguments
    let options = options.map(\.spec)
    declared = options
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

  /// The option's value, parsed and checked, or nil when it was not given.
  /// - Throws: `UsageError` naming the option and what it allows; `UndeclaredOption` when the
  ///   command did not declare it.
  subscript<Value>(option: Option<Value>) -> Value? {
    get throws {
      guard let text = try typed(option) else { return nil }
      do {
        return try option.parse(text, "--" + option.spec.name)
      } catch {
        throw UsageError(message: error.message, command: command)
      }
    }
  }

  /// Whether the flag was given.
  /// - Throws: `UndeclaredOption` when the command did not declare it.
  subscript(flag: Flag) -> Bool {
    get throws {
      try checkDeclared(flag.spec)
      return flags.contains(flag.spec.name)
    }
  }

  /// The option's text as typed, unparsed, or nil when it was not given: for a rule about the
  /// option's presence that must be reported before its value is checked.
  /// - Throws: `UndeclaredOption` when the command did not declare it.
  func typed<Value>(_ option: Option<Value>) throws -> String? {
    try checkDeclared(option.spec)
    return values[option.spec.name]
  }

  private func checkDeclared(_ spec: OptionSpec) throws {
    guard declared.contains(where: { $0.identity === spec.identity }) else {
      throw UndeclaredOption(option: spec.name, command: command)
    }
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
