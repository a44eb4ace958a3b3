import Foundation

/// A map drawn to scale: the programs (squares), their clinical sites (circles) and where the
/// focus strategy's graduates were hired (filled circles, area ∝ share of accepted offers), with a
/// scale bar. Positions come from latitude and longitude when every site has them (an
/// equirectangular projection about the sites' mean latitude, true to scale at that size of
/// region), else from the model's own plane (`x_km`, `y_km`). No boundary data is shipped.
///
/// Generated sites are placed anew in every replication, so the map is the first replication's
/// world and its hires; listed sites are the same in every replication.
enum MapSection {
  static let title = "Map"
  static let width = 720.0
  static let kmPerDegreeLatitude = 110.574
  static let kmPerDegreeLongitude = 111.320

  struct Place {
    var label: String
    var xKm: Double
    var yKm: Double
    var hires: Int
  }

  static func make(_ context: inout ReportContext) throws(ReportError) -> ReportSection? {
    guard let sitesTable = try context.folder.table("sites.csv"),
      let students = try context.folder.table("students.csv")
    else {
      return context.folder.kind == .sweep
        ? nil
        : .omitted(
          id: "map", title: title,
          because: "the folder has no sites.csv and students.csv (rerun with --students).")
    }
    let siteColumns = try sitesTable.require(["replication", "name", "x_km", "y_km"])
    let strategyColumn = sitesTable.header.firstIndex(of: "strategy")
    let directory = try SiteDirectory(&context)
    guard let replication = sitesTable.rows.first?[siteColumns[0]] else { return nil }
    let focus = context.focus
    let focusSites = sitesTable.rows.indices.filter { row in
      sitesTable.rows[row][siteColumns[0]] == replication
        && strategyColumn.map { sitesTable.rows[row][$0] == focus } ?? true
    }
    let studentColumns = try students.require(["strategy", "replication", "offer_site"])
    var hires: [String: Int] = [:]
    for row in students.rows
    where row[studentColumns[0]] == context.focus && row[studentColumns[1]] == replication
      && row[studentColumns[2]] != CSVFormat.missing
    {
      hires[row[studentColumns[2]], default: 0] += 1
    }
    let totalHires = hires.values.reduce(0, +)
    // Latitude and longitude when every site has them, else the model's plane.
    let geographic = focusSites.allSatisfy { row in
      (directory.sites[sitesTable.rows[row][siteColumns[1]]].map {
        $0.latitude.isFinite && $0.longitude.isFinite
      })
        ?? false
    }
    let meanLatitude =
      geographic
      ? focusSites.map { directory.sites[sitesTable.rows[$0][siteColumns[1]]]!.latitude }.reduce(0, +)
        / Double(max(focusSites.count, 1)) : 0
    func project(latitude: Double, longitude: Double) -> (Double, Double) {
      (longitude * kmPerDegreeLongitude * cos(meanLatitude * .pi / 180), latitude * kmPerDegreeLatitude)
    }
    var sites: [Place] = []
    for row in focusSites {
      let name = sitesTable.rows[row][siteColumns[1]]
      var (x, y) = (try sitesTable.number(row, siteColumns[2]), try sitesTable.number(row, siteColumns[3]))
      if geographic, let site = directory.sites[name] {
        (x, y) = project(latitude: site.latitude, longitude: site.longitude)
      }
      sites.append(Place(label: directory.label(name), xKm: x, yKm: y, hires: hires[name] ?? 0))
    }
    var programs: [Place] = []
    if let scenario = context.folder.scenario, scenario.generatedPrograms == nil {
      for program in scenario.programs {
        var (x, y) = (program.xKm, program.yKm)
        if geographic, let latitude = program.latitude, let longitude = program.longitude {
          (x, y) = project(latitude: latitude, longitude: longitude)
        } else if geographic {
          continue
        }
        programs.append(Place(label: program.name, xKm: x, yKm: y, hires: 0))
      }
    }
    guard !sites.isEmpty else { return nil }
    let svgAndHeight = svg(sites: sites, programs: programs, totalHires: totalHires, context: context)
    // Kilometres from the map's west and south edges in the table.
    let (westKm, southKm) = ((sites + programs).map(\.xKm).min()!, (sites + programs).map(\.yKm).min()!)
    let hiring = sites.filter { $0.hires > 0 }.sorted { ($0.hires, $1.label) > ($1.hires, $0.label) }
    let reading: String
    if let top = hiring.first, totalHires > 0 {
      let share = Double(top.hires) / Double(totalHires)
      let topThree = Double(hiring.prefix(3).map(\.hires).reduce(0, +)) / Double(totalHires)
      reading =
        "\(context.underFocus)\(hiring.count) of \(sites.count) sites hired graduates in the mapped replication; the "
        + "largest circle takes \(HTMLText.percent(share)) of accepted offers and the three largest "
        + "\(HTMLText.percent(topThree))."
    } else {
      reading = "No graduate accepted an offer in the mapped replication."
    }
    let description =
      "Map drawn to scale \(geographic ? "from latitude and longitude" : "on the model's plane (km)") with a scale "
      + "bar: \(programs.count) programs as squares, \(sites.count) sites as circles, each hiring site's circle area "
      + "proportional to its share of accepted offers. " + reading
    let figure = Figure(
      id: "chart-map", title: "Programs, clinical sites and where graduates were hired", reading: reading,
      description: description,
      svg: svgAndHeight.replacingOccurrences(of: "%DESC%", with: HTMLText.escape(description)),
      tableHeader: ["Site", "Accepted offers", "Share of accepted offers", "East (km)", "North (km)"],
      tableRows: sites.sorted { ($0.hires, $1.label) > ($1.hires, $0.label) }.map {
        [
          $0.label, String($0.hires),
          totalHires > 0 ? HTMLText.percent(Double($0.hires) / Double(totalHires), decimals: 1) : "NA",
          HTMLText.fixed($0.xKm - westKm, 1), HTMLText.fixed($0.yKm - southKm, 1),
        ]
      })
    let note =
      "<p class=\"note\">The first replication's sites and hires (replication \(HTMLText.escape(replication)) of "
      + "sites.csv and students.csv): generated sites are placed anew in each replication; listed sites are the same "
      + "in all. East and north are kilometres from the map's west and south edges\(geographic ? ", projected from latitude and longitude about the sites' mean latitude" : ", on the model's own plane"). "
      + "No state outlines are drawn.</p>\n"
    return ReportSection(id: "map", title: title, html: figure.html + note)
  }

