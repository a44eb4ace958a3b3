import Experiments

/// A folder `cohortsim report` cannot read: which file (or the folder), and what is wrong.
///
/// Always an input error (exit 2) and nothing is written: a report drawn from a half-written or
/// altered folder would hand a dean figures nobody computed. The finding is the folder reader's
/// (`FolderReadError`); this type only says it in the report's words.
public struct ReportError: Error, Sendable, CustomStringConvertible {
  /// What reading the folder found.
  public var finding: FolderReadError

  public init(_ finding: FolderReadError) { self.finding = finding }

  /// The file or folder at fault.
  public var path: String { finding.path }
  /// What was found and what was expected.
  public var problem: String { finding.problem }

  public var description: String { "cannot report on \(path): \(problem)" }
}
