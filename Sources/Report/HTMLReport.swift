import Experiments
import Foundation

/// `cohortsim report`: one self-contained HTML page about a results folder. All CSS and every
/// chart (SVG drawn here) are inline and there is no script, so the page opens offline, prints,
/// and can be forwarded as a single file. The page depends only on the folder's bytes (no clock),
/// so the same folder always gives the same page.
public enum HTMLReport {
  /// The page for the folder at `directory`.
  /// - Throws: `ReportError` when the folder is not a cohortsim folder, lacks a required file,
  ///   holds a file that does not match `run.json`'s hashes, or has a malformed CSV file.
  ///   `posteriorRun` (`report --posterior DIR`) names a run over a calibration's posterior whose
  ///   spread gives each headline figure its second interval.
  public static func build(directory: String, posteriorRun: String? = nil) throws(ReportError) -> String {
    do {
      return try render(directory: directory, posteriorRun: posteriorRun)
    } catch {
      throw ReportError(error)
    }
  }

  /// The page, with the reading error as the folder's reader found it.
  private static func render(directory: String, posteriorRun: String?) throws(FolderReadError) -> String {
    var context = try ReportContext(
      folder: try ResultsFolderContents(directory: directory),
      posteriorRun: try posteriorRun.map { path throws(FolderReadError) in
        try ResultsFolderContents(directory: path)
      })
    // A calibration writes no placement results of its own: only its section and provenance.
    if let calibration = try CalibrationSection.make(&context) {
      return page(context, sections: [calibration, ProvenanceSection.make(context)])
    }
    // A sweep has no single scenario to headline: how each output varies over its design, which
    // factors move it, and how it was computed. (A sweep cannot write students.csv, so no section
    // asks for it.)
    if context.folder.kind == .sweep {
      var sections = [try SweepOverviewSection.make(&context)]
      if let sensitivity = try SensitivitySection.make(&context) { sections.append(sensitivity) }
      sections.append(ProvenanceSection.make(context))
      return page(context, sections: sections)
    }
    // The answer first: a compare folder opens with the decision, then the figures behind it.
    var sections: [ReportSection] = []
    if let decision = try DecisionSection.make(&context) { sections.append(decision) }
    sections.append(HeadlineSection.make(context))
    do {
      sections.append(try HiringCurveSection.make(&context))
      sections.append(try OfferSourcesSection.make(&context))
    }
    if let comparison = try ComparisonSection.make(&context) { sections.append(comparison) }
    if let current = try CurrentStudentsSection.make(&context) { sections.append(current) }
    sections.append(try SitesSection.make(&context))
    if let map = try MapSection.make(&context) { sections.append(map) }
    sections.append(try OverTimeSection.make(&context))
    if let sensitivity = try SensitivitySection.make(&context) { sections.append(sensitivity) }
    sections.append(ProvenanceSection.make(context))
    return page(context, sections: sections)
  }

  private static func page(_ context: ReportContext, sections: [ReportSection]) -> String {
    let name =
      context.folder.scenario?.name
      ?? ((context.folder.provenance["scenario_file"] as? String).map {
        (($0 as NSString).lastPathComponent as NSString).deletingPathExtension
      } ?? "cohortsim results")
    let title = "Where graduates find jobs: \(name)"
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      \(SingleOutputFile.reportPageSignature) \(HTMLText.escape(context.folder.provenance["cohortsim_version"] as? String ?? ""))">
      <title>\(HTMLText.escape(title))</title>
      <style>
      \(ReportStyle.css)</style>
      </head>
      <body>
      <header>
      <h1>\(HTMLText.escape(title))</h1>

      """
    let strategyText =
      context.strategies.count > 1
      ? "\(context.strategies.count) placement strategies compared against \(context.focus)"
      : "placement strategy \(context.focus)"
    // A joint calibration names every scenario it fitted, by file name.
    let joint = (context.folder.provenance["joint_scenarios"] as? [[String: Any]] ?? []).compactMap {
      ($0["scenario_file"] as? String).map {
        (($0 as NSString).lastPathComponent as NSString).deletingPathExtension
      }
    }
    let scenarios =
      joint.isEmpty
      ? "scenario \(HTMLText.escape(name))"
      : "scenarios \(([name] + joint).map(HTMLText.escape).joined(separator: ", ")) jointly"
    html += "<p class=\"lede\">A cohortsim \(context.folder.kind.rawValue) of \(scenarios): "
    html +=
      "\(HTMLText.escape(strategyText)), \(context.folder.replications.map(String.init) ?? "an unrecorded number of") "
    html +=
      "replications, finished \(HTMLText.escape(context.folder.provenance["finished_at"] as? String ?? "at an unrecorded time")).</p>\n"
    if let description = context.folder.scenario?.description, !description.isEmpty {
      html += "<p>\(HTMLText.escape(description))</p>\n"
    }
    html += "<nav aria-label=\"Contents\"><ol>"
    html += sections.map { "<li><a href=\"#\($0.id)\">\(HTMLText.escape($0.title))</a></li>" }.joined()
    html += "</ol></nav>\n</header>\n<main>\n"
    html += sections.map(\.rendered).joined()
    html +=
      "</main>\n<footer><p>Written by cohortsim \(HTMLText.escape(context.folder.provenance["cohortsim_version"] as? String ?? "")) "
    html +=
      "from the files in \(HTMLText.escape((context.folder.directory as NSString).lastPathComponent)). Figures are "
    html +=
      "simulation estimates, not forecasts: they say what the model implies under the scenario's assumptions.</p></footer>\n"
    html += "</body>\n</html>\n"
    return html
  }
}
