import SimKernel
import Testing

/// The calendar's ordering rule (time, then priority, then insertion order) and its exact,
/// O(1) cancellation, each on its own and then all together against a reference model.
@Suite("Event calendar")
struct EventCalendarTests {
  struct Tagged: Equatable {
    var time: Double
    var index: Int
  }

  /// Removes every pending event, returning their payloads in the order they came out.
  static func drain<Payload>(_ calendar: inout EventCalendar<Payload>) -> [Payload] {
    var payloads: [Payload] = []
    while let next = calendar.removeNext() {
      payloads.append(next.payload)
      calendar.checkInvariants()
    }
    return payloads
  }

  @Test("Events come out in order of time")
  func ordersByTime() {
    var stream = RandomStream(seed: 3)
    var calendar = EventCalendar<Double>()
    let times = (0..<2_000).map { _ in stream.uniform() * 100 }
    for time in times { calendar.insert(time, at: time) }
    #expect(Self.drain(&calendar) == times.sorted())
  }

  @Test("At equal times the lower priority runs first, whatever the insertion order")
  func ordersByPriorityAtEqualTimes() {
    var calendar = EventCalendar<String>()
    calendar.insert("last", at: 5, priority: .last)
    calendar.insert("normal", at: 5)
    calendar.insert("first", at: 5, priority: .first)
    calendar.insert("custom 100", at: 5, priority: EventPriority(rawValue: 100))
    calendar.insert("earlier but last", at: 4, priority: .last)
    #expect(Self.drain(&calendar) == ["earlier but last", "first", "custom 100", "normal", "last"])
  }

  @Test("At equal time and priority events run in the order they were scheduled")
  func ordersByInsertionAtEqualTimeAndPriority() {
    var stream = RandomStream(seed: 5)
    var calendar = EventCalendar<Tagged>()
    // Ties at only three times, inserted interleaved, so the heap must reorder within each.
    let inserted = (0..<3_000).map { Tagged(time: Double(stream.integer(below: 3)), index: $0) }
    for event in inserted { calendar.insert(event, at: event.time) }
    let expected = inserted.sorted { ($0.time, $0.index) < ($1.time, $1.index) }
    #expect(Self.drain(&calendar) == expected)
  }

  @Test("Cancelling removes exactly that event and no other")
  func cancelRemovesExactlyThatEvent() {
    var stream = RandomStream(seed: 7)
    var calendar = EventCalendar<Int>()
    let handles = (0..<50).map { calendar.insert($0, at: stream.uniform()) }
    let cancelled = calendar.cancel(handles[17])
    #expect(cancelled)
    calendar.checkInvariants()
    #expect(calendar.count == 49)
    #expect(Set(Self.drain(&calendar)) == Set(0..<50).subtracting([17]))
  }

  @Test("Cancelling an event that already ran returns false and changes nothing")
  func cancelAfterExecutionReturnsFalse() {
    var calendar = EventCalendar<String>()
    let ran = calendar.insert("a", at: 1)
    calendar.insert("b", at: 2)
    #expect(calendar.removeNext()?.payload == "a")
    let cancelled = calendar.cancel(ran)
    #expect(!cancelled)
    #expect(calendar.count == 1)
    #expect(calendar.removeNext()?.payload == "b")
  }

  @Test("Cancelling an event twice returns false the second time and counts it once")
  func cancelTwiceReturnsFalse() {
    var calendar = EventCalendar<String>()
    let handle = calendar.insert("a", at: 1)
    calendar.insert("b", at: 2)
    let first = calendar.cancel(handle)
    let second = calendar.cancel(handle)
    #expect(first)
    #expect(!second)
    #expect(calendar.count == 1)
    calendar.checkInvariants()
    #expect(Self.drain(&calendar) == ["b"])
  }

  @Test("A handle of an executed event does not cancel the later event that reuses its slot")
  func staleHandleDoesNotCancelSlotReuser() {
    var calendar = EventCalendar<String>()
    let stale = calendar.insert("a", at: 1)
    #expect(calendar.removeNext()?.payload == "a")
    let fresh = calendar.insert("b", at: 2)
    let cancelledStale = calendar.cancel(stale)
    #expect(!cancelledStale)
    #expect(calendar.count == 1)
    let cancelledFresh = calendar.cancel(fresh)
    #expect(cancelledFresh)
    #expect(calendar.isEmpty)
  }

  @Test("A handle of a cancelled event does not cancel the later event that reuses its slot")
  func cancelledHandleDoesNotCancelSlotReuser() {
    var calendar = EventCalendar<String>()
    let cancelled = calendar.insert("a", at: 1)
    calendar.cancel(cancelled)
    let next = calendar.nextTime()  // discards "a", freeing its slot for "b"
    #expect(next == nil)
    calendar.insert("b", at: 2)
    let cancelledAgain = calendar.cancel(cancelled)
    #expect(!cancelledAgain)
    #expect(Self.drain(&calendar) == ["b"])
  }

