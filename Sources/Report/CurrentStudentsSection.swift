import Experiments

/// A warm-started run's listed students (`current_students.csv`): per student, for the focus
/// strategy, the chance of an accepted offer within 6 and 12 months, the likeliest site and the
/// chance of relocating. Absent from the page when the run had no current-students file.
enum CurrentStudentsSection {
  static let title = "Current students"

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection? {
    guard let table = try context.folder.table("current_students.csv") else { return nil }
    let columns = try table.require([
      "strategy", "student_id", "p_offer_6m", "p_offer_12m", "likeliest_site", "p_likeliest_site",
      "p_relocate",
    ])
    let directory = try SiteDirectory(&context)
    var rows: [[String]] = []
    var atRisk = 0
    for (index, row) in table.rows.enumerated() where row[columns[0]] == context.focus {
      let p6 = try table.number(index, columns[2])
      let p12 = try table.number(index, columns[3])
      let site = row[columns[4]]
      if p12 < 0.5 { atRisk += 1 }
      rows.append([
        row[columns[1]], HTMLText.percent(p6), HTMLText.percent(p12),
        site == CSVFormat.missing ? "none" : directory.label(site),
        HTMLText.percent(try table.number(index, columns[5])),
        HTMLText.percent(try table.number(index, columns[6])),
      ])
    }
    guard !rows.isEmpty else {
      return .omitted(
        id: "current-students", title: title, because: "current_students.csv has no row for \(context.focus)."
      )
    }
    let reading =
      context.underFocus
      + (atRisk == 0
        ? "every listed student has an even or better chance of an accepted offer within 12 months."
        : "\(atRisk) of \(rows.count) listed students \(atRisk == 1 ? "has" : "have") less than an even chance of an "
          + "accepted offer within 12 months.")
    return ReportSection(
      id: "current-students", title: title,
      html: "<p>\(HTMLText.escape(reading))</p>\n"
        + DataTable(
          header: [
            "Student", "Offer within 6 months", "Offer within 12 months", "Likeliest site",
            "Chance of that site",
            "Chance of relocating",
          ], rows: rows
        ).html
        + "<p class=\"note\">From current_students.csv: shares of replications; months count from graduation, or from "
        + "the as-of date for students who had graduated by then (a student already hired counts as placed). The "
        + "likeliest site is where the job held at the end of the run was in the most replications.</p>\n")
  }
}
