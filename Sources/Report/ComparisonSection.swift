import CohortModel
import Experiments

/// The strategy comparison: a ranked forest plot of each strategy's paired difference from the
/// reference in the first headline metric, in graduates per cohort, with Holm-adjusted
/// intervals (`HolmIntervals`); then `selection.csv` (the `--select-best` result) when present.
enum ComparisonSection {
  static let title = "Strategy comparison"

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection? {
    guard let table = try context.folder.table("comparison.csv") else { return nil }
    let comparisons = try PairedComparisons(table, results: context.results)
    // Placement as accreditors count it when the folder has it, else among all graduates.
    guard let metric = ["placed_6m_seeking", "placed_6m"].first(where: comparisons.metrics.contains) else {
      return .omitted(
        id: "comparison", title: title,
        because: comparisons.rows.isEmpty
          ? "comparison.csv compares no strategy with another."
          : "comparison.csv has no placement metric (placed_6m_seeking, placed_6m).")
    }
    let rows = comparisons.rows(of: metric)
    let holm = rows.map(\.pHolm)
    let levels = rows.map(\.level)
    let adjusted = rows.map { (low: $0.holmLow, high: $0.holmHigh) }
    let holmNote =
      comparisons.holmFromFile
      ? "Holm-adjusted p-values as cohortsim compare wrote them (p_holm)."
      : "comparison.csv has no p_holm column, so the report applied Holm's correction itself to its "
        + "\(comparisons.family) p-values."
    let family = comparisons.family
    let intervalNote =
      comparisons.adjustedAll
      ? "The plotted intervals are Holm-adjusted: with the \(family) p-values of comparison.csv ranked from the "
        + "smallest, the difference at rank k has the t interval at level 1 − 0.05/(\(family) − k + 1), the level "
        + "at which Holm's procedure tests it (its standard error from the 95% interval, n − 1 degrees of "
        + "freedom); the 95% intervals are in the table."
      : "summary.csv lacks a replication count for some strategy, so the plotted intervals are the unadjusted 95% "
        + "intervals."
    let perCohort = graduatesPerCohort(context)
    let scale = perCohort ?? 100
    let unit = perCohort == nil ? "graduates per 100" : "graduates per cohort"
    let ranked = rows.indices.sorted { rows[$0].diff > rows[$1].diff }
    let reference = rows[0].reference
    let plot = ForestPlot(
      title: "Difference from \(reference): \(MetricDisplay.name(of: metric).lowercased()), \(unit)",
      valueLabel: "difference in \(unit) placed (right: more than \(reference))",
      rows: ranked.map { index in
        ForestPlot.Row(
          label: rows[index].strategy, estimate: rows[index].diff * scale, low: adjusted[index].low * scale,
          high: adjusted[index].high * scale, clear: holm[index] <= 0.05)
      })
    let best = ranked[0]
    let clearCount = holm.count { $0 <= 0.05 }
    let direction = rows[best].diff >= 0 ? "more" : "fewer"
    let reading =
      "Compared with \(reference), \(rows[best].strategy) places about \(HTMLText.fixed(abs(rows[best].diff * scale), 1)) "
      + "\(direction) \(unit) (Holm-adjusted interval \(HTMLText.fixed(adjusted[best].low * scale, 1)) to "
      + "\(HTMLText.fixed(adjusted[best].high * scale, 1))); \(clearCount) of \(rows.count) strategies differ clearly from "
      + "\(reference) after Holm's correction."
    let description =
      "Forest plot, strategies ranked by their paired difference from \(reference) in "
      + "\(MetricDisplay.name(of: metric).lowercased()), each a point with its "
      + "Holm-adjusted interval, zero marked by a vertical line. " + reading
    let figure = Figure(
      id: "chart-comparison", title: plot.title, reading: reading, description: description,
      svg: plot.svg(id: "chart-comparison", description: description),
      tableHeader: [
        "Rank", "Strategy", "Difference (\(unit))", "95% low", "95% high", "Holm level", "Holm low",
        "Holm high",
        "Share difference", "Holm p",
      ],
      tableRows: ranked.enumerated().map { rank, index in
        [
          String(rank + 1), rows[index].strategy, HTMLText.fixed(rows[index].diff * scale, 2),
          HTMLText.fixed(rows[index].low * scale, 2), HTMLText.fixed(rows[index].high * scale, 2),
          HTMLText.fixed(levels[index] * 100, 3) + "%", HTMLText.fixed(adjusted[index].low * scale, 2),
          HTMLText.fixed(adjusted[index].high * scale, 2),
          HTMLText.fixed(rows[index].diff * 100, 2) + " points", HTMLText.fixed(holm[index], 4),
        ]
      })
    var html = figure.html
    html +=
      "<p class=\"note\">Paired differences: every strategy ran with the same students, sites and draws in each "
    html += "replication (common random numbers), so each difference is taken replication by replication. "
    html += "\(HTMLText.escape(intervalNote)) \(HTMLText.escape(holmNote)) "
    if let perCohort {
      html += "A cohort here is one program's intake: \(HTMLText.fixed(perCohort, 1)) graduates on average."
    } else {
      html += "The scenario is unavailable or generates its programs, so differences are per 100 graduates."
    }
    html += "</p>\n"
    if let selection = try context.folder.table("selection.csv") {
      html += "<h3>Sequential selection of the best (--select-best)</h3>\n"
      html += SelectionTable.html(selection, provenance: context.folder.provenance)
    }
    return ReportSection(id: "comparison", title: title, html: html)
  }

  /// Mean graduates per program intake: the run's mean `graduates` over the intakes whose
  /// graduation day falls within the run (the same window the metric counts). Nil without the
  /// scenario, or when its programs are generated.
  static func graduatesPerCohort(_ context: ReportContext) -> Double? {
    guard let scenario = context.folder.scenario, scenario.generatedPrograms == nil,
      let graduates = context.results.estimate(context.focus, "graduates")?.mean, graduates.isFinite
    else { return nil }
    let month = ReportContext.daysPerMonth
    var cohorts = 0
    for program in scenario.programs {
      for year in program.intakeYears {
        let graduation =
          Double(year - scenario.startYear) * 365.25 + Double(program.intakeMonth - 1) * month
          + program.lengthMonths * month
        if graduation >= 0 && graduation <= scenario.horizonDays { cohorts += 1 }
      }
    }
    return cohorts > 0 ? graduates / Double(cohorts) : nil
  }
}
