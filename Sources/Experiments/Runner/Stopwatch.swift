/// A run's own elapsed time, on the monotonic clock: what progress lines, rates and the final
/// "took" report. The wall clock (`Date`) is only for the times `run.json` records, as it can jump.
public struct Stopwatch: Sendable {
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant

  /// Starts now.
  public init() { start = clock.now }

  /// Seconds since `init`, to the clock's resolution.
  public var elapsedSeconds: Double {
    let duration = clock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
