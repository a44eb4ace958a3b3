import SimKernel

/// Decodes an object's optional fields onto defaults, checking each against its allowed range.
///
/// Parameter structs start from their documented defaults and call `read` once per field: a
/// field that is present replaces the default only when valid; a field that is invalid is
/// reported with its path and allowed range; an unknown key is reported, never ignored.
public struct FieldReader<Keys: CodingKey & CaseIterable> {
  public let decoder: any Decoder
  let container: KeyedDecodingContainer<Keys>

  public init(_ decoder: any Decoder, _ keys: Keys.Type) throws {
    self.decoder = decoder
    try decoder.rejectUnknownKeys(keys)
    container = try decoder.container(keyedBy: keys)
  }

  public func has(_ key: Keys) -> Bool { container.contains(key) }

  /// Hands the field's own decoder to `body` when the field is present: for nested objects that
  /// decode onto defaults of their own.
  public func nested(_ key: Keys, _ body: (any Decoder) throws -> Void) throws {
    guard container.contains(key) else { return }
    try body(try container.superDecoder(forKey: key))
  }

  /// Replaces `value` with the field when present and `check` accepts it. `check` returns nil
  /// for a valid value, or what is allowed (e.g. "must be > 0").
  public func read<T: Decodable>(_ value: inout T, _ key: Keys, _ check: (T) -> String? = { _ in nil }) throws
  {
    if let found = try accepted(key, check) { value = found }
  }

  /// A required field's value, or nil when it is missing or refused (the problem is reported
  /// as `require` reports it): for a value that has no default to start from.
  public func required<T: Decodable>(_ key: Keys, _ check: (T) -> String? = { _ in nil }) throws -> T? {
    guard container.contains(key) else {
      try decoder.reject("required field is missing", at: key)
      return nil
    }
    return try accepted(key, check)
  }

  /// The field when present and `check` accepts it; nil (with the problem reported) otherwise.
  private func accepted<T: Decodable>(_ key: Keys, _ check: (T) -> String?) throws -> T? {
    guard container.contains(key) else { return nil }
    let found: T
    do {
      found = try container.decode(T.self, forKey: key)
    } catch {
      // Foundation throws a number of the wrong kind (1.5 or 1e300 for a whole number, -1 for a
      // seed) as an internal error that surfaces as "not valid JSON", without the path; say
      // what was expected, and where. Problems our own decoders raise pass through.
      guard !(error is FieldProblem), !(error is FieldProblems), let expected = Self.kind(of: T.self) else {
        throw error
      }
      let range = Self.wholeNumber(T.self) ? check(Self.probe(T.self)).map { " (\($0))" } ?? "" : ""
      try decoder.reject("expected \(expected)\(range), got \(describeFound(key))", at: key)
      return nil
    }
    if let problem = check(found) {
      try decoder.reject("\(problem), got \(describe(found))", at: key)
      return nil
    }
    return found
  }

  /// A required field: reported when missing.
  public func require<T: Decodable>(_ value: inout T, _ key: Keys, _ check: (T) -> String? = { _ in nil })
    throws
  {
    guard container.contains(key) else {
      try decoder.reject("required field is missing", at: key)
      return
    }
    try read(&value, key, check)
  }

  /// What a field of type `T` must be, for a message; nil for types that decode themselves.
  private static func kind<T>(of type: T.Type) -> String? {
    switch type {
    case is Int.Type, is Int?.Type: "a whole number"
    case is UInt64.Type, is UInt64?.Type: "a whole number from 0 to \(UInt64.max)"
    case is Double.Type, is Double?.Type: "a number"
    case is String.Type, is String?.Type: "a string"
    case is Bool.Type, is Bool?.Type: "true or false"
    case is [Int].Type: "a list of whole numbers"
    case is [Double].Type: "a list of numbers"
    default: nil
    }
  }

  private static func wholeNumber<T>(_ type: T.Type) -> Bool { type is Int.Type || type is Int?.Type }

  /// A value far outside any allowed range, to get the range's wording from a field's check.
  private static func probe<T>(_ type: T.Type) -> T {
    (type is Int?.Type ? Optional(Int.min) as Any : Int.min as Any) as! T
  }

  /// What the field holds, read as whatever it is.
  private func describeFound(_ key: Keys) -> String {
    if (try? container.decodeNil(forKey: key)) == true { return "null" }
    if let number = try? container.decode(Double.self, forKey: key) { return format(number) }
    if let text = try? container.decode(String.self, forKey: key) { return "the string \"\(text)\"" }
    if let flag = try? container.decode(Bool.self, forKey: key) { return "\(flag)" }
    return "an object or a list"
  }

  private func describe<T>(_ value: T) -> String {
    switch value {
    case let number as Double: format(number)
    case let distribution as Distribution: distribution.summary
    case let text as String: "\"\(text)\""
    case let number as Int: "\(number)"
    case let flag as Bool: "\(flag)"
    case let list as [Any]: list.count == 1 ? "a list of 1 item" : "a list of \(list.count) items"
    // Never a Swift value's description (`CohortModel.ExamParameters(name: …)`): the user wrote JSON.
    default: "the value given"
    }
  }
}

/// Checks for `FieldReader.read`, each returning what is allowed when the value is not.
public enum Allowed {
  public static func above(_ bound: Double) -> (Double) -> String? {
    { $0 > bound && $0.isFinite ? nil : "must be > \(format(bound))" }
  }
  public static func atLeast(_ bound: Double) -> (Double) -> String? {
    { $0 >= bound && $0.isFinite ? nil : "must be ≥ \(format(bound))" }
  }
  public static func probability(_ value: Double) -> String? {
    (0...1).contains(value) ? nil : "must be a probability in [0, 1]"
  }
  public static func count(atLeast bound: Int) -> (Int) -> String? {
    { $0 >= bound ? nil : "must be a whole number ≥ \(bound)" }
  }
  /// A whole number within documented limits (docs/MODEL.md, "Limits").
  public static func count(in range: ClosedRange<Int>) -> (Int) -> String? {
    { range.contains($0) ? nil : "must be a whole number from \(range.lowerBound) to \(range.upperBound)" }
  }
  /// A number in (lower, upper]: a size that must be positive and has a documented limit.
  public static func above(_ lower: Double, atMost upper: Double) -> (Double) -> String? {
    { $0 > lower && $0 <= upper ? nil : "must be > \(format(lower)) and at most \(format(upper))" }
  }
  /// A number in [lower, upper].
  public static func within(_ lower: Double, _ upper: Double) -> (Double) -> String? {
    { $0 >= lower && $0 <= upper ? nil : "must be from \(format(lower)) to \(format(upper))" }
  }
  /// A distribution whose every draw lies in [lower, upper].
  public static func draws(in lower: Double, _ upper: Double = .infinity) -> (Distribution) -> String? {
    { distribution in
      distribution.supportLowerBound >= lower && distribution.supportUpperBound <= upper
        ? nil
        : upper.isInfinite
          ? "must never draw below \(format(lower)) (use e.g. gamma, lognormal, or a truncated_normal with lower ≥ \(format(lower)))"
          : "must draw only within [\(format(lower)), \(format(upper))] (use e.g. beta, uniform, or truncated_normal)"
    }
  }
  public static func oneOf(_ allowed: [String]) -> (String) -> String? {
    { allowed.contains($0) ? nil : "must be one of \(allowed.joined(separator: ", "))" }
  }
}
