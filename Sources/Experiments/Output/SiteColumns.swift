import CohortModel

extension OutputColumns {
  /// `sites.csv`: one row per replication, strategy and site, so every `offer_site` and trace site name
  /// can be looked up in the world of its own replication (generated sites are placed anew in
  /// each; listed ones are the same in all). `site` is the 0-based index, `system` is `NA` for
  /// an independent site, `origin` is `listed` or `generated`, `positions` are the budgeted
  /// positions at the start of the run. The site's columns repeat for every strategy; the last
  /// four give the strategy and the site's hiring under it (`SiteFigures`).
  public static var sites: [String] { OutputSchema.sites.names }

  /// `systemNames` are the spreadsheet's names of systems (`World.systemNames`), any other system
  /// being `system-N`; `latitude` and `longitude` are NaN on an `xKm`/`yKm` plane.
  static func siteRow(
    replication: Int, index: Int, _ site: Site, strategy: String, _ figures: SiteFigures,
    systemNames: [Int: String]
  ) -> [String] {
    [
      String(replication), String(index), CSVFormat.text(site.name), site.kind.rawValue,
      CSVFormat.text(site.state), site.system.map(String.init) ?? CSVFormat.missing,
      site.origin.rawValue, String(site.positions), String(site.capacity),
      CSVFormat.number(site.location.xKm),
      CSVFormat.number(site.location.yKm),
      CSVFormat.text(strategy), String(figures.rotationStudentHires), String(figures.openings),
      CSVFormat.number(figures.fillDaysMean),
      site.system.map { CSVFormat.text(systemNames[$0] ?? "system-\($0)") } ?? CSVFormat.missing,
      CSVFormat.number(site.location.geodetic?.latitude ?? .nan),
      CSVFormat.number(site.location.geodetic?.longitude ?? .nan),
    ]
  }
}
