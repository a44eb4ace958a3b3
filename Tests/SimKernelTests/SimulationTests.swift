import SimKernel
import Testing

/// The clock and `run(until:)`, with a handler that records what ran and when.
@Suite("Simulation clock")
struct SimulationTests {
  /// Records every event; an event named in `followUps` schedules another after a delay.
  struct Recorder: EventHandler {
    var log: [String] = []
    var times: [Double] = []
    var followUps: [String: (event: String, delay: Double)] = [:]

    mutating func handle(_ event: String, in simulation: inout Simulation<String>) {
      log.append(event)
      times.append(simulation.now)
      if let followUp = followUps[event] {
        simulation.schedule(followUp.event, after: followUp.delay)
      }
    }
  }

  static func simulation(_ events: [(String, Double)]) -> Simulation<String> {
    var simulation = Simulation<String>()
    for (event, time) in events { simulation.schedule(event, at: time) }
    return simulation
  }

  @Test("run(until:) runs the events at exactly until and none after")
  func runUntilIsInclusive() {
    var simulation = Self.simulation([("before", 9.5), ("at", 10), ("after", 10.000001)])
    var recorder = Recorder()
    simulation.run(until: 10, &recorder)
    #expect(recorder.log == ["before", "at"])
    #expect(simulation.pendingEvents == 1)
  }

  @Test("run(until:) leaves the clock at until when later events remain")
  func clockEndsAtUntilWithEventsPending() {
    var simulation = Self.simulation([("a", 1), ("b", 20)])
    var recorder = Recorder()
    simulation.run(until: 10, &recorder)
    #expect(simulation.now == 10)
  }

  @Test("run(until:) leaves the clock at until when the calendar empties earlier")
  func clockEndsAtUntilWhenCalendarEmpties() {
    var simulation = Self.simulation([("a", 1)])
    var recorder = Recorder()
    simulation.run(until: 10, &recorder)
    #expect(simulation.now == 10)
    #expect(simulation.pendingEvents == 0)
  }

  @Test("Events a handler schedules at or before until run in the same call")
  func followUpsWithinHorizonRun() {
    var simulation = Self.simulation([("a", 1)])
    var recorder = Recorder(followUps: ["a": ("b", 4), "b": ("c", 5), "c": ("d", 1)])
    simulation.run(until: 10, &recorder)
    #expect(recorder.log == ["a", "b", "c"])
    #expect(recorder.times == [1, 5, 10])
    #expect(simulation.pendingEvents == 1)
  }

  @Test("run(until: a) then run(until: b) runs the same events at the same times as run(until: b)")
  func consecutiveRunsEqualOneRun() {
    let events = [("a", 1.0), ("b", 3.0), ("c", 3.0), ("d", 7.5)]
    let followUps: [String: (event: String, delay: Double)] = ["b": ("e", 1), "d": ("f", 0)]
    var split = Self.simulation(events)
    var splitRecorder = Recorder(followUps: followUps)
    split.run(until: 3.5, &splitRecorder)
    split.run(until: 8, &splitRecorder)
    var whole = Self.simulation(events)
    var wholeRecorder = Recorder(followUps: followUps)
    whole.run(until: 8, &wholeRecorder)
    #expect(splitRecorder.log == wholeRecorder.log)
    #expect(splitRecorder.times == wholeRecorder.times)
    #expect(split.now == whole.now)
  }

  @Test("Scheduling after a delay counts from the current clock")
  func scheduleAfterCountsFromNow() {
    var simulation = Simulation<String>(start: 100)
    simulation.schedule("a", after: 2.5)
    var recorder = Recorder()
    simulation.runToCompletion(&recorder)
    #expect(recorder.times == [102.5])
    #expect(simulation.now == 102.5)
  }

  @Test("step on an empty simulation returns false and leaves clock and counters alone")
  func stepOnEmptyChangesNothing() {
    var simulation = Simulation<String>(start: 3)
    var recorder = Recorder()
    let stepped = simulation.step(&recorder)
    #expect(!stepped)
    #expect(simulation.now == 3 && simulation.executedEvents == 0 && recorder.log.isEmpty)
  }

  @Test("The counters of scheduled, executed, cancelled and pending events stay exact")
  func countersStayExact() {
    var simulation = Simulation<String>()
    let a = simulation.schedule("a", at: 1)
    let b = simulation.schedule("b", at: 2)
    simulation.schedule("c", at: 3)
    let firstCancel = simulation.cancel(b)
    let secondCancel = simulation.cancel(b)
    var recorder = Recorder()
    simulation.run(until: 1, &recorder)
    let cancelAfterRun = simulation.cancel(a)
    #expect(firstCancel && !secondCancel && !cancelAfterRun)
    #expect(simulation.scheduledEvents == 3)
    #expect(simulation.cancelledEvents == 1)
    #expect(simulation.executedEvents == 1)
    #expect(simulation.pendingEvents == 1)
    simulation.runToCompletion(&recorder)
    #expect(recorder.log == ["a", "c"])
    #expect(simulation.executedEvents == 2 && simulation.pendingEvents == 0)
  }
}
