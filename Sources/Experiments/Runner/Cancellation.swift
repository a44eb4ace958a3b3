import Synchronization

/// A request to stop a run early, shared between whoever asks (the executable's SIGINT and
/// SIGTERM handlers, a test) and the runner's threads, which check it between replications.
///
/// One-way: once cancelled, it stays cancelled.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  /// Asks the run to stop. Safe from any thread, any number of times.
  public func cancel() { flag.store(true, ordering: .releasing) }

  /// True once `cancel` has been called.
  public var isCancelled: Bool { flag.load(ordering: .acquiring) }
}
