/// The pending events of a simulation, in the order they will run.
///
/// **Ordering rule:** earlier time first; at equal times, lower `EventPriority` first; at equal
/// time and priority, the event scheduled first runs first. The order is total, so a run never
/// depends on the heap's layout, the thread, or a random tie-break.
///
/// Storage is an implicit binary min-heap (Williams, "Algorithm 232: Heapsort", CACM 1964) in one
/// `ContiguousArray` of value-type entries: no object is allocated per event. Sifting moves a
/// hole instead of swapping (Knuth, TAOCP vol. 3, 5.2.3), halving the writes of each level.
///
/// Cancellation is exact and O(1): each pending event occupies a *slot* whose generation number
/// is part of its handle. Cancelling flips the slot's cancelled bit; the entry stays in the heap
/// and is discarded when it reaches the top (lazy deletion). A handle of an event that already
/// ran or was cancelled no longer matches its slot's generation, so cancelling it is a no-op
/// that returns `false`.
public struct EventCalendar<Payload> {
  @usableFromInline
  struct Entry {
    @usableFromInline var time: Double
    /// `priority << 48 | sequence`: one integer comparison settles both tie-breaks.
    @usableFromInline var order: UInt64
    @usableFromInline var slot: UInt32
    @usableFromInline var payload: Payload

    @inlinable
    init(time: Double, order: UInt64, slot: UInt32, payload: Payload) {
      self.time = time
      self.order = order
      self.slot = slot
      self.payload = payload
    }

    @inlinable
    func precedes(_ other: Entry) -> Bool {
      time < other.time || (time == other.time && order < other.order)
    }
  }

  @usableFromInline var heap: ContiguousArray<Entry> = []
  /// Per slot: `generation << 1 | cancelledBit`.
  @usableFromInline var slotState: ContiguousArray<UInt32> = []
  @usableFromInline var freeSlots: ContiguousArray<UInt32> = []
  @usableFromInline var nextSequence: UInt64 = 0
  @usableFromInline var cancelledPending: Int = 0

  public init() {}

  /// Pending events, not counting cancelled ones still awaiting removal.
  /// - Complexity: O(1)
  @inlinable
  public var count: Int { heap.count - cancelledPending }

  /// True when no event is pending.
  /// - Complexity: O(1)
  @inlinable
  public var isEmpty: Bool { count == 0 }

  /// Reserves room for `capacity` pending events, so a run of known size never reallocates.
  public mutating func reserveCapacity(_ capacity: Int) {
    heap.reserveCapacity(capacity)
    slotState.reserveCapacity(capacity)
    freeSlots.reserveCapacity(capacity)
  }

  /// Adds an event and returns the handle that can cancel it.
  /// - Precondition: `time` is not NaN.
  /// - Complexity: O(log n) worst case; O(1) on average for times drawn at random.
  @inlinable
  @discardableResult
  public mutating func insert(_ payload: Payload, at time: Double, priority: EventPriority = .normal)
    -> EventHandle
  {
    precondition(!time.isNaN, "an event time must be a number")
    let slot: UInt32
    if let reused = freeSlots.popLast() {
      slot = reused
    } else {
      slot = UInt32(slotState.count)
      slotState.append(0)
    }
    let order = UInt64(priority.rawValue) << 48 | nextSequence
    nextSequence &+= 1
    heap.append(Entry(time: time, order: order, slot: slot, payload: payload))
    siftUp(from: heap.count - 1)
    return EventHandle(slot: slot, generation: slotState[Int(slot)] >> 1)
  }

