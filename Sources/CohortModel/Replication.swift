import SimKernel

/// What one replication hands back to the experiment runner.
public struct ReplicationResult: Sendable {
  public var metrics: ReplicationMetrics
  /// Events the kernel executed: for the events-per-second benchmark.
  public var executedEvents: Int

  public init(metrics: ReplicationMetrics, executedEvents: Int) {
    self.metrics = metrics
    self.executedEvents = executedEvents
  }
}

/// Runs one replication of a scenario: the model's only entry point for the runner.
public enum Replication {
  /// Simulates `scenario` under placement strategy `strategy` (a name from
  /// `PlacementStrategies.names`, or `PlacementStrategies.programDefault` for each program's
  /// own), drawing every random number from streams derived from `replicationSeed`.
  ///
  /// The same seed under two strategies gives the same world, students, exams and budgets:
  /// differences between strategies are paired (common random numbers).
  /// - Precondition: the scenario passed `Scenario.decode` (its validation) and `strategy` is known.
  public static func run<Monitor: ReplicationMonitor>(
    scenario: Scenario, strategy: String, replicationSeed: UInt64, monitor: inout Monitor
  ) -> ReplicationResult {
    let world = World(scenario: scenario, replicationSeed: replicationSeed)
    var model = CohortDynamics(
      scenario: scenario, world: world, strategy: strategy, replicationSeed: replicationSeed,
      tracing: monitor.wantsTrace)
    var simulation = Simulation<CohortEvent>(
      start: CohortDynamics.firstAdmissionDay(scenario: scenario, world: world))
    model.start(&simulation)
    simulation.run(until: scenario.horizonDays, &model)
    let metrics = model.finish(at: simulation.now)
    for record in model.traceSink?.records ?? [] { monitor.trace(record) }
    if monitor.wantsStudents {
      monitor.sites(world.sites)
      for outcome in model.studentOutcomes() { monitor.student(outcome) }
    }
    if scenario.currentStudents != nil { monitor.currentStudents(model.currentStudentOutcomes()) }
    if monitor.wantsRequisitions {
      monitor.requisitions(model.requisitionOutcomes(horizon: scenario.horizonDays))
    }
    return ReplicationResult(metrics: metrics, executedEvents: simulation.executedEvents)
  }
}
