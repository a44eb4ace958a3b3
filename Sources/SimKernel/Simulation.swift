/// A model that reacts to its own events. The kernel calls `handle` once per event, in calendar
/// order, passing the simulation so the model can read the clock and schedule or cancel events.
///
/// The kernel is generic over the event type, so a model's events are plain values (usually a
/// small enum) stored inline in the calendar: no closure or object per event. Handlers may be
/// `~Copyable`, so a model can own its `RandomStream`s outright.
public protocol EventHandler: ~Copyable {
  associatedtype Event
  mutating func handle(_ event: Event, in simulation: inout Simulation<Event>)
}

/// The clock and the calendar of one discrete-event run. Time is measured in days.
///
/// It knows nothing of what the events mean: that is the `EventHandler`'s business. One
/// `Simulation` belongs to one replication on one thread; nothing in it is shared.
public struct Simulation<Event> {
  /// The current simulated time in days. Never decreases.
  public var now: Double { _now }
  @usableFromInline var _now: Double
  @usableFromInline var calendar = EventCalendar<Event>()
  /// Events executed so far.
  public var executedEvents: Int { _executedEvents }
  @usableFromInline var _executedEvents = 0
  /// Events scheduled so far (including those later cancelled).
  public var scheduledEvents: Int { _scheduledEvents }
  @usableFromInline var _scheduledEvents = 0
  /// Events cancelled before they ran.
  public var cancelledEvents: Int { _cancelledEvents }
  @usableFromInline var _cancelledEvents = 0

  /// A simulation whose clock starts at `start` days.
  public init(start: Double = 0) {
    self._now = start
  }

  /// Pending events (cancelled ones excluded).
  /// - Complexity: O(1)
  public var pendingEvents: Int { calendar.count }

  /// Reserves calendar room for `capacity` pending events.
  public mutating func reserveCapacity(_ capacity: Int) { calendar.reserveCapacity(capacity) }

  /// Schedules `event` at absolute time `time` (days).
  /// - Precondition: `time >= now`; scheduling into the past is a model bug.
  /// - Complexity: O(log n)
  @inlinable
  @discardableResult
  public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal)
    -> EventHandle
  {
    precondition(time >= now, "cannot schedule at \(time), before the current time \(now)")
    _scheduledEvents += 1
    return calendar.insert(event, at: time, priority: priority)
  }

  /// Schedules `event` `delay` days from now.
  /// - Precondition: `delay >= 0`.
  /// - Complexity: O(log n)
  @inlinable
  @discardableResult
  public mutating func schedule(_ event: Event, after delay: Double, priority: EventPriority = .normal)
    -> EventHandle
  {
    schedule(event, at: now + delay, priority: priority)
  }

  /// Cancels a pending event; returns false when it already ran or was cancelled.
  /// - Complexity: O(1)
  @inlinable
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    let cancelled = calendar.cancel(handle)
    if cancelled { _cancelledEvents += 1 }
    return cancelled
  }

  /// Runs the next event, advancing the clock to its time. Returns false, and changes nothing,
  /// when no event is pending.
  /// - Complexity: O(log n) plus the handler's own work.
  @inlinable
  @discardableResult
  public mutating func step<Handler: EventHandler & ~Copyable>(_ handler: inout Handler) -> Bool
  where Handler.Event == Event {
    guard let (time, event) = calendar.removeNext() else { return false }
    _now = time
    _executedEvents += 1
    handler.handle(event, in: &self)
    return true
  }

  /// Runs every event whose time is at most `until`, in calendar order, then sets the clock to
  /// `until`. Events at exactly `until` run; events the handler schedules at or before `until`
  /// run in the same call. When the calendar empties earlier the clock still ends at `until`,
  /// so consecutive calls `run(until: a)`, `run(until: b)` behave as one `run(until: b)`.
  /// - Precondition: `until >= now`.
  @inlinable
  public mutating func run<Handler: EventHandler & ~Copyable>(until: Double, _ handler: inout Handler)
  where Handler.Event == Event {
    precondition(until >= now, "cannot run until \(until), before the current time \(now)")
    while let (time, event) = calendar.removeNext(notAfter: until) {
      _now = time
      _executedEvents += 1
      handler.handle(event, in: &self)
    }
    _now = until
  }

  /// Runs until no event is pending; the clock stays at the last event's time.
  @inlinable
  public mutating func runToCompletion<Handler: EventHandler & ~Copyable>(_ handler: inout Handler)
  where Handler.Event == Event {
    while step(&handler) {}
  }
}
