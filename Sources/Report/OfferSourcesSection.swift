import Experiments

/// Where the offers come from: by route (own site, same system, recommendation, open market) for
/// every strategy, then by place (at a rotation site or elsewhere).
enum OfferSourcesSection {
  static let title = "Where the offers come from"
  static let routes: [(metric: String, name: String)] = [
    ("offer_own_site", "own rotation site"), ("offer_same_system", "same hospital system"),
    ("offer_recommendation", "recommendation"), ("offer_open_market", "open market"),
  ]

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection {
    var html = ""
    if routes.allSatisfy({ context.results.has($0.metric) }) {
      html += byRoute(context).html
    } else {
      html +=
        "<p class=\"note\">Not shown by route: the folder lacks the four shares of hires by route.</p>\n"
    }
    if let figure = try byPlace(&context) {
      html += figure.html
    } else {
      html +=
        "<p class=\"note\">Not shown by place: the folder has neither the share of hires at a rotation site nor "
        + "students.csv (rerun with --students).</p>\n"
    }
    return ReportSection(id: "offer-sources", title: title, html: html)
  }

  private static func byRoute(_ context: ReportContext) -> Figure {
    let rows = context.strategies.map { strategy in
      BarChart.Row(
        label: strategy,
        values: routes.map { route in
          let estimate = context.results.estimate(strategy, route.metric)
          return (estimate?.mean ?? .nan, estimate?.low ?? .nan, estimate?.high ?? .nan)
        })
    }
    let chart = BarChart(
      title: "Accepted offers by how they came about", valueLabel: "share of accepted offers",
      segments: routes.map(\.name), rows: rows, shares: true)
    let focus = rows.first { $0.label == context.focus } ?? rows[0]
    let largest = focus.values.indices.max { focus.values[$0].value < focus.values[$1].value } ?? 0
    let throughRotations = focus.values[0].value + focus.values[1].value
    let reading =
      context.underFocus + (context.underFocus.isEmpty ? "The" : "the")
      + " largest route to a job is the \(routes[largest].name) (\(HTMLText.percent(focus.values[largest].value)) of "
      + "accepted offers); \(HTMLText.percent(throughRotations)) come through a rotation site or its hospital system."
    let description =
      "Stacked horizontal bars, one per strategy, splitting accepted offers into "
      + routes.map(\.name).joined(separator: ", ") + ". " + reading
    let table = rows.flatMap { row in
      zip(routes, row.values).map { route, value in
        [
          row.label, route.name, HTMLText.percent(value.value, decimals: 1),
          HTMLText.percent(value.low, decimals: 1),
          HTMLText.percent(value.high, decimals: 1),
        ]
      }
    }
    return Figure(
      id: "chart-offer-routes", title: chart.title, reading: reading, description: description,
      svg: chart.svg(id: "chart-offer-routes", description: description),
      tableHeader: ["Strategy", "Route", "Share of accepted offers", "95% low", "95% high"], tableRows: table)
  }

  /// At a rotation site or elsewhere, per strategy: from the `hired_at_rotation_site` metric
  /// when present, else per replication from `students.csv` (offer site among rotation sites).
  private static func byPlace(_ context: inout ReportContext) throws(FolderReadError) -> Figure? {
    var estimates: [(String, IntervalEstimate)] = []
    var source: String
    if context.results.has("hired_at_rotation_site") {
      estimates = context.strategies.compactMap { strategy in
        context.results.estimate(strategy, "hired_at_rotation_site").map { (strategy, $0) }
      }
      source = "From the figure \"Hires at a rotation site\" of each replication."
    } else if let students = try context.folder.table("students.csv") {
      let columns = try students.require(["strategy", "replication", "offer_site", "rotation_sites"])
      var shares: [String: [String: (Int, Int)]] = [:]
      var order: [String: [String]] = [:]
      for row in students.rows {
        let site = row[columns[2]]
        guard site != CSVFormat.missing else { continue }
        let strategy = row[columns[0]]
        let replication = row[columns[1]]
        if shares[strategy]?[replication] == nil { order[strategy, default: []].append(replication) }
        let atRotation = row[columns[3]].split(separator: ";").contains { $0 == site }
        var entry = shares[strategy, default: [:]][replication] ?? (0, 0)
        entry = (entry.0 + (atRotation ? 1 : 0), entry.1 + 1)
        shares[strategy, default: [:]][replication] = entry
      }
      estimates = context.strategies.compactMap { strategy in
        order[strategy].map { replications in
          (
            strategy,
            IntervalEstimate(
              replicationValues: replications.map {
                Double(shares[strategy]![$0]!.0) / Double(shares[strategy]![$0]!.1)
              })
          )
        }
      }
      source =
        "Derived by the report from students.csv: per replication, the share of students with an accepted offer "
        + "whose offer site is one of their rotation sites."
    } else {
      return nil
    }
    guard !estimates.isEmpty else { return nil }
    let chart = BarChart(
      title: "Accepted offers at a rotation site", valueLabel: "share of accepted offers at a rotation site",
      segments: ["at a rotation site"],
      rows: estimates.map { BarChart.Row(label: $0.0, values: [($0.1.mean, $0.1.low, $0.1.high)]) },
      shares: true)
    let focus = estimates.first { $0.0 == context.focus } ?? estimates[0]
    let reading =
      context.underFocus
      + "\(context.underFocus.isEmpty ? ReadingText.inTen(focus.1.mean) : ReadingText.inTen(focus.1.mean).lowercased()) "
      + "accepted offers are at a site where the student rotated; the rest are elsewhere (95% interval "
      + "\(HTMLText.fixed(focus.1.low * 100, 0))–\(HTMLText.percent(focus.1.high)))."
    let description =
      "Horizontal bars with 95% interval whiskers, one per strategy, of the share of accepted offers made at one of "
      + "the student's rotation sites. " + reading
    return Figure(
      id: "chart-offer-places", title: chart.title, reading: reading + " " + source, description: description,
      svg: chart.svg(id: "chart-offer-places", description: description),
      tableHeader: ["Strategy", "At a rotation site", "95% low", "95% high", "Elsewhere"],
      tableRows: estimates.map {
        [
          $0.0, HTMLText.percent($0.1.mean, decimals: 1), HTMLText.percent($0.1.low, decimals: 1),
          HTMLText.percent($0.1.high, decimals: 1), HTMLText.percent(1 - $0.1.mean, decimals: 1),
        ]
      })
  }
}
