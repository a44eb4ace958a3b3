/// A baseline that cannot be checked against: which file, and what is wrong with it.
///
/// Always an input error (exit 2), never a pass: a check that quietly passed on a missing or
/// half-written baseline would hide exactly the regressions it exists to catch.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
  /// The file (or directory) at fault.
  public var path: String
  /// What was found and what was expected.
  public var problem: String

  public init(path: String, problem: String) {
    self.path = path
    self.problem = problem
  }

  public var description: String { "bad baseline \(path): \(problem)" }
}
