import Foundation

/// How a file that names another file (a scenario's `sitesCsv`, relative to the scenario) gets
/// that file's bytes. The model decodes the bytes it is given and never opens a file: the caller
/// passes a resolver, which reads from disk (`files(relativeTo:)`) or serves bytes already read
/// (`served(_:)`, so that a sweep's points decode what the command read once).
public struct InputResolver: Sendable {
  /// A named file: the path it was (or would be) read from, for messages and provenance, and its
  /// bytes or why it cannot be an input file.
  public struct Resolved: Sendable {
    public var file: String
    public var bytes: Result<Data, InputFile.Problem>

    public init(file: String, bytes: Result<Data, InputFile.Problem>) {
      self.file = file
      self.bytes = bytes
    }
  }

  private let resolving: @Sendable (String) -> Resolved

  public init(_ resolving: @escaping @Sendable (_ name: String) -> Resolved) {
    self.resolving = resolving
  }

  /// The file `name` (as the naming file spells it) stands for.
  public func resolve(_ name: String) -> Resolved { resolving(name) }

  /// Reads `name` from disk through `InputFile`: an absolute path as it is, a relative one in the
  /// folder of `file` (the naming file's path; empty: the working folder).
  public static func files(relativeTo file: String) -> InputResolver {
    InputResolver { name in
      let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
      let path =
        name.hasPrefix("/") ? name : file.isEmpty ? name : directory.appendingPathComponent(name).relativePath
      return Resolved(file: path, bytes: InputFile.read(path))
    }
  }

  /// Serves the files already read, by the name the naming file gives each; any other name is
  /// refused, never read from disk.
  public static func served(_ files: [String: (file: String, bytes: Data)]) -> InputResolver {
    InputResolver { name in
      guard let served = files[name] else { return Resolved(file: name, bytes: .failure(notGiven)) }
      return Resolved(file: served.file, bytes: .success(served.bytes))
    }
  }

  /// Refuses every name: for a file given as bytes alone, with no folder to find others in.
  public static let noFiles = served([:])

  private static let notGiven = InputFile.Problem("was not given: only files already read are available here")
}
