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
    guard container.contains(key) else { return }
    let found = try container.decode(T.self, forKey: key)
    if let problem = check(found) {
      try decoder.reject("\(problem), got \(describe(found))", at: key)
    } else {
      value = found
    }
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

  private func describe<T>(_ value: T) -> String {
    switch value {
    case let number as Double: format(number)
    case let distribution as Distribution: distribution.summary
    case let text as String: "\"\(text)\""
    default: "\(value)"
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
