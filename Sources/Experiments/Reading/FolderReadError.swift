/// A results folder, or one of its files, that cannot be read back as cohortsim wrote it: which
/// file (or the folder), and what is wrong.
///
/// A value rather than a message so that each reader says it in its own words (`report` says
/// "cannot report on …") while the finding itself — the path and the problem — is stated once,
/// where the folder is read.
public struct FolderReadError: Error, Sendable, Equatable {
  /// The file or folder at fault; for a field, `path:line:column`.
  public var path: String
  /// What was found and what was expected.
  public var problem: String

  public init(path: String, problem: String) {
    self.path = path
    self.problem = problem
  }
}
