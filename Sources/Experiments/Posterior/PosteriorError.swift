/// A posterior folder that cannot be used: the folder, and the file and what is wrong. The
/// executable prints it naming its own option (`--posterior DIR`) and exits 2; nothing has run
/// and nothing is written.
public struct PosteriorError: Error, Sendable, CustomStringConvertible, Equatable {
  /// The calibrate folder as it was given.
  public var folder: String
  /// What is wrong with it, naming the file.
  public var problem: String

  public init(folder: String, _ problem: String) {
    self.folder = folder
    self.problem = problem
  }

  public var description: String { "posterior \(folder): \(problem)" }
}
