import CohortModel
import Experiments

/// The first section of a compare folder's page: "which placement strategy?", answered metric by
/// metric from `comparison.csv`'s paired differences with Holm-adjusted intervals (and
/// `selection.csv` when `--select-best` ran), then one sentence of advice with its caveat.
///
/// Every number in the box is wrapped in a `<span class="n">` whose `data-*` attributes name the
/// file, row and column it comes from and the factor it was multiplied by, so `.ci/report-check`
/// can recompute it from the CSV files.
enum DecisionSection {
  static let title = "Which placement strategy?"

  /// A metric's verdict: which strategies came out best, and the sentence that says so.
  struct Verdict {
    var metric: DecisionMetric
    /// The strategies best on this metric; nil when no strategy differs clearly.
    var best: [String]?
    var html: String
  }

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection? {
    guard let table = try context.folder.table("comparison.csv") else { return nil }
    let comparisons = try PairedComparisons(table, results: context.results)
    guard let reference = comparisons.rows.first?.reference else { return nil }
    let perCohort = ComparisonSection.graduatesPerCohort(context)
    let notSeeking = context.results.estimate(reference, Metric.notSeeking6m.rawValue)?.mean
    let seekingShare = notSeeking.flatMap { $0.isFinite ? 1 - $0 : nil }
    var verdicts: [Verdict] = []
    for metric in DecisionMetric.all {
      let rows = comparisons.rows(of: metric.metric.rawValue)
      guard !rows.isEmpty else { continue }
      let scale = metric.scale(graduatesPerCohort: perCohort, seekingShare: seekingShare)
      verdicts.append(verdict(metric, rows, reference: reference, scale: scale, perCohort: perCohort))
    }
    guard !verdicts.isEmpty else { return nil }
    var html = "<div class=\"decision\" id=\"decision-box\">\n"
    html +=
      "<p class=\"advice\">\(advice(verdicts, reference: reference, strategies: context.strategies))</p>\n"
    html += "<dl>\n"
    for verdict in verdicts {
      html += "<dt>\(HTMLText.escape(verdict.metric.display.name))</dt><dd>\(verdict.html)</dd>\n"
    }
    html += "</dl>\n"
    if let selection = try selectionSentence(&context) { html += "<p>\(selection)</p>\n" }
    // Over a calibration's posterior (issue 30): whether each metric's best strategy stays best
    // across the parameter sets the posterior allows.
    if let posterior = context.posterior {
      for verdict in verdicts {
        html += posterior.decision(metric: verdict.metric.metric, strategies: context.strategies)
      }
    }
    html += "</div>\n"
    html +=
      "<p class=\"note\">Each strategy ran with the same students, sites and draws as \(HTMLText.escape(reference)) "
      + "in every replication, so each difference is paired. A difference is called clear when Holm's procedure "
      + "over all \(comparisons.family) comparisons of comparison.csv rejects \"no difference\" at 5%; the intervals "
      + "are Holm-adjusted (see the strategy comparison below). "
    if let perCohort {
      html += "A cohort is one program's intake: \(HTMLText.fixed(perCohort, 1)) graduates on average"
      if let seekingShare {
        html += ", of whom \(HTMLText.fixed(perCohort * seekingShare, 1)) seek work"
      }
      html += ". "
    }
    html +=
      "The model has no commuting-distance figure; \"needing a move\" counts hires beyond commuting distance.</p>\n"
    return ReportSection(id: "decision", title: title, html: html)
  }

