import Experiments

/// Who an option is. A declaration and the variants of it that only change its help (`compare`'s
/// `--until`, `check`'s `--posterior`) share one identity, so a shared reader accepts any of them
/// while `ParsedArguments` can still refuse an option its command never declared.
final class OptionIdentity: Sendable {}

/// An option as help and the parser see it: `--name VALUE` when `valueName` is set, else a flag.
struct OptionSpec: Sendable {
  let name: String
  let valueName: String?
  let help: String
  let identity: OptionIdentity

  var display: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}

/// A value a command declares among its options: an `Option` or a `Flag`. A command's `options`
/// list is built from these very values, and it reads them back with `arguments[value]`, so the
/// declaration, its help and its reader cannot name different options.
protocol OptionDeclaration: Sendable {
  var spec: OptionSpec { get }
}

/// An option that takes a value: its name, the value's name and help as `--help` shows them, and
/// the parse that turns the typed text into `Value` or says what is allowed.
struct Option<Value>: OptionDeclaration {
  let spec: OptionSpec
  /// The text as typed to the value; the error names the option (`--name` is passed in) and what
  /// it allows.
  let parse: @Sendable (_ text: String, _ option: String) throws(OptionValueRefused) -> Value

  init(
    _ name: String, _ valueName: String, _ help: String,
    parse: @escaping @Sendable (_ text: String, _ option: String) throws(OptionValueRefused) -> Value
  ) {
    spec = OptionSpec(name: name, valueName: valueName, help: help, identity: OptionIdentity())
    self.parse = parse
  }

  private init(
    spec: OptionSpec, parse: @escaping @Sendable (String, String) throws(OptionValueRefused) -> Value
  ) {
    self.spec = spec
    self.parse = parse
  }

  /// The same option (name, value, parse and identity) with another command's help for it.
  func help(_ text: String) -> Option {
    Option(
      spec: OptionSpec(name: spec.name, valueName: spec.valueName, help: text, identity: spec.identity),
      parse: parse)
  }
}

/// An option that takes no value: given or not.
struct Flag: OptionDeclaration {
  let spec: OptionSpec

  init(_ name: String, _ help: String) {
    spec = OptionSpec(name: name, valueName: nil, help: help, identity: OptionIdentity())
  }

  private init(spec: OptionSpec) { self.spec = spec }

  /// The same flag (name and identity) with another command's help for it.
  func help(_ text: String) -> Flag {
    Flag(spec: OptionSpec(name: spec.name, valueName: nil, help: text, identity: spec.identity))
  }
}

/// An option's value that its parse refuses: the sentence saying what is allowed, which
/// `ParsedArguments` turns into a `UsageError` of the command.
struct OptionValueRefused: Error {
  let message: String
}

extension Option where Value == String {
  /// Any text, as typed.
  static func text(_ name: String, _ valueName: String, _ help: String) -> Option {
    Option(name, valueName, help) { text, _ in text }
  }

  /// A folder, refused when given as an empty string (which would name no folder).
  static func folder(_ name: String, _ valueName: String, _ help: String) -> Option {
    Option(name, valueName, help) { text, option throws(OptionValueRefused) in
      guard !text.isEmpty else {
        throw OptionValueRefused(message: "\(option) needs a folder name, got an empty string")
      }
      return text
    }
  }
}

extension Option where Value == Int {
  /// A whole number within `range` (`_` may group digits).
  static func integer(_ name: String, _ valueName: String, in range: ClosedRange<Int>, _ help: String)
    -> Option
  {
    Option(name, valueName, help) { text, option throws(OptionValueRefused) in
      guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
        throw OptionValueRefused(
          message:
            "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
      }
      return value
    }
  }
}

extension Option where Value == Double {
  /// A number within `range`.
  static func number(_ name: String, _ valueName: String, in range: ClosedRange<Double>, _ help: String)
    -> Option
  {
    Option(name, valueName, help) { text, option throws(OptionValueRefused) in
      guard let value = Double(text), range.contains(value) else {
        throw OptionValueRefused(
          message: "\(option) must be a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'"
        )
      }
      return value
    }
  }
}

extension Option where Value == UInt64 {
  /// A 64-bit seed, decimal or hex as `seed_hex` writes it (`CSVFormat.seed`).
  static func seed(_ name: String, _ valueName: String, _ help: String) -> Option {
    Option(name, valueName, help) { text, option throws(OptionValueRefused) in
      guard let value = CSVFormat.seed(text) else {
        throw OptionValueRefused(
          message:
            "\(option) must be a whole number from 0 to \(UInt64.max), or x (or 0x) and 1 to 16 hex digits as in "
            + "seed_hex, got '\(text)'")
      }
      return value
    }
  }
}
