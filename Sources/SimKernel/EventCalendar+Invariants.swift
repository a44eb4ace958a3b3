extension EventCalendar {
  /// Checks the heap property and the cancelled count. Compiled into debug builds only, where
  /// tests call it after every operation; release builds pay nothing.
  public func checkInvariants() {
    #if DEBUG
      for index in heap.indices.dropFirst() {
        let parent = (index - 1) / 2
        precondition(!heap[index].precedes(heap[parent]), "heap order broken at \(index)")
      }
      let cancelled = heap.filter { slotState[Int($0.slot)] & 1 == 1 }.count
      precondition(cancelled == cancelledPending, "cancelled count drifted")
    #endif
  }
}
