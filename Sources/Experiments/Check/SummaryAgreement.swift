import CohortModel

/// A results folder's `summary.csv` recomputed from its own `replications.csv`, before the folder
/// is compared with anything: the hashes in `run.json` only say the files are the ones listed,
/// and a reference whose summary was edited (with its hash updated) would otherwise pass a check
/// that compares summaries, or be taken as the truth by one that compares replications.
///
/// The recomputation feeds the replications, in order, to the same `ExperimentAggregate` a run
/// uses, so a folder cohortsim wrote agrees to the last bit; the tolerance only forgives a
/// decimal rewritten by a tool that keeps ten significant digits.
enum SummaryAgreement {
  /// Relative difference under which a written and a recomputed figure agree.
  static let tolerance = 1e-9

  /// The summary rows `values` imply: `values[strategy][metric]` in replication order.
  static func expected(strategies: [String], values: [[[Double]]]) -> [MetricSummary] {
    var aggregate = ExperimentAggregate(strategies: strategies)
    let replications = values.first?.first?.count ?? 0
    for replication in 0..<replications {
      aggregate.add(
        values.map { series in
          var metrics = ReplicationMetrics()
          metrics.values = series.map { $0[replication] }
          return metrics
        })
    }
    return aggregate.summaries()
  }

  /// Whether a written figure and a recomputed one are the same number (NaN agrees with NaN).
  static func agree(_ written: Double, _ recomputed: Double) -> Bool {
    if written.isNaN || recomputed.isNaN { return written.isNaN && recomputed.isNaN }
    return abs(written - recomputed) <= tolerance * max(1, abs(written), abs(recomputed))
  }

  /// The columns after `n` with their recomputed values, in `OutputColumns.summary` order.
  static func figures(_ row: MetricSummary) -> [(column: String, value: Double)] {
    [
      ("mean", row.mean), ("sd", row.standardDeviation), ("ci95_low", row.interval.low),
      ("ci95_high", row.interval.high), ("p10", row.p10), ("p50", row.p50), ("p90", row.p90),
    ]
  }
}
