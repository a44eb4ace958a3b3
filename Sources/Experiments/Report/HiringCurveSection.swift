/// The hiring curve: the share of all graduates working (the job of an accepted offer started) by
/// months since graduation, one line per strategy with its band: the event placed_6m counts, so
/// the curve at 183 days is the "Working within 6 months (all graduates)" card. From `time_to_offer.csv` when the folder has it, else
/// derived here from `students.csv`, and the page says which.
enum HiringCurveSection {
  static let title = "Hiring curve"

  static func make(_ context: inout ReportContext) throws(ReportError) -> ReportSection {
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
    return ReportSection(
      id: "hiring-curve", title: title,
      html: figure.html + "<p class=\"note\">\(HTMLText.escape(source))</p>\n")
  }

  private static func fromTimeToOffer(_ table: ReportTable, strategies: [String]) throws(ReportError)
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

  /// Months from 6 before graduation to 12 after, where the curve moves.
  static let months = Array(-6...12)

  /// Each month's point in whole days (month 6 is day 183, the day placed_6m counts to).
  static func day(_ month: Int) -> Double { (Double(month) * ReportContext.daysPerMonth).rounded() }

  /// The curve from one row per student: per replication, among graduates with a year of
  /// follow-up, the share whose job had started by each month; then across replications.
  static func fromStudents(_ table: ReportTable, strategies: [String], horizonDays: Double)
    throws(ReportError)
    -> [LineChart.Series]
  {
    let columns = try table.require([
      "strategy", "replication", "graduation_day", "start_day",
    ])
    // counts[strategy][replication] = (graduates followed, offers by each month)
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
      let replications = replicationOrder[strategy]!.map { counts[strategy]![$0]! }
      let points = months.indices.map { index in
        let estimate = IntervalEstimate(
          replicationValues: replications.map { Double($0.1[index]) / Double($0.0) })
        return LineChart.Point(
          x: day(months[index]) / ReportContext.daysPerMonth, y: estimate.mean, low: estimate.low,
          high: estimate.high)
      }
      return LineChart.Series(name: strategy, points: points)
    }
  }
}
