import Experiments

/// The hiring curve: the share of all graduates working (the job of an accepted offer started) by
/// months since graduation, one line per strategy with its band: the event placed_6m counts, so
/// the curve at 183 days is the "Working within 6 months (all graduates)" card. From `time_to_offer.csv` when the folder has it, else
/// derived here from `students.csv`, and the page says which.
enum HiringCurveSection {
  static let title = "Hiring curve"

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection {
    let series: [LineChart.Series]
    let source: String
    if let table = try context.folder.table("time_to_offer.csv") {
      series = try fromTimeToOffer(table, strategies: context.strategies)
      source = "From time_to_offer.csv, as cohortsim computed it during the run."
    } else if let students = try context.folder.table("students.csv") {
      guard let horizon = context.horizonDays else {
        return .omitted(
          id: "hiring-curve", title: title,
          because: "the folder has no time_to_offer.csv, and deriving the curve from students.csv needs the "
            + "run's horizon from the scenario, but \(context.folder.scenarioNote ?? "it is unavailable").")
      }
      series = try fromStudents(students, strategies: context.strategies, horizonDays: horizon)
      source =
        "Derived by the report from students.csv (this folder has no time_to_offer.csv): for each replication, the "
        + "share of graduates with at least 12 months of follow-up before the run's horizon whose job had started "
        + "by each month after graduating; then the mean over replications with its 95% interval."
    } else {
      return .omitted(
        id: "hiring-curve", title: title,
        because: "the folder has neither time_to_offer.csv nor students.csv (rerun with --students).")
    }
    let chart = LineChart(
      title: "Share of all graduates working (job started), by months since graduation",
      xLabel: "months since graduation (negative: before)", yLabel: "all graduates working",
      series: series, shares: true,
      xRange: series.flatMap { $0.points.map(\.x) }.min().flatMap { low in
        series.flatMap { $0.points.map(\.x) }.max().map { low...max($0, low + 1) }
      })
    let focus = series.first { $0.name == context.focus } ?? series.first
    // Day 183, the day placed_6m counts to: the card's figure, by the same definition.
    let sixMonths = focus?.points.first { abs($0.x * ReportContext.daysPerMonth - 183) < 0.5 }
    let reading =
      sixMonths.map { point in
        context.underFocus
          + "\(context.underFocus.isEmpty ? ReadingText.inTen(point.y) : ReadingText.inTen(point.y).lowercased()) "
          + "graduates have started a sonography job by 6 months (183 days) after graduating: "
          + "\(HTMLText.percent(point.y)) (95% interval \(HTMLText.fixed(point.low * 100, 0))–"
          + "\(HTMLText.percent(point.high))), the card \"Working within 6 months (all graduates)\". Offers are often "
          + "accepted before graduation (see the median time to an accepted offer); the curve counts the day the job "
          + "starts."
      } ?? "No graduate had enough follow-up to draw the curve."
    var rows: [[String]] = []
    for line in series {
      for point in line.points {
        rows.append([
          line.name, HTMLText.fixed(point.x, 1), HTMLText.percent(point.y, decimals: 1),
          HTMLText.percent(point.low, decimals: 1), HTMLText.percent(point.high, decimals: 1),
        ])
      }
    }
    let description =
      "Line chart, one line per strategy (\(series.map(\.name).joined(separator: ", "))), of the share of graduates "
      + "working (job started) against months since graduation, each with a shaded 95% band. " + reading
    let figure = Figure(
      id: "chart-hiring-curve", title: chart.title, reading: reading, description: description,
      svg: chart.svg(id: "chart-hiring-curve", description: description),
      tableHeader: [
        "Strategy", "Months since graduation", "Share of all graduates working", "95% low", "95% high",
      ],
      tableRows: rows)
    var html = figure.html + "<p class=\"note\">\(HTMLText.escape(source))</p>\n"
    if let difference = try differenceFigure(&context) { html += difference.html }
    return ReportSection(id: "hiring-curve", title: title, html: html)
  }

  private static func fromTimeToOffer(_ table: ResultsTable, strategies: [String]) throws(FolderReadError)
    -> [LineChart.Series]
  {
    let columns = try table.require([
      "strategy", "days_since_graduation", "offer_probability", "ci95_low", "ci95_high",
    ])
    var byStrategy: [String: [LineChart.Point]] = [:]
    var order: [String] = []
    for row in table.rows.indices {
      let strategy = table.rows[row][columns[0]]
      if byStrategy[strategy] == nil { order.append(strategy) }
      byStrategy[strategy, default: []].append(
        LineChart.Point(
          x: try table.number(row, columns[1]) / ReportContext.daysPerMonth,
          y: try table.number(row, columns[2]),
          low: try table.number(row, columns[3]), high: try table.number(row, columns[4])))
    }
    let ordered = strategies.filter { byStrategy[$0] != nil } + order.filter { !strategies.contains($0) }
    return ordered.map { LineChart.Series(name: $0, points: byStrategy[$0]!.sorted { $0.x < $1.x }) }
  }

