import Experiments

/// Which sites hire the program's students, and how often: accepted offers per replication at
/// each site, for the focus strategy, from `students.csv`.
enum SitesSection {
  static let title = "Sites"
  /// Sites shown in the chart; the table lists them all.
  static let chartedSites = 12

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection {
    guard let students = try context.folder.table("students.csv") else {
      return .omitted(
        id: "sites", title: title, because: "the folder has no students.csv (rerun with --students).")
    }
    let columns = try students.require(["strategy", "replication", "offer_site"])
    let directory = try SiteDirectory(&context)
    var replications: [String] = []
    var counts: [String: [String: Int]] = [:]
    for row in students.rows where row[columns[0]] == context.focus {
      let replication = row[columns[1]]
      if replications.last != replication && !replications.contains(replication) {
        replications.append(replication)
      }
      let site = row[columns[2]]
      guard site != CSVFormat.missing else { continue }
      counts[site, default: [:]][replication, default: 0] += 1
    }
    guard !counts.isEmpty else {
      return .omitted(id: "sites", title: title, because: "no student of \(context.focus) accepted an offer.")
    }
    let total = Double(counts.values.flatMap(\.values).reduce(0, +))
    let sites = counts.keys.map { site in
      (
        site: site,
        estimate: IntervalEstimate(replicationValues: replications.map { Double(counts[site]![$0] ?? 0) }),
        share: Double(counts[site]!.values.reduce(0, +)) / total
      )
    }.sorted { ($0.estimate.mean, $1.site) > ($1.estimate.mean, $0.site) }
    func label(_ site: String) -> String { Int(site) != nil ? "site \(site)" : directory.label(site) }
    let shown = Array(sites.prefix(chartedSites))
    let chart = BarChart(
      title: "Accepted offers per replication at the sites that hire most",
      valueLabel: "accepted offers per replication",
      segments: ["offers"],
      rows: shown.map {
        BarChart.Row(label: label($0.site), values: [($0.estimate.mean, $0.estimate.low, $0.estimate.high)])
      },
      shares: false)
    let topFive = sites.prefix(5).map(\.share).reduce(0, +)
    let reading =
      context.underFocus
      + "\(upperFirst(Int(sites[0].site) != nil ? "site \(sites[0].site)" : directory.phrase(sites[0].site), context)) hires the most: about \(HTMLText.fixed(sites[0].estimate.mean, 1)) accepted offers per "
      + "replication; the five busiest of \(sites.count) hiring sites take \(HTMLText.percent(topFive)) of all accepted offers."
    let description =
      "Horizontal bars with 95% interval whiskers of accepted offers per replication at the \(shown.count) sites that "
      + "hire most, under \(context.focus). " + reading
    let figure = Figure(
      id: "chart-sites", title: chart.title, reading: reading, description: description,
      svg: chart.svg(id: "chart-sites", description: description),
      tableHeader: [
        "Site", "Accepted offers per replication", "95% low", "95% high", "Share of all accepted offers",
      ],
      tableRows: sites.map {
        [
          label($0.site), HTMLText.fixed($0.estimate.mean, 2), HTMLText.fixed($0.estimate.low, 2),
          HTMLText.fixed($0.estimate.high, 2), HTMLText.percent($0.share, decimals: 1),
        ]
      })
    return ReportSection(
      id: "sites", title: title,
      html: figure.html
        + "<p class=\"note\">Counted over the whole run, from students.csv: every accepted offer of \(HTMLText.escape(context.focus))'s "
        + "students, including offers later rescinded.</p>\n")
  }

  /// "A generated hospital" at the start of the sentence, "a generated hospital" after "Under X, ".
  private static func upperFirst(_ text: String, _ context: ReportContext) -> String {
    guard context.underFocus.isEmpty, let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}
