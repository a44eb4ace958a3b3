/// A folder `cohortsim report` cannot read: which file (or the folder), and what is wrong.
///
/// Always an input error (exit 2) and nothing is written: a report drawn from a half-written or
/// altered folder would hand a dean figures nobody computed.
public struct ReportError: Error, Sendable, CustomStringConvertible {
  /// The file or folder at fault.
  public var path: String
  /// What was found and what was expected.
  public var problem: String

  public init(path: String, problem: String) {
    self.path = path
    self.problem = problem
  }

  public var description: String { "cannot report on \(path): \(problem)" }
}

extension ReportError {
  /// The report's words for a folder its reader refused.
  init(_ error: FolderReadError) { self.init(path: error.path, problem: error.problem) }
}
