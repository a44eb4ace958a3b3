import CohortModel
import SimKernel

/// The cohort model as a calibration simulator: one or more scenarios (a joint calibration) that
/// share the parameters (the sweep's path-addressed fields, `ScenarioFactors`, one per scenario),
/// R replications of each strategy a scenario's targets name, and per target the mean of its
/// metric over the replications that have it. The statistics are the parts' targets in order.
public struct CalibrationModel: Sendable {
  /// One scenario of the calibration with its own targets and replications.
  public struct Part: Sendable {
    /// The scenario's `name`, written beside each of its targets in `posterior_predictive.csv`.
    public let scenarioName: String
    public let factors: ScenarioFactors
    public let targets: [CalibrationTarget]
    /// The strategies the targets compare (a target without one uses the scenario's first).
    public let strategies: [String]
    public let defaultStrategy: String
    public let replications: Int
    /// Which part this is. Part 0's replications are seeded as a run's are from the master seed,
    /// so a one-scenario calibration draws exactly what it drew before joint calibration
    /// existed; part k > 0 derives its own master seed from (seed, k), so two parts of one
    /// region do not share random numbers by accident.
    public let index: Int

    public init(
      scenarioName: String, factors: ScenarioFactors, targets: [CalibrationTarget], defaultStrategy: String,
      replications: Int, index: Int
    ) {
      self.scenarioName = scenarioName
      self.factors = factors
      self.targets = targets
      self.defaultStrategy = defaultStrategy
      var strategies: [String] = []
      for target in targets where !strategies.contains(target.strategy ?? defaultStrategy) {
        strategies.append(target.strategy ?? defaultStrategy)
      }
      self.strategies = strategies
      self.replications = replications
      self.index = index
    }

    /// The seed replication `replication` of this part runs under, for a particle seeded `seed`.
    func replicationSeed(_ seed: UInt64, replication: Int) -> UInt64 {
      let master =
        index == 0
        ? seed
        : SeedDerivation.splitmix64(seed ^ SeedDerivation.fnv1a64("joint calibration part \(index)"))
      return SeedDerivation.replicationSeed(master: master, replication: replication)
    }

    /// Per target, the mean over the part's replications; NaN for every target when the
    /// scenario's validation refuses the values.
    func simulate(_ values: [Double], seed: UInt64) -> [Double] {
      guard let scenario = try? factors.scenario(point: 0, values: values) else {
        return targets.map { _ in .nan }
      }
      let runs = (0..<replications).map { replication in
        metrics(scenario, replicationSeed: replicationSeed(seed, replication: replication))
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
  }

  public let parts: [Part]

  public init(parts: [Part]) { self.parts = parts }

  /// A one-scenario model (`check --targets`, and calibrations without `"scenarios"`).
  public init(
    factors: ScenarioFactors, targets: [CalibrationTarget], defaultStrategy: String, replications: Int,
    scenarioName: String = ""
  ) {
    parts = [
      Part(
        scenarioName: scenarioName, factors: factors, targets: targets, defaultStrategy: defaultStrategy,
        replications: replications, index: 0)
    ]
  }

  /// Every part's targets, in order: the statistics `simulate` returns.
  public var targets: [CalibrationTarget] { parts.flatMap(\.targets) }
  /// Each target's scenario name, parallel to `targets`.
  public var targetScenarios: [String] {
    parts.flatMap { part in part.targets.map { _ in part.scenarioName } }
  }
  /// Each target's strategy (its own, or its scenario's first), parallel to `targets`.
  public var targetStrategies: [String] {
    parts.flatMap { part in part.targets.map { $0.strategy ?? part.defaultStrategy } }
  }

  /// Per target, the mean over its scenario's replications, whose seeds derive from `seed` (part
  /// 0 as a run's do from its master seed). A parameter set a scenario's validation refuses
  /// (possible only where a field's range depends on other fields) gives NaN, a distance of +∞:
  /// never accepted.
  public func simulate(_ values: [Double], seed: UInt64) -> [Double] {
    parts.flatMap { $0.simulate(values, seed: seed) }
  }

  /// The standardised distance of a particle: the Euclidean norm of the targets' distances
  /// (`CalibrationTarget.distance`: |mean − centre| / tolerance or half-range), pyabc's default
  /// p = 2, over every scenario's targets. Inside every band it is at most √(number of targets).
  public func distance(_ statistics: [Double]) -> Double {
    zip(targets, statistics).reduce(0) { total, pair in
      let d = pair.0.distance(pair.1)
      return total + d * d
    }.squareRoot()
  }
}
