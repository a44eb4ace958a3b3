import Foundation

/// One thing wrong with an input file, located by its field path.
///
/// The path reads as the user would write it (`programs[1].rotations.count`), and the message
/// says what was found and what is allowed, so a user can fix the file without reading code.
public struct FieldProblem: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// All the problems found in one file, reported together.
public struct FieldProblems: Error, Sendable, CustomStringConvertible {
  public var problems: [FieldProblem]

  public init(_ problems: [FieldProblem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while a file decodes, so that `validate` reports every one at once
/// instead of the first. Decoders record into it and carry on with a placeholder value.
///
/// A class because `Decoder.userInfo` is read-only; it is confined to the one thread that
/// decodes the file, hence `@unchecked Sendable` (only to satisfy `userInfo`'s type).
public final class ProblemLog: @unchecked Sendable {
  public private(set) var problems: [FieldProblem] = []

  public init() {}

  public func record(_ problem: FieldProblem) { problems.append(problem) }
}

extension CodingUserInfoKey {
  /// Where a `ProblemLog` is attached to a decoder.
  public static let problemLog = CodingUserInfoKey(rawValue: "cohortsim.problemLog")!
}

/// A coding key made from any string or index: used to list a container's actual keys.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
  public var stringValue: String
  public var intValue: Int?
  public init(stringValue: String) { self.stringValue = stringValue }
  public init(intValue: Int) {
    self.stringValue = "\(intValue)"
    self.intValue = intValue
  }
}

/// Renders a coding path as `programs[1].rotations.count`.
public func fieldPath(_ codingPath: [any CodingKey]) -> String {
  var text = ""
  for key in codingPath {
    if let index = key.intValue {
      text += "[\(index)]"
    } else if key.stringValue.hasPrefix("Index ") {
      text += "[\(key.stringValue.dropFirst(6))]"
    } else {
      text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
    }
  }
  return text
}

extension Decoder {
  /// Records `message` against this value (or its field `key`) when a `ProblemLog` is attached,
  /// and throws it otherwise. Callers go on with a harmless placeholder after it returns.
  public func reject(_ message: String, at key: (any CodingKey)? = nil) throws {
    let path = fieldPath(codingPath + (key.map { [$0] } ?? []))
    let problem = FieldProblem(path: path, message: message)
    guard let log = userInfo[.problemLog] as? ProblemLog else { throw problem }
    log.record(problem)
  }

  /// Rejects every key of this object that `Keys` does not name: a misspelt parameter must not
  /// silently fall back to its default.
  public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
    let known = Set(Keys.allCases.map(\.stringValue))
    let container = try container(keyedBy: AnyCodingKey.self)
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
    where !known.contains(key.stringValue) {
      let names = Keys.allCases.map(\.stringValue)
      let hint = Suggestion.phrase(for: key.stringValue, among: names)
      try reject(
        "unknown key \"\(key.stringValue)\"\(hint); allowed keys: \(names.joined(separator: ", "))", at: key)
    }
  }
}

/// Turns any error from decoding a file into the problems it stands for, each with a path.
public func fieldProblems(from error: any Error) -> [FieldProblem] {
  switch error {
  case let problems as FieldProblems:
    return problems.problems
  case let problem as FieldProblem:
    return [problem]
  case let decoding as DecodingError:
    switch decoding {
    case .typeMismatch(let type, let context):
      return [FieldProblem(path: fieldPath(context.codingPath), message: "expected \(describeType(type))")]
    case .valueNotFound(let type, let context):
      return [FieldProblem(path: fieldPath(context.codingPath), message: "missing \(describeType(type))")]
    case .keyNotFound(let key, let context):
      return [
        FieldProblem(
          path: fieldPath(context.codingPath + [key]), message: "required field is missing")
      ]
    case .dataCorrupted(let context):
      // Foundation's message for an unknown enum name names the Swift type.
      if context.debugDescription.hasPrefix("Cannot initialize ") {
        let value = context.debugDescription.components(separatedBy: " value ").last ?? ""
        return [FieldProblem(path: fieldPath(context.codingPath), message: "unknown value \"\(value)\"")]
      }
      let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey]
      let detail = underlying.map { " (\($0))" } ?? ""
      return [
        FieldProblem(path: fieldPath(context.codingPath), message: context.debugDescription + detail)
      ]
    @unknown default:
      return [FieldProblem(path: "", message: "\(decoding)")]
    }
  default:
    return [FieldProblem(path: "", message: "\(error)")]
  }
}

private func describeType(_ type: Any.Type) -> String {
  switch type {
  case is Double.Type, is Float.Type: return "a number"
  case is Int.Type, is UInt64.Type, is Int32.Type: return "a whole number"
  case is String.Type: return "a string"
  case is Bool.Type: return "true or false"
  default:
    let name = String(describing: type)
    if name.hasPrefix("Array") { return "a list" }
    if name.hasPrefix("Dictionary") { return "an object" }
    return "a value of another kind"
  }
}
