import SimKernel

/// The M/M/1 queue as a model on the kernel: Poisson arrivals at rate λ, one server with
/// exponential service at rate μ, first come first served. Arrivals and services draw from
/// separate streams (`StreamKey("arrivals")`, `StreamKey("services")`), so changing one rate
/// leaves the other sequence untouched.
///
/// The first `warmUp` customers are discarded; the next `measured` ones give the mean time in
/// system, and the server's busy time over the same window gives the utilisation.
struct MM1Queue: EventHandler, ~Copyable {
  enum Event: Equatable {
    case arrival
    case departure
  }

  struct Result: Sendable {
    var meanTimeInSystem: Double
    var utilisation: Double
    var executedEvents: Int
  }

  let arrivalRate: Double
  let serviceRate: Double
  let warmUp: Int
  let measured: Int
  var arrivals: RandomStream
  var services: RandomStream

  /// Arrival times of the customers in the system, oldest (the one in service) first.
  var inSystem: [Double] = []
  var head = 0
  var departed = 0
  var windowStart = 0.0
  var lastChange = 0.0
  var busyTime = 0.0
  var totalTimeInSystem = 0.0
  /// Every executed event with its time, when `recordsTrace` is set.
  var trace: [(time: Double, event: Event)] = []
  let recordsTrace: Bool

  init(
    arrivalRate: Double, serviceRate: Double, warmUp: Int, measured: Int, seed: UInt64,
    recordsTrace: Bool = false
  ) {
    self.arrivalRate = arrivalRate
    self.serviceRate = serviceRate
    self.warmUp = warmUp
    self.measured = measured
    self.recordsTrace = recordsTrace
    arrivals = RandomStream(replicationSeed: seed, key: StreamKey("arrivals"))
    services = RandomStream(replicationSeed: seed, key: StreamKey("services"))
  }

  var customersInSystem: Int { inSystem.count - head }
  var isMeasuring: Bool { departed >= warmUp }

  mutating func handle(_ event: Event, in simulation: inout Simulation<Event>) {
    let now = simulation.now
    if recordsTrace { trace.append((now, event)) }
    if isMeasuring && customersInSystem > 0 { busyTime += now - lastChange }
    lastChange = now
    switch event {
    case .arrival:
      inSystem.append(now)
      if customersInSystem == 1 { startService(in: &simulation) }
      simulation.schedule(.arrival, after: arrivals.exponential(mean: 1 / arrivalRate))
    case .departure:
      if isMeasuring { totalTimeInSystem += now - inSystem[head] }
      head += 1
      departed += 1
      if departed == warmUp { windowStart = now }
      if customersInSystem > 0 { startService(in: &simulation) }
      if head > 4096 && 2 * head > inSystem.count {
        inSystem.removeFirst(head)
        head = 0
      }
    }
  }

  mutating func startService(in simulation: inout Simulation<Event>) {
    simulation.schedule(.departure, after: services.exponential(mean: 1 / serviceRate))
  }

  /// Runs from an empty system until `warmUp + measured` customers have departed.
  mutating func run() -> Result {
    var simulation = Simulation<Event>()
    simulation.schedule(.arrival, after: arrivals.exponential(mean: 1 / arrivalRate))
    while departed < warmUp + measured && simulation.step(&self) {}
    return Result(
      meanTimeInSystem: totalTimeInSystem / Double(measured),
      utilisation: busyTime / (simulation.now - windowStart),
      executedEvents: simulation.executedEvents)
  }
}
