/// The classic *hold* model of event-calendar benchmarking (Vaucher and Duval, "A comparison of
/// simulation event list algorithms", CACM 1975): `pending` events are in the calendar; each,
/// when it runs, schedules itself again an exponential(1) time later. The calendar size stays
/// constant, so the rate measures one remove-next plus one insert at that size, plus one GSL
/// exponential draw.
public struct HoldModel: EventHandler, ~Copyable {
  public typealias Event = UInt32

  var stream: RandomStream
  /// Sum of the times of executed events: consumed so the optimiser cannot drop the work, and a
  /// checksum that shows two runs drew the same numbers.
  public private(set) var checksum = 0.0

  public init(seed: UInt64) {
    stream = RandomStream(seed: seed)
  }

  public mutating func handle(_ event: UInt32, in simulation: inout Simulation<UInt32>) {
    checksum += simulation.now
    simulation.schedule(event, after: stream.exponential(mean: 1))
  }

  /// Fills the calendar with `pending` events, then executes `events` of them.
  /// Returns the simulation so the caller can read its counters.
  public mutating func run(pending: Int, events: Int) -> Simulation<UInt32> {
    var simulation = Simulation<UInt32>()
    simulation.reserveCapacity(pending + 1)
    for index in 0..<pending {
      simulation.schedule(UInt32(truncatingIfNeeded: index), after: stream.exponential(mean: 1))
    }
    for _ in 0..<events {
      simulation.step(&self)
    }
    return simulation
  }
}
