/// Why `cohortsim merge` refused its shard folders: a shard missing, given twice or from another
/// run, or a file in one that is not what `cohortsim run --shard` writes. The message names the
/// folder or file and the problem; the executable prints it and exits 2.
public struct MergeError: Error, Sendable, CustomStringConvertible, Equatable {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// The merge was interrupted (SIGINT, SIGTERM, SIGHUP) before publishing; nothing was changed.
public struct MergeCancelled: Error, Sendable {
  public init() {}
}
