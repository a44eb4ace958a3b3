/// A baseline that cannot be checked against: which file, and what is wrong with it.
///
/// Always an input error (exit 2), never a pass: a check that quietly passed on a missing or
/// half-written baseline would hide exactly the regressions it exists to catch.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
  /// The file (or directory) at fault.
  public var path: String
  /// What was found and what was expected.
  public var problem: String
  /// The posterior folder to give or drop, when the check and the baseline disagree on it: said
  /// after `problem`, naming the command line's own option (this module knows no flags).
  public var posterior: PosteriorRemedy?
  /// The baseline folder does not exist: the message says how to make one (`description`).
  public var isMissing = false

  /// What to change about the posterior for the check to match its baseline.
  public enum PosteriorRemedy: Sendable, Equatable {
    /// The baseline ran over this folder: give it.
    case give(folder: String)
    /// The baseline ran at fixed parameters: drop this folder.
    case drop(folder: String)
    /// The folder given has this SHA-256, not the baseline's.
    case differs(folder: String, sha256: String)
  }

  public init(path: String, problem: String, posterior: PosteriorRemedy? = nil) {
    self.path = path
    self.problem = problem
    self.posterior = posterior
  }

  /// A baseline folder that does not exist.
  public static func missing(_ path: String) -> BaselineError {
    var error = BaselineError(path: path, problem: "no such directory")
    error.isMissing = true
    return error
  }

  public var description: String { description(option: "the posterior") }

  /// The message with `option` (`--posterior` on the command line) naming the posterior folder,
  /// and `bless` (`--bless`) the way to make a missing baseline (nil: in words).
  public func description(option: String, bless: String? = nil) -> String {
    let make =
      isMissing
      ? "; create it with "
        + (bless.map { "'cohortsim check SCENARIO \($0)' or 'cohortsim run'" } ?? "a blessed check or a run")
      : ""
    let remedy: String? =
      switch posterior {
      case .give(let folder)?: "give \(option) \(folder)"
      case .drop(let folder)?: "drop \(option) \(folder)"
      case .differs(let folder, let sha256)?: "\(option) \(folder) has \(sha256)"
      case nil: nil
      }
    return "bad baseline \(path): \(problem)" + make + (remedy.map { "; " + $0 } ?? "")
  }
}