  /// The strategies' paired differences from the reference, when there are several strategies and
  /// students.csv gives each replication's curve.
  private static func differenceFigure(_ context: inout ReportContext) throws(FolderReadError) -> Figure? {
    guard context.strategies.count > 1, let horizon = context.horizonDays,
      let students = try context.folder.table("students.csv")
    else { return nil }
    let series = try differences(
      students, strategies: context.strategies, reference: context.focus, horizonDays: horizon)
    guard !series.isEmpty else { return nil }
    let title =
      "Difference from \(context.focus) in the share of graduates working, by months since graduation"
    let chart = LineChart(
      title: title, xLabel: "months since graduation (negative: before)",
      yLabel: "percentage points (above 0: more than \(context.focus))", series: series, shares: false)
    let sixMonths = series.compactMap { line in
      line.points.first { abs($0.x * ReportContext.daysPerMonth - 183) < 0.5 }.map { (line.name, $0) }
    }
    let clear = sixMonths.filter { $0.1.low > 0 || $0.1.high < 0 }
    let reading =
      clear.isEmpty
      ? "At 6 months no strategy's 95% band excludes no difference from \(context.focus): the curves above coincide."
      : "At 6 months "
        + clear.map {
          "\($0.0) differs by \(HTMLText.fixed($0.1.y, 1)) points (95% band "
            + "\(HTMLText.fixed($0.1.low, 1)) to \(HTMLText.fixed($0.1.high, 1)))"
        }.joined(separator: "; ")
        + "; these bands are not adjusted for multiple comparisons (the decision box is)."
    let description =
      "Line chart of each strategy's paired difference from \(context.focus) in the share of graduates working, in "
      + "percentage points, against months since graduation, with 95% bands; zero is no difference. "
      + reading
    return Figure(
      id: "chart-hiring-differences", title: title, reading: reading, description: description,
      svg: chart.svg(id: "chart-hiring-differences", description: description),
      tableHeader: ["Strategy", "Months since graduation", "Difference (points)", "95% low", "95% high"],
      tableRows: series.flatMap { line in
        line.points.map {
          [
            line.name, HTMLText.fixed($0.x, 1), HTMLText.fixed($0.y, 2), HTMLText.fixed($0.low, 2),
            HTMLText.fixed($0.high, 2),
          ]
        }
      })
  }

  /// Months from 6 before graduation to 12 after, where the curve moves.
  static let months = Array(-6...12)

  /// Each month's point in whole days (month 6 is day 183, the day placed_6m counts to).
  static func day(_ month: Int) -> Double { (Double(month) * ReportContext.daysPerMonth).rounded() }

  /// Per strategy (in order) and replication (in order), the share of followed graduates whose
  /// job had started by each of `months`: graduates with a year of follow-up before the horizon.
  static func replicationShares(_ table: ResultsTable, strategies: [String], horizonDays: Double)
    throws(FolderReadError) -> [(strategy: String, replications: [(name: String, shares: [Double])])]
  {
    let columns = try table.require([
      "strategy", "replication", "graduation_day", "start_day",
    ])
    // counts[strategy][replication] = (graduates followed, jobs started by each month)
    var counts: [String: [String: (Int, [Int])]] = [:]
    var order: [String] = []
    var replicationOrder: [String: [String]] = [:]
    for row in table.rows.indices {
      let graduation = try table.number(row, columns[2])
      guard graduation >= 0, graduation + 365 <= horizonDays else { continue }
      let strategy = table.rows[row][columns[0]]
      let replication = table.rows[row][columns[1]]
      if counts[strategy] == nil { order.append(strategy) }
      if counts[strategy]?[replication] == nil { replicationOrder[strategy, default: []].append(replication) }
      var entry = counts[strategy, default: [:]][replication] ?? (0, Array(repeating: 0, count: months.count))
      entry.0 += 1
      let start = try table.number(row, columns[3]) - graduation
      for (index, month) in months.enumerated() where !start.isNaN && start <= day(month) {
        entry.1[index] += 1
      }
      counts[strategy, default: [:]][replication] = entry
    }
    let ordered = strategies.filter { counts[$0] != nil } + order.filter { !strategies.contains($0) }
    return ordered.map { strategy in
      (
        strategy,
        replicationOrder[strategy]!.map { name in
          let (followed, started) = counts[strategy]![name]!
          return (name, started.map { Double($0) / Double(followed) })
        }
      )
    }
  }

  /// The curve from one row per student: per replication, among graduates with a year of
  /// follow-up, the share whose job had started by each month; then across replications.
  static func fromStudents(_ table: ResultsTable, strategies: [String], horizonDays: Double)
    throws(FolderReadError)
    -> [LineChart.Series]
  {
    try replicationShares(table, strategies: strategies, horizonDays: horizonDays).map {
      strategy, replications in
      LineChart.Series(
        name: strategy,
        points: months.indices.map { index in
          let estimate = IntervalEstimate(replicationValues: replications.map { $0.shares[index] })
          return LineChart.Point(
            x: day(months[index]) / ReportContext.daysPerMonth, y: estimate.mean, low: estimate.low,
            high: estimate.high)
        })
    }
  }

  /// Each strategy's paired difference from `reference` in the share working, in percentage
  /// points, replication by replication (the same students and draws), with its 95% band: where
  /// the strategies' curves lie on top of each other, the differences still show.
  static func differences(_ table: ResultsTable, strategies: [String], reference: String, horizonDays: Double)
    throws(FolderReadError) -> [LineChart.Series]
  {
    let shares = try replicationShares(table, strategies: strategies, horizonDays: horizonDays)
    guard let base = shares.first(where: { $0.strategy == reference }) else { return [] }
    let baseByName = Dictionary(
      base.replications.map { ($0.name, $0.shares) }, uniquingKeysWith: { a, _ in a })
    return shares.filter { $0.strategy != reference }.map { strategy, replications in
      LineChart.Series(
        name: strategy,
        points: months.indices.map { index in
          let estimate = IntervalEstimate(
            replicationValues: replications.compactMap { replication in
              baseByName[replication.name].map { (replication.shares[index] - $0[index]) * 100 }
            })
          return LineChart.Point(
            x: day(months[index]) / ReportContext.daysPerMonth, y: estimate.mean, low: estimate.low,
            high: estimate.high)
        })
    }
  }
}
