/// A posterior folder (`--posterior DIR`) that cannot be used: the folder, the file and what is
/// wrong. The executable prints it and exits 2; nothing has run and nothing is written.
public struct PosteriorError: Error, Sendable, CustomStringConvertible, Equatable {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
