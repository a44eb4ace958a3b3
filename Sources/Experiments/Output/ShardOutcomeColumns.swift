extension OutputColumns {
  /// `outcomes.csv`, a shard's per-replication outcomes (`OutputSchema.shardOutcomes`).
  public static var shardOutcomes: [String] { OutputSchema.shardOutcomes.names }

  /// The rows of one replication's outcomes under one strategy: its curve day by day, then its
  /// cohorts metric by metric, then its years metric by metric, so that `ShardOutcomes.read`
  /// rebuilds the same `ReplicationOutcomes` value.
  static func shardOutcomeRows(
    strategy: String, replication: Int, startYear: Int, _ outcomes: ReplicationOutcomes
  ) -> [[String]] {
    let lead = [CSVFormat.text(strategy), String(replication)]
    var rows: [[String]] = []
    for (day, value) in outcomes.offerCurve.enumerated() {
      rows.append(lead + ["curve", "", String(day), "", CSVFormat.number(value)])
    }
    for cohort in outcomes.cohorts {
      for (metric, value) in zip(CohortMetric.all, cohort.values) {
        rows.append(
          lead + [
            "cohort", CSVFormat.text(cohort.program), String(cohort.intakeYear), metric.name,
            CSVFormat.number(value),
          ])
      }
    }
    for (year, values) in outcomes.timeline.enumerated() {
      for (metric, value) in zip(TimelineMetric.all, values) {
        rows.append(lead + ["timeline", "", String(startYear + year), metric.name, CSVFormat.number(value)])
      }
    }
    return rows
  }
}