  /// The verdict on one metric: the strategies that differ clearly from the reference, by how
  /// much, and whether the reference or they are best; in words when none differs.
  static func verdict(
    _ metric: DecisionMetric, _ rows: [PairedComparisons.Row], reference: String, scale: Double,
    perCohort: Double?
  ) -> Verdict {
    let better = rows.filter { $0.clear && ($0.diff > 0) == metric.higherIsBetter && $0.diff != 0 }
    let worse = rows.filter { $0.clear && ($0.diff > 0) != metric.higherIsBetter && $0.diff != 0 }
    let unclear = rows.count - better.count - worse.count
    // Amounts are spoken in the difference's own direction ("0.3 fewer"), so a bound on the other
    // side of zero shows as negative; data-sign records the flip for the check.
    func number(_ row: PairedComparisons.Row, _ column: String, _ value: Double, _ places: Int) -> String {
      let sign: Double = row.diff < 0 ? -1 : 1
      return NumberSpan.html(
        file: "comparison.csv", strategy: row.strategy, metric: row.metric, column: column,
        scale: scale * sign,
        decimals: places, value: value * scale * sign)
    }
    // The first difference in full, the rest as "strategy 6.2 fewer (4.8 to 7.7)".
    func differences(_ rows: [PairedComparisons.Row]) -> String {
      rows.enumerated().map { index, row in
        // Two decimals for a share difference under a tenth, so a clear difference never reads 0.0.
        let places = abs(row.diff * scale) < 0.1 && metric.amount != .days ? 2 : 1
        let bounds = [("holm_low", row.holmLow), ("holm_high", row.holmHigh)].sorted {
          $0.1 * row.diff < $1.1 * row.diff
        }
        let amount = number(row, "mean_diff", row.diff, places)
        let interval =
          "\(number(row, bounds[0].0, bounds[0].1, places)) to \(number(row, bounds[1].0, bounds[1].1, places))"
        return index == 0
          ? "<strong>\(HTMLText.escape(row.strategy))</strong> gives "
            + metric.phrase(amount, row.diff, graduatesPerCohort: perCohort)
            + " (Holm-adjusted interval \(interval))"
          : "<strong>\(HTMLText.escape(row.strategy))</strong> \(amount) \(metric.direction(row.diff)) (\(interval))"
      }.joined(separator: "; ")
    }
    let ranked = { (rows: [PairedComparisons.Row]) in rows.sorted { abs($0.diff) > abs($1.diff) } }
    var html: String
    var best: [String]?
    if !better.isEmpty {
      best = ranked(better).map(\.strategy)
      html =
        "Better than \(HTMLText.escape(reference)): " + differences(ranked(better)) + "."
      if !worse.isEmpty { html += " Worse: " + differences(ranked(worse)) + "." }
    } else if !worse.isEmpty {
      let same = rows.filter { row in !worse.contains { $0.strategy == row.strategy } }.map(\.strategy)
      best = [reference] + same
      html =
        "<strong>\(HTMLText.escape(reference))</strong>"
        + (same.isEmpty ? " is best" : ", " + list(same) + " are best alike")
        + ". Compared with \(HTMLText.escape(reference)), " + differences(ranked(worse)) + "."
    } else {
      let widest = rows.max {
        max(abs($0.holmLow), abs($0.holmHigh)) < max(abs($1.holmLow), abs($1.holmHigh))
      }!
      let bound = max(abs(widest.holmLow), abs(widest.holmHigh)) * scale
      let within =
        HTMLText.fixed(bound, 1) == "0.0"
        ? "less than 0.1"
        : NumberSpan.html(
          file: "comparison.csv", strategy: "*", metric: widest.metric, column: "max_abs_holm", scale: scale,
          decimals: 1, value: bound)
      html =
        "No strategy differs clearly from \(HTMLText.escape(reference)): every Holm-adjusted interval lies within "
        + "\(within) \(metric.unit(graduatesPerCohort: perCohort)) of no difference."
      return Verdict(metric: metric, best: nil, html: html)
    }
    if unclear > 0 && !better.isEmpty {
      html += " The other \(unclear) do not differ clearly."
    }
    return Verdict(metric: metric, best: best, html: html)
  }

