import Dispatch
import Foundation
import Synchronization

/// How an ordered parallel map ended.
enum MapCompletion: Equatable {
  case finished
  case cancelled
}

/// Computes `work(i)` for every `i` in `indices` on `jobs` threads, and hands each result to
/// `consume` on the calling thread **in index order**, whatever order the threads finish in.
///
/// Why in order: a replication's own numbers do not depend on which thread ran it (its seed is a
/// function of its index), but what the caller does with them does — floating-point sums,
/// Welford's update and the P² quantile markers all depend on the order of their inputs, and
/// rows are appended to files. Consuming in index order makes every output byte-identical for
/// any `jobs`.
///
/// Why bounded: a thread may claim index `i` only while `i` is fewer than `window` (2 × jobs)
/// ahead of the next index to consume, so at most `window` results wait in the reorder buffer
/// however many indices there are and however slow one replication is. The smallest unconsumed
/// index is always claimed already, so the window never deadlocks.
///
/// `idle` is called on the calling thread about four times a second while it waits, so the
/// caller can refresh a progress line and notice cancellation during a long replication. On
/// cancellation the map returns promptly without waiting for replications still running; their
/// threads finish their current item and exit, and their results are dropped.
///
/// - Complexity: O(n) calls of `work` and `consume`; O(jobs) results held at any time.
func orderedParallelMap<Result: Sendable, Failure: Error>(
  _ indices: Range<Int>,
  jobs: Int,
  cancellation: Cancellation,
  work: @escaping @Sendable (Int) -> Result,
  consume: (Int, Result) throws(Failure) -> Void,
  idle: () -> Void = {}
) throws(Failure) -> MapCompletion {
  precondition(jobs >= 1, "jobs must be at least 1")
  guard !indices.isEmpty else { return .finished }
  let pool = ReorderBuffer<Result>(indices: indices, window: 2 * jobs, cancellation: cancellation)
  for _ in 0..<min(jobs, indices.count) {
    let thread = Thread { pool.workLoop(work) }
    thread.name = "cohortsim replication worker"
    thread.start()
  }
  for index in indices {
    guard let result = pool.waitForResult(index, idle: idle) else {
      pool.stop()
      return .cancelled
    }
    do {
      try consume(index, result)
    } catch {
      pool.stop()
      throw error
    }
    pool.releaseSlot()
  }
  return .finished
}

/// The state shared by the workers and the consumer of `orderedParallelMap`.
private final class ReorderBuffer<Result: Sendable>: Sendable {
  private struct State {
    var nextToClaim: Int
    var finished: [Int: Result] = [:]
  }

  private let end: Int
  private let state: Mutex<State>
  /// Counts free places in the window; a worker takes one before claiming an index and the
  /// consumer gives it back after consuming.
  private let slots: DispatchSemaphore
  private let window: Int
  /// Signalled once per finished result; the consumer rechecks the buffer after each wake-up.
  private let ready = DispatchSemaphore(value: 0)
  private let stopped = Atomic<Bool>(false)
  private let cancellation: Cancellation

  init(indices: Range<Int>, window: Int, cancellation: Cancellation) {
    end = indices.upperBound
    state = Mutex(State(nextToClaim: indices.lowerBound))
    slots = DispatchSemaphore(value: window)
    self.window = window
    self.cancellation = cancellation
  }

  private var shouldStop: Bool { stopped.load(ordering: .acquiring) || cancellation.isCancelled }

  /// What each worker thread runs: claim the next index, compute it, deposit it, repeat.
  func workLoop(_ work: @Sendable (Int) -> Result) {
    while true {
      slots.wait()
      let claimed: Int? =
        shouldStop
        ? nil
        : state.withLock { state in
          guard state.nextToClaim < end else { return nil }
          defer { state.nextToClaim += 1 }
          return state.nextToClaim
        }
      guard let index = claimed else {
        // Pass the wake-up on, so every other waiting worker also sees there is nothing left.
        slots.signal()
        return
      }
      let result = work(index)
      state.withLock { $0.finished[index] = result }
      ready.signal()
    }
  }

  /// Waits for `index`'s result; nil when the run was cancelled first.
  func waitForResult(_ index: Int, idle: () -> Void) -> Result? {
    while true {
      if cancellation.isCancelled { return nil }
      if let result = state.withLock({ $0.finished.removeValue(forKey: index) }) { return result }
      _ = ready.wait(timeout: .now() + .milliseconds(250))
      idle()
    }
  }

  /// Frees the consumed result's place in the window.
  func releaseSlot() { slots.signal() }

  /// Tells the workers to claim nothing more and wakes any waiting for a place.
  func stop() {
    stopped.store(true, ordering: .releasing)
    for _ in 0..<window { slots.signal() }
  }
}
