import Experiments
import Foundation

/// How this was computed: the run's provenance from `run.json`, a STRESS-DES style list
/// (Monks et al. 2019, "Strengthening the reporting of empirical simulation studies"), and the
/// scenario's assumptions taken from its own fields.
enum ProvenanceSection {
  static let title = "How this was computed"

  static func make(_ context: ReportContext) -> ReportSection {
    let run = context.folder.provenance
    func field(_ key: String) -> String {
      switch run[key] {
      case let text as String: text
      case let number as NSNumber: number.stringValue
      case let list as [Any]: list.map { "\($0)" }.joined(separator: " ")
      default: "not recorded"
      }
    }
    let scenario = context.folder.scenario
    var facts: [[String]] = [
      ["Scenario", scenario?.name ?? (field("scenario_file") as NSString).lastPathComponent],
      ["Scenario file", field("scenario_file")],
      ["Scenario SHA-256", field("scenario_sha256")],
      ["Master seed", field("master_seed")],
      ["Replications", field("replications")],
      ["Strategies", context.strategies.joined(separator: ", ")],
      ["cohortsim version", field("cohortsim_version")],
      ["Command", field("command_line")],
      ["Ran", "\(field("started_at")) to \(field("finished_at")) on \(field("platform"))"],
    ]
    if let reference = context.folder.reference { facts.insert(["Reference strategy", reference], at: 6) }
    facts.append([
      "Files checked",
      context.folder.verifiedFiles.isEmpty
        ? "run.json records no file hashes (written before cohortsim recorded them)"
        : context.folder.verifiedFiles.joined(separator: ", ") + ": sizes and SHA-256 match run.json",
    ])
    var html = DataTable(header: ["Item", "Value"], rows: facts, caption: "Provenance (run.json)").html
    if let note = context.folder.scenarioNote {
      html += "<p class=\"note\">Scenario details unavailable: \(HTMLText.escape(note)).</p>\n"
    }
    html += "<h3>Reporting checklist (STRESS-DES)</h3>\n<ul class=\"stress\">\n"
    for (item, text) in stressItems(context, field: field) {
      html += "<li><strong>\(HTMLText.escape(item)).</strong> \(HTMLText.escape(text))</li>\n"
    }
    html += "</ul>\n"
    if let json = context.folder.scenarioJSON {
      var rows: [[String]] = []
      flatten(json, path: "", into: &rows)
      html += "<h3>The scenario's assumptions</h3>\n<p>Every field of the scenario file as the run read it "
      html += "(fields the file leaves out take cohortsim's documented defaults; see docs/MODEL.md).</p>\n"
      html += "<details open><summary>Scenario fields (\(rows.count))</summary>\n"
      html += DataTable(header: ["Field", "Value"], rows: rows).html + "</details>\n"
    }
    return ReportSection(id: "provenance", title: title, html: html)
  }

  private static func stressItems(_ context: ReportContext, field: (String) -> String) -> [(String, String)] {
    let scenario = context.folder.scenario
    let scope =
      scenario.map {
        "\($0.programs.count) program(s) placing students at the sites of a \(HTMLText.fixed($0.region.widthKm, 0)) by "
          + "\(HTMLText.fixed($0.region.heightKm, 0)) km region: admissions, clinical rotations, evaluation by site staff, "
          + "budget-limited openings, word of mouth in hospital systems, recommendations, registry exams, contingent "
          + "offers and licences. \($0.description)"
      } ?? "The cohortsim model of clinical rotations turning into job offers (docs/MODEL.md)."
    let length =
      scenario.map {
        "\(HTMLText.fixed($0.years, 1)) simulated years from \($0.startYear) (horizon day \(HTMLText.fixed($0.horizonDays, 2))); "
          + "no warm-up is discarded: day 0 is the start of \($0.startYear) and earlier intakes are simulated from admission."
      } ?? "Recorded in the scenario file, which is unavailable."
    return [
      (
        "Objective",
        "Estimate where and how soon the program's graduates find sonography jobs under each placement strategy."
      ),
      ("Model scope", scope),
      (
        "Inputs and their sources",
        "Every parameter is a scenario field (table below); docs/MODEL.md gives each one's source, or marks it an "
          + "estimate or assumption."
      ),
      ("Run length", length),
      (
        "Random streams",
        "GSL generators, one independent stream per model process, seeded from the master seed \(field("master_seed")) by "
          + "a fixed derivation per replication; every strategy reuses the same seeds (common random numbers)."
      ),
      context.folder.kind == .calibrate
        ? (
          "Replications",
          "\(field("replications")) replications per particle, \(field("particles")) particles per generation, "
            + "\(field("predictive_draws")) posterior predictive draws."
        ) : ("Replications", "\(field("replications")) independent replications per strategy."),
      context.folder.kind == .calibrate
        ? (
          "How the intervals are computed",
          "Posterior intervals are the weighted 2.5% and 97.5% quantiles of the last generation's particles "
            + "(posterior_summary.csv); a particle's distance is \(field("distance")); the predictive ranges are the "
            + "2.5% and 97.5% quantiles of the draws."
        )
        : (
          "How the intervals are computed",
          "Each figure is the mean over replications with a 95% Student-t interval; differences between strategies "
            + "are paired replication by replication, with Holm's correction across strategies; curves and shares "
            + "derived by this report from students.csv use the same t interval over replications."
        ),
      (
        "Software",
        "cohortsim \(field("cohortsim_version")) (Swift, GSL). The same scenario and seed give byte-identical results "
          + "for any number of threads or shards."
      ),
    ]
  }

  /// Leaf fields of the scenario JSON as `path = value` rows, arrays of plain values joined.
  private static func flatten(_ value: Any, path: String, into rows: inout [[String]]) {
    switch value {
    case let object as [String: Any]:
      for key in object.keys.sorted() {
        flatten(object[key]!, path: path.isEmpty ? key : "\(path).\(key)", into: &rows)
      }
    case let list as [Any]:
      if list.allSatisfy({ !($0 is [String: Any]) && !($0 is [Any]) }) {
        rows.append([path, list.map { scalar($0) }.joined(separator: ", ")])
      } else {
        for (index, item) in list.enumerated() { flatten(item, path: "\(path)[\(index)]", into: &rows) }
      }
    default:
      rows.append([path, scalar(value)])
    }
  }

  private static func scalar(_ value: Any) -> String {
    switch value {
    case let text as String: text
    // JSONSerialization on Linux gives true/false as Swift Bool; only an exact type match counts,
    // so that a number 1 is not shown as true.
    case let flag as Bool where type(of: value) == Bool.self: flag ? "true" : "false"
    case let number as NSNumber: number.stringValue
    default: "\(value)"
    }
  }
}
