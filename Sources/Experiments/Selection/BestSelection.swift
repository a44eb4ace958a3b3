import CohortModel

/// `compare --select-best METRIC`: choose the best strategy on one metric with Kim and Nelson's
/// procedure, sampling replications under common random numbers until one strategy remains or
/// the cap is reached.
///
/// Replications run in batches of `batchSize` (fixed, not derived from the thread count) and
/// are fed to the procedure one at a time in replication order, so the procedure is fully
/// sequential and where it stops depends on the seed and the settings alone, never on `--jobs`.
/// The run's other files (summary, replications, comparison) cover every replication run;
/// eliminated strategies keep being simulated in the replications that follow so those files
/// stay complete, but the procedure no longer looks at them.
public struct BestSelection: Sendable, Equatable {
  public var metric: Metric
  /// Smaller is better (e.g. days to an offer).
  public var minimise: Bool
  public var configuration: KimNelson.Configuration
  /// Stop here even when several strategies survive: they are then `undecided`.
  public var maxReplications: Int
  public var batchSize: Int

  /// n₀ when not given: ten first-stage replications, the smallest Kim and Nelson recommend.
  public static let defaultFirstStage = 10

  public init(
    metric: Metric, minimise: Bool, configuration: KimNelson.Configuration,
    maxReplications: Int = PrecisionTarget.defaultMaxReplications, batchSize: Int = 10
  ) {
    self.metric = metric
    self.minimise = minimise
    self.configuration = configuration
    self.maxReplications = max(maxReplications, configuration.firstStage)
    self.batchSize = batchSize
  }
}

/// How a selection ended: one row per strategy of `selection.csv`.
public struct SelectionResult: Sendable, Equatable {
  public enum Status: String, Sendable {
    case selected, eliminated, undecided
  }

  public struct Row: Sendable, Equatable {
    public var strategy: String
    public var status: Status
    /// Replications after which it was eliminated; nil unless eliminated.
    public var eliminatedAfter: Int?
    /// The metric's mean over the replications the procedure used for this strategy.
    public var mean: Double
    /// Replications the procedure used for this strategy.
    public var replications: Int
  }

  public var rule: BestSelection
  public var rows: [Row]
  /// Set when the procedure had to stop because the metric had no value (NA) in a replication:
  /// which replication and strategy. The survivors are then `undecided`.
  public var problem: String?

  /// The selected strategy, if the procedure ended with one.
  public var selected: String? { rows.first { $0.status == .selected }?.strategy }
}

/// The procedure as the runner drives it: one replication's metrics at a time.
struct SelectionTracker {
  let rule: BestSelection
  let strategies: [String]
  private(set) var procedure: KimNelson
  private(set) var problem: String?

  init(rule: BestSelection, strategies: [String]) {
    self.rule = rule
    self.strategies = strategies
    procedure = KimNelson(alternatives: strategies.count, configuration: rule.configuration)
  }

  /// True when no further replication can change the outcome.
  var isDone: Bool {
    procedure.isFinished || problem != nil || procedure.observations >= rule.maxReplications
  }

  /// Feeds replication `index`'s metrics (in strategy order) unless done.
  mutating func add(_ metrics: [ReplicationMetrics], replication index: Int) {
    guard !isDone else { return }
    let values = metrics.map { rule.minimise ? -$0[rule.metric] : $0[rule.metric] }
    if let missing = procedure.survivors.first(where: { !values[$0].isFinite }) {
      problem =
        "\(rule.metric.rawValue) has no value (NA) in replication \(index) under \(strategies[missing]); "
        + "selecting the best needs a metric every replication defines"
      return
    }
    procedure.add(values)
  }

  var result: SelectionResult {
    let rows = strategies.indices.map { index in
      let status: SelectionResult.Status
      var eliminatedAfter: Int?
      switch procedure.statuses[index] {
      case .selected: status = .selected
      case .alive: status = .undecided
      case .eliminated(let after):
        status = .eliminated
        eliminatedAfter = after
      }
      let mean = procedure.mean(of: index)
      return SelectionResult.Row(
        strategy: strategies[index], status: status, eliminatedAfter: eliminatedAfter,
        mean: rule.minimise ? -mean : mean, replications: procedure.observationCount(of: index))
    }
    return SelectionResult(rule: rule, rows: rows, problem: problem)
  }
}