  /// One sentence: the strategy best on the most metrics, what it gains, on which metrics nothing
  /// differs, and the caveat; or that no strategy changes these outcomes.
  static func advice(_ verdicts: [Verdict], reference: String, strategies: [String]) -> String {
    let decided = verdicts.filter { $0.best != nil }
    guard !decided.isEmpty else {
      return "<strong>Advice:</strong> on these outcomes no strategy differs clearly from the others, so the "
        + "choice can rest on cost or convenience. Caveat: these are simulation estimates under the scenario's "
        + "assumptions, not a forecast."
    }
    let order = [reference] + strategies.filter { $0 != reference }
    let score = { (strategy: String) in decided.count { $0.best!.contains(strategy) } }
    // The most metrics won; among equals the reference, then run order.
    let most = order.map(score).max() ?? 0
    let top = order.first { score($0) == most }!
    let wins = decided.filter { $0.best!.contains(top) }.map { $0.metric.display.name.lowercased() }
    let losses = decided.filter { !$0.best!.contains(top) }.map { $0.metric.display.name.lowercased() }
    let ties = verdicts.filter { $0.best == nil }.map { $0.metric.display.name.lowercased() }
    var text =
      "<strong>Advice:</strong> use <strong>\(HTMLText.escape(top))</strong>: it is among the best on "
    text += list(wins)
    if !losses.isEmpty { text += ", though not on " + list(losses) }
    text += ". "
    if !ties.isEmpty {
      text += "On " + list(ties) + " no strategy differs clearly. "
    }
    text +=
      "Caveat: these are simulation estimates under the scenario's assumptions, not a forecast; a difference of a "
      + "fraction of a graduate per cohort will not be visible in one year's numbers."
    return text
  }

  private static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: HTMLText.escape(items[0])
    default:
      items.dropLast().map(HTMLText.escape).joined(separator: ", ") + " and " + HTMLText.escape(items.last!)
    }
  }

  /// The `--select-best` result in words, its mean from `selection.csv`; nil without the file.
  static func selectionSentence(_ context: inout ReportContext) throws(FolderReadError) -> String? {
    guard let table = try context.folder.table("selection.csv") else { return nil }
    let columns = try table.require(["strategy", "status", "mean", "replications"])
    let rule = context.folder.provenance["select_best"] as? [String: Any]
    let metricName = (rule?["metric"] as? String).map(MetricDisplay.name(of:)) ?? "the chosen metric"
    let metric = (rule?["metric"] as? String).flatMap(Metric.init(rawValue:))
    let isShare =
      metric.map { ![.days, .perYear, .students, .relativeChange].contains($0.display.scale) } ?? false
    let confidence = (rule?["confidence"] as? Double).map { HTMLText.fixed($0 * 100, 0) + "%" } ?? "95%"
    var text =
      "<strong>Sequential selection</strong> (Kim and Nelson, --select-best) on \(HTMLText.escape(metricName.lowercased())): "
    if let row = table.rows.indices.first(where: { table.rows[$0][columns[1]] == "selected" }) {
      let mean = try table.number(row, columns[2])
      let strategy = table.rows[row][columns[0]]
      let value = NumberSpan.html(
        file: "selection.csv", strategy: strategy, metric: rule?["metric"] as? String ?? "", column: "mean",
        scale: isShare ? 100 : 1, decimals: 1, value: isShare ? mean * 100 : mean)
      text +=
        "it selected <strong>\(HTMLText.escape(strategy))</strong> (\(value)\(isShare ? "%" : " days") after "
        + "\(HTMLText.escape(table.rows[row][columns[3]])) replications): with probability at least \(confidence) it is "
        + "the best or within the indifference zone of the best."
    } else {
      let undecided = table.rows.filter { $0[columns[1]] == "undecided" }.map { $0[columns[0]] }
      text +=
        "no single strategy was selected before the replication cap; still undecided: "
        + list(undecided) + "."
    }
    return text
  }
}

/// A number of the decision box with where it comes from, for `.ci/report-check`.
enum NumberSpan {
  static func html(
    file: String, strategy: String, metric: String, column: String, scale: Double, decimals: Int,
    value: Double
  ) -> String {
    "<span class=\"n\" data-file=\"\(file)\" data-strategy=\"\(HTMLText.escape(strategy))\" "
      + "data-metric=\"\(HTMLText.escape(metric))\" data-column=\"\(column)\" "
      + "data-scale=\"\(String(format: "%.17g", scale))\" data-decimals=\"\(decimals)\">"
      + "\(HTMLText.fixed(value, decimals))</span>"
  }
}