  /// The map's SVG; its description is filled in by the caller at `%DESC%`.
  private static func svg(sites: [Place], programs: [Place], totalHires: Int, context: ReportContext)
    -> String
  {
    let all = sites + programs
    let minX = all.map(\.xKm).min()!
    let maxX = all.map(\.xKm).max()!
    let minY = all.map(\.yKm).min()!
    let maxY = all.map(\.yKm).max()!
    let (left, right, top) = (20.0, width - 20, 20.0)
    let spanKm = max(maxX - minX, maxY - minY, 1)
    let scale = min(
      (right - left) / max(maxX - minX, 1e-9), 440 / max(maxY - minY, 1e-9), (right - left) / spanKm * 4)
    let plotHeight = (maxY - minY) * scale
    let bottom = top + plotHeight
    func point(_ place: Place) -> (Double, Double) {
      (left + (place.xKm - minX) * scale, bottom - (place.yKm - minY) * scale)
    }
    var body = ""
    let maxShare = Double(sites.map(\.hires).max() ?? 0) / Double(max(totalHires, 1))
    for site in sites.sorted(by: { $0.hires > $1.hires }) {
      let (x, y) = point(site)
      if site.hires == 0 || totalHires == 0 {
        body +=
          "<circle class=\"site\" cx=\"\(HTMLText.coordinate(x))\" cy=\"\(HTMLText.coordinate(y))\" r=\"3\"/>"
      } else {
        // Area ∝ share: the largest hiring site gets radius 18.
        let radius = 18 * (Double(site.hires) / Double(totalHires) / maxShare).squareRoot()
        body +=
          "<circle class=\"hires\" cx=\"\(HTMLText.coordinate(x))\" cy=\"\(HTMLText.coordinate(y))\" "
          + "r=\"\(HTMLText.coordinate(max(radius, 2.5)))\"><title>\(HTMLText.escape(site.label)): "
          + "\(HTMLText.percent(Double(site.hires) / Double(totalHires), decimals: 1)) of accepted offers</title></circle>"
      }
    }
    // The three largest hiring sites by name (a generated one as "generated hospital no. N").
    for site in sites.filter({ $0.hires > 0 }).sorted(by: { ($0.hires, $1.label) > ($1.hires, $0.label) })
      .prefix(3)
    {
      let (x, y) = point(site)
      body += SVGMarkup.text(site.label, x: x + 20, y: y + 4, className: "map-label")
    }
    for program in programs {
      let (x, y) = point(program)
      body +=
        "<rect class=\"program\" x=\"\(HTMLText.coordinate(x - 6))\" y=\"\(HTMLText.coordinate(y - 6))\" "
        + "width=\"12\" height=\"12\"/>"
        + SVGMarkup.text(program.label, x: x + 9, y: y - 8, className: "map-label")
    }
    // Scale bar: a round length near a fifth of the width.
    let barKm = ChartAxis.niceStep(spanKm / 5)
    let barY = bottom + 30
    body += SVGMarkup.line(left, barY, left + barKm * scale, barY, className: "scale-bar")
    body += SVGMarkup.line(left, barY - 5, left, barY + 5, className: "scale-bar")
    body += SVGMarkup.line(
      left + barKm * scale, barY - 5, left + barKm * scale, barY + 5, className: "scale-bar")
    body += SVGMarkup.text("\(HTMLText.fixed(barKm, 0)) km", x: left + barKm * scale + 8, y: barY + 4)
    // Key.
    let keyY = barY + 30
    body +=
      "<rect class=\"program\" x=\"\(HTMLText.coordinate(left))\" y=\"\(HTMLText.coordinate(keyY - 10))\" width=\"12\" height=\"12\"/>"
    body += SVGMarkup.text("program", x: left + 18, y: keyY)
    body +=
      "<circle class=\"site\" cx=\"\(HTMLText.coordinate(left + 110))\" cy=\"\(HTMLText.coordinate(keyY - 4))\" r=\"3\"/>"
    body += SVGMarkup.text("clinical site", x: left + 120, y: keyY)
    body +=
      "<circle class=\"hires\" cx=\"\(HTMLText.coordinate(left + 230))\" cy=\"\(HTMLText.coordinate(keyY - 4))\" r=\"7\"/>"
    body += SVGMarkup.text("site that hired (area: share of accepted offers)", x: left + 242, y: keyY)
    let height = keyY + 14
    // As wide as the drawing (a tall region leaves the right of 720 units empty), never narrower
    // than the key.
    let used = max(left + (maxX - minX) * scale + 30, 520)
    return SVGMarkup.open(
      id: "chart-map", width: min(width, used), height: height,
      title: "Programs, clinical sites and where graduates were hired",
      description: "%DESC%") + body + "</svg>"
  }
}
