/// `summary.csv` and `replications.csv` as lookups by strategy and metric, keeping the order in
/// which strategies and metrics first appear, so the report lists them as the run did.
public struct ResultEstimates {
  public private(set) var strategies: [String] = []
  public private(set) var metrics: [String] = []
  private var summary: [String: [String: IntervalEstimate]] = [:]
  private var replicationValues: [String: [String: [Double]]] = [:]

  /// - Throws: `FolderReadError` for a missing column or a field that is not a number.
  public init(summary table: ResultsTable?, replications: ResultsTable?) throws(FolderReadError) {
    if let table {
      let columns = try table.require(["strategy", "metric", "n", "mean", "ci95_low", "ci95_high"])
      for row in table.rows.indices {
        let strategy = table.rows[row][columns[0]]
        let metric = table.rows[row][columns[1]]
        note(strategy: strategy, metric: metric)
        summary[strategy, default: [:]][metric] = IntervalEstimate(
          mean: try table.number(row, columns[3]), low: try table.number(row, columns[4]),
          high: try table.number(row, columns[5]), count: Int(try table.number(row, columns[2])))
      }
    }
    if let replications {
      let strategy = try replications.require(["strategy"])[0]
      // `particle` names a posterior run's particle: an integer, not a metric.
      let skipped: Set<String> = ["strategy", "replication", "seed", "seed_hex", "particle"]
      for (column, name) in replications.header.enumerated() where !skipped.contains(name) {
        // A text column added later (as `seed_hex` was) is not a metric; a number column with a
        // bad field further down is still an error.
        if let first = replications.rows.first, ResultsTable.number(first[column]) == nil { continue }
        for row in replications.rows.indices {
          let value = try replications.number(row, column)
          replicationValues[replications.rows[row][strategy], default: [:]][name, default: []].append(value)
          note(strategy: replications.rows[row][strategy], metric: name)
        }
      }
    }
  }

  private mutating func note(strategy: String, metric: String) {
    if !strategies.contains(strategy) { strategies.append(strategy) }
    if !metrics.contains(metric) { metrics.append(metric) }
  }

  public func has(_ metric: String) -> Bool { metrics.contains(metric) }

  /// The estimate of `metric` for `strategy`: from `summary.csv` when it has it, else computed
  /// from `replications.csv`.
  public func estimate(_ strategy: String, _ metric: String) -> IntervalEstimate? {
    if let estimate = summary[strategy]?[metric] { return estimate }
    return values(strategy, metric).map { IntervalEstimate(replicationValues: $0) }
  }

  /// One value per replication, in file order.
  public func values(_ strategy: String, _ metric: String) -> [Double]? {
    replicationValues[strategy]?[metric]
  }

  /// The estimate of the sum of `metrics`, replication by replication (so its interval accounts
  /// for how the parts move together); nil unless every part is in `replications.csv`.
  public func estimate(_ strategy: String, sumOf metrics: [String]) -> IntervalEstimate? {
    if metrics.count == 1 { return estimate(strategy, metrics[0]) }
    return values(strategy, sumOf: metrics).map { IntervalEstimate(replicationValues: $0) }
  }

  /// The sum of `metrics`, replication by replication; nil unless every part is in
  /// `replications.csv`.
  public func values(_ strategy: String, sumOf metrics: [String]) -> [Double]? {
    var total: [Double]?
    for metric in metrics {
      guard let values = values(strategy, metric) else { return nil }
      total = total.map { zip($0, values).map(+) } ?? values
    }
    return total
  }
}
