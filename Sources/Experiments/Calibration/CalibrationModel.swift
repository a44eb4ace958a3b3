import CohortModel
import SimKernel

/// The cohort model as a calibration simulator: the scenario with the parameters set (the
/// sweep's path-addressed fields, `ScenarioFactors`), R replications of each strategy the
/// targets name, and per target the mean of its metric over the replications that have it.
public struct CalibrationModel: Sendable {
  public let factors: ScenarioFactors
  public let targets: [CalibrationTarget]
  /// The strategies the targets compare (a target without one uses the scenario's first).
  public let strategies: [String]
  public let defaultStrategy: String
  public let replications: Int

  public init(
    factors: ScenarioFactors, targets: [CalibrationTarget], defaultStrategy: String, replications: Int
  ) {
    self.factors = factors
    self.targets = targets
    self.defaultStrategy = defaultStrategy
    var strategies: [String] = []
    for target in targets where !strategies.contains(target.strategy ?? defaultStrategy) {
      strategies.append(target.strategy ?? defaultStrategy)
    }
    self.strategies = strategies
    self.replications = replications
  }

  /// Per target, the mean over R replications whose seeds derive from `seed` as a run's do from
  /// its master seed. A parameter set the scenario's validation refuses (possible only where a
  /// field's range depends on other fields) gives NaN, a distance of +∞: never accepted.
  public func simulate(_ values: [Double], seed: UInt64) -> [Double] {
    guard let scenario = try? factors.scenario(point: 0, values: values) else {
      return targets.map { _ in .nan }
    }
    let runs = (0..<replications).map { replication in
      metrics(
        scenario, replicationSeed: SeedDerivation.replicationSeed(master: seed, replication: replication))
    }
    return targets.map { target in
      let strategy = strategies.firstIndex(of: target.strategy ?? defaultStrategy)!
      let present = runs.map { $0[strategy][target.metric] }.filter(\.isFinite)
      return present.isEmpty ? .nan : present.reduce(0, +) / Double(present.count)
    }
  }

  /// One replication of each strategy: `[strategy]`.
  public func metrics(_ scenario: Scenario, replicationSeed: UInt64) -> [ReplicationMetrics] {
    strategies.map { strategy in
      var monitor = OutputMonitor(wantsTrace: false, wantsStudents: false)
      return Replication.run(
        scenario: scenario, strategy: strategy, replicationSeed: replicationSeed, monitor: &monitor
      ).metrics
    }
  }

  /// The standardised distance of a particle: the Euclidean norm of the targets' distances
  /// (`CalibrationTarget.distance`: |mean − centre| / tolerance or half-range), pyabc's default
  /// p = 2. Inside every band it is at most √(number of targets).
  public func distance(_ statistics: [Double]) -> Double {
    zip(targets, statistics).reduce(0) { total, pair in
      let d = pair.0.distance(pair.1)
      return total + d * d
    }.squareRoot()
  }
}