  /// Marks a pending event as cancelled. Returns false when it already ran or was cancelled.
  /// - Complexity: O(1)
  @inlinable
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    let index = Int(handle.slot)
    guard index < slotState.count, slotState[index] == handle.generation << 1 else { return false }
    slotState[index] |= 1
    cancelledPending += 1
    return true
  }

  /// The time of the next event that will run, or nil when none is pending.
  /// - Complexity: O(1) amortised (discards cancelled events found at the top).
  @inlinable
  public mutating func nextTime() -> Double? {
    discardCancelledAtTop()
    return heap.first?.time
  }

  /// Removes and returns the next event, skipping cancelled ones.
  /// - Complexity: O(log n) amortised.
  @inlinable
  public mutating func removeNext() -> (time: Double, payload: Payload)? {
    discardCancelledAtTop()
    guard let top = heap.first else { return nil }
    releaseSlot(top.slot)
    removeTop()
    return (top.time, top.payload)
  }

  /// Removes and returns the next event if its time is at most `limit`; nil, changing nothing
  /// but discarding cancelled events at the top, when none is pending or the next is later. One
  /// call where `nextTime()` then `removeNext()` would look at the top twice.
  /// - Complexity: O(log n) amortised.
  @inlinable
  public mutating func removeNext(notAfter limit: Double) -> (time: Double, payload: Payload)? {
    discardCancelledAtTop()
    guard let top = heap.first, top.time <= limit else { return nil }
    releaseSlot(top.slot)
    removeTop()
    return (top.time, top.payload)
  }

  @inlinable @inline(__always)
  mutating func discardCancelledAtTop() {
    while let top = heap.first, slotState[Int(top.slot)] & 1 == 1 {
      cancelledPending -= 1
      releaseSlot(top.slot)
      removeTop()
    }
  }

  /// Ends a slot's current generation, so stale handles stop matching, and recycles it.
  @inlinable @inline(__always)
  mutating func releaseSlot(_ slot: UInt32) {
    slotState[Int(slot)] = (slotState[Int(slot)] >> 1 &+ 1) << 1
    freeSlots.append(slot)
  }

  @inlinable @inline(__always)
  mutating func removeTop() {
    let last = heap.removeLast()
    if !heap.isEmpty {
      siftDown(last)
    }
  }

  /// Moves the hole at `index` up until the entry there fits, then fills it.
  @inlinable @inline(__always)
  mutating func siftUp(from index: Int) {
    heap.withUnsafeMutableBufferPointer { buffer in
      let moving = buffer[index]
      var hole = index
      while hole > 0 {
        let parent = (hole - 1) >> 1
        guard moving.precedes(buffer[parent]) else { break }
        buffer[hole] = buffer[parent]
        hole = parent
      }
      buffer[hole] = moving
    }
  }

  /// Places `moving` into the hole left at the root, walking the hole down.
  @inlinable @inline(__always)
  mutating func siftDown(_ moving: Entry) {
    heap.withUnsafeMutableBufferPointer { buffer in
      let count = buffer.count
      var hole = 0
      while true {
        var child = 2 * hole + 1
        if child >= count { break }
        if child + 1 < count && buffer[child + 1].precedes(buffer[child]) { child += 1 }
        guard buffer[child].precedes(moving) else { break }
        buffer[hole] = buffer[child]
        hole = child
      }
      buffer[hole] = moving
    }
  }
}

/// Identifies one scheduled event, for cancelling it.
public struct EventHandle: Hashable, Sendable {
  @usableFromInline let slot: UInt32
  @usableFromInline let generation: UInt32

  @inlinable
  init(slot: UInt32, generation: UInt32) {
    self.slot = slot
    self.generation = generation
  }
}

/// Orders events that fall at the same time. Lower runs first; a model names its own levels
/// (as simmer runs releases before seizes) instead of relying on scheduling order by accident.
public struct EventPriority: RawRepresentable, Hashable, Comparable, Sendable {
  public var rawValue: UInt16

  @inlinable
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  /// Runs before anything else at the same time.
  public static let first = EventPriority(rawValue: 0)
  /// The default.
  public static let normal = EventPriority(rawValue: 1 << 15)
  /// Runs after everything else at the same time (e.g. end-of-day bookkeeping).
  public static let last = EventPriority(rawValue: UInt16.max)

  @inlinable
  public static func < (lhs: EventPriority, rhs: EventPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
