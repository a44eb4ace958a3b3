import CohortModel

/// One replication's results under every strategy, as a worker hands them to the consumer.
struct ReplicationOutput: Sendable {
  struct StrategyRun: Sendable {
    var metrics: ReplicationMetrics
    /// Empty unless the run writes `students.csv`.
    var students: [StudentOutcome]
    /// Empty except for the traced replication.
    var trace: [TraceRecord]
    /// Nil unless the run writes the over-time files (cohorts, timeline, time to offer).
    var outcomes: ReplicationOutcomes? = nil
    /// Per site, its hiring under this strategy; empty unless the run writes `sites.csv`.
    var siteFigures: [SiteFigures] = []
    /// One per listed student with `--current-students`, else empty.
    var currentStudents: [CurrentStudentOutcome] = []
  }

  var index: Int
  var seed: UInt64
  /// In the plan's strategy order.
  var runs: [StrategyRun]
  /// The replication's sites, for `sites.csv`; empty unless the run writes it.
  var sites: [Site] = []
  /// In a posterior run, the particle's number in `posterior.csv` (not its index in memory).
  var particle: Int? = nil
}

/// Streams a run's rows into its staged files as replications arrive, in replication order, and
/// writes the summaries at the end. Called from the consuming thread only.
struct ReplicationWriter {
  let outputs: StagedOutputs
  let strategies: [String]
  /// Site names by index (`World.siteNames`), for the site columns of `students.csv` and
  /// `trace.csv`; a merge, which copies those files' rows, needs none.
  var siteNames: [String] = []
  /// The spreadsheet's names of systems by index (`World.systemNames`), for `sites.csv`.
  var systemNames: [Int: String] = [:]
  /// The scenario's first calendar year, for the timeline rows of a shard's `outcomes.csv`.
  var startYear = 0
  /// A posterior run: `replications.csv` has the `particle` column and `summary.csv` the shares.
  var posteriorRun = false

  /// Each CSV file's header row.
  func writeHeaders() throws(OutputError) {
    let headers: [(OutputFile, [String])] = [
      (.summary, OutputColumns.summary(posteriorRun: posteriorRun)),
      (.replications, OutputColumns.replications(posteriorRun: posteriorRun)),
      (.comparison, OutputColumns.comparison), (.students, OutputColumns.students),
      (.trace, OutputColumns.trace), (.sites, OutputColumns.sites), (.selection, OutputColumns.selection),
      (.timeToOffer, OutputColumns.timeToOffer), (.cohorts, OutputColumns.cohorts),
      (.timeline, OutputColumns.timeline), (.shardOutcomes, OutputColumns.shardOutcomes),
      (.currentStudents, OutputSchema.currentStudents.names),
    ]
    for (file, header) in headers where outputs.contains(file) {
      try outputs[file].appendRow(header.map(CSVFormat.text))
    }
  }

  /// The rows of one replication: its metrics, and its students and trace when kept.
  /// - Complexity: O(strategies × (metrics + students)) plus the trace's length.
  func write(_ output: ReplicationOutput) throws(OutputError) {
    let replications = outputs[.replications]
    for (strategy, run) in zip(strategies, output.runs) {
      try replications.appendRow(
        OutputColumns.replicationRow(
          strategy: strategy, replication: output.index, seed: output.seed, particle: output.particle,
          metrics: run.metrics))
    }
    if outputs.contains(.students) {
      let students = outputs[.students]
      for (strategy, run) in zip(strategies, output.runs) {
        for outcome in run.students {
          try students.appendRow(
            OutputColumns.studentRow(
              strategy: strategy, replication: output.index, outcome, siteNames: siteNames))
        }
      }
    }
    if outputs.contains(.trace) {
      let trace = outputs[.trace]
      for run in output.runs {
        for record in run.trace { try trace.appendRow(OutputColumns.traceRow(record, siteNames: siteNames)) }
      }
    }
    if outputs.contains(.shardOutcomes) {
      let file = outputs[.shardOutcomes]
      for (strategy, run) in zip(strategies, output.runs) {
        guard let outcomes = run.outcomes else { continue }
        for row in OutputColumns.shardOutcomeRows(
          strategy: strategy, replication: output.index, startYear: startYear, outcomes)
        {
          try file.appendRow(row)
        }
      }
    }
    if outputs.contains(.sites) {
      let sites = outputs[.sites]
      for (strategy, run) in zip(strategies, output.runs) {
        for (index, site) in output.sites.enumerated() {
          try sites.appendRow(
            OutputColumns.siteRow(
              replication: output.index, index: index, site, strategy: strategy, run.siteFigures[index],
              systemNames: systemNames))
        }
      }
    }
  }

  /// `time_to_offer.csv`, `cohorts.csv` and `timeline.csv`, from the whole run's outcomes.
  func writeOutcomes(_ outcomes: borrowing OutcomeAggregate) throws(OutputError) {
    let curve = outputs[.timeToOffer]
    for point in outcomes.offerCurve() { try curve.appendRow(OutputColumns.timeToOfferRow(point)) }
    let cohorts = outputs[.cohorts]
    for row in outcomes.cohortSummaries() { try cohorts.appendRow(OutputColumns.groupRow(row)) }
    let timeline = outputs[.timeline]
    for row in outcomes.timelineSummaries() { try timeline.appendRow(OutputColumns.groupRow(row)) }
  }

  /// `current_students.csv`, from the whole run's tally.
  func writeCurrentStudents(_ tally: CurrentStudentTally) throws(OutputError) {
    let file = outputs[.currentStudents]
    for row in tally.rows() {
      try file.appendRow([
        CSVFormat.text(row.id), CSVFormat.number(row.p6), CSVFormat.number(row.p12),
        row.site.map { CSVFormat.text(siteNames[$0]) } ?? CSVFormat.missing, CSVFormat.number(row.pSite),
        CSVFormat.number(row.pRelocate), CSVFormat.text(row.strategy),
      ])
    }
  }

  /// `selection.csv`: one row per strategy, in run order.
  func writeSelection(_ result: SelectionResult) throws(OutputError) {
    let selection = outputs[.selection]
    for row in result.rows { try selection.appendRow(OutputColumns.selectionRow(row)) }
  }

  /// `summary.csv`, and `comparison.csv` when comparing.
  func writeSummaries(_ summaries: [MetricSummary], comparisons: [MetricComparison]) throws(OutputError) {
    let summary = outputs[.summary]
    for row in summaries { try summary.appendRow(OutputColumns.summaryRow(row)) }
    if outputs.contains(.comparison) {
      let comparison = outputs[.comparison]
      for row in comparisons { try comparison.appendRow(OutputColumns.comparisonRow(row)) }
    }
  }
}