  @Test("nextTime skips cancelled events and is nil when nothing is pending")
  func nextTimeSkipsCancelled() {
    var calendar = EventCalendar<String>()
    let early = calendar.insert("early", at: 1)
    calendar.insert("late", at: 2)
    calendar.cancel(early)
    let next = calendar.nextTime()
    #expect(next == 2)
    #expect(calendar.count == 1)
    _ = calendar.removeNext()
    let nextWhenEmpty = calendar.nextTime()
    let removedWhenEmpty = calendar.removeNext()
    #expect(nextWhenEmpty == nil)
    #expect(removedWhenEmpty == nil)
  }

  @Test("removeNext(notAfter:) takes the next event up to and including the limit, skipping cancelled ones")
  func removeNextNotAfterStopsAtTheLimit() {
    var calendar = EventCalendar<String>()
    let early = calendar.insert("cancelled", at: 1)
    calendar.insert("at limit", at: 2)
    calendar.insert("later", at: 3)
    calendar.cancel(early)
    #expect(calendar.removeNext(notAfter: 2)?.payload == "at limit")
    #expect(calendar.removeNext(notAfter: 2) == nil)
    #expect(calendar.count == 1)
    #expect(calendar.removeNext(notAfter: 3)?.time == 3)
    #expect(calendar.removeNext(notAfter: .infinity) == nil)
  }

  @Test("count stays exact through inserts, cancels and removals")
  func countStaysExact() {
    var calendar = EventCalendar<Int>()
    let handles = (0..<10).map { calendar.insert($0, at: Double($0)) }
    #expect(calendar.count == 10)
    calendar.cancel(handles[0])  // at the top
    calendar.cancel(handles[5])  // inside the heap
    calendar.cancel(handles[5])
    #expect(calendar.count == 8)
    _ = calendar.removeNext()  // discards 0, removes 1
    #expect(calendar.count == 7)
    calendar.cancel(handles[1])  // already ran
    #expect(calendar.count == 7)
    #expect(Self.drain(&calendar).count == 7)
    #expect(calendar.count == 0 && calendar.isEmpty)
  }

  /// The reference: a plain array searched linearly for the least (time, priority, sequence).
  struct ReferenceCalendar {
    struct Entry {
      var time: Double
      var priority: UInt16
      var sequence: Int
      var payload: Int
    }
    var pending: [Entry] = []
    var nextSequence = 0

    mutating func insert(_ payload: Int, at time: Double, priority: UInt16) {
      pending.append(Entry(time: time, priority: priority, sequence: nextSequence, payload: payload))
      nextSequence += 1
    }

    mutating func cancel(_ payload: Int) -> Bool {
      guard let index = pending.firstIndex(where: { $0.payload == payload }) else { return false }
      pending.remove(at: index)
      return true
    }

    var nextIndex: Int? {
      pending.indices.min {
        let a = pending[$0]
        let b = pending[$1]
        return (a.time, a.priority, a.sequence) < (b.time, b.priority, b.sequence)
      }
    }

    mutating func removeNext() -> (time: Double, payload: Int)? {
      guard let index = nextIndex else { return nil }
      let entry = pending.remove(at: index)
      return (entry.time, entry.payload)
    }
  }

  @Test(
    "Random interleavings of inserts, cancels and removals match a sorted-array reference",
    arguments: 1...200 as ClosedRange<UInt64>)
  func matchesReferenceModel(seed: UInt64) {
    var stream = RandomStream(seed: seed)
    var calendar = EventCalendar<Int>()
    var reference = ReferenceCalendar()
    var handles: [EventHandle] = []  // every handle ever issued, indexed by payload
    let priorities: [EventPriority] = [.first, .normal, .last]
    for _ in 0..<400 {
      switch stream.integer(below: 10) {
      case 0..<5:
        // Few distinct times and priorities, so ties are common.
        let time = Double(stream.integer(below: 8)) + (stream.chance(0.5) ? stream.uniform() : 0)
        let priority = priorities[stream.integer(below: 3)]
        reference.insert(handles.count, at: time, priority: priority.rawValue)
        handles.append(calendar.insert(handles.count, at: time, priority: priority))
      case 5..<7:
        guard !handles.isEmpty else { continue }
        let payload = stream.integer(below: handles.count)
        let cancelled = calendar.cancel(handles[payload])
        #expect(cancelled == reference.cancel(payload), "seed \(seed)")
      case 7:
        let next = calendar.nextTime()
        #expect(next == reference.nextIndex.map { reference.pending[$0].time }, "seed \(seed)")
      default:
        let actual = calendar.removeNext()
        let expected = reference.removeNext()
        #expect(actual?.time == expected?.time && actual?.payload == expected?.payload, "seed \(seed)")
      }
      calendar.checkInvariants()
      #expect(calendar.count == reference.pending.count, "seed \(seed)")
    }
    let remaining = Self.drain(&calendar)
    var expected: [Int] = []
    while let next = reference.removeNext() { expected.append(next.payload) }
    #expect(remaining == expected, "seed \(seed)")
  }
}
