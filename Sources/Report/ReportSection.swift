import Experiments
import Foundation

/// One `<section>` of the page: a heading and its HTML, or a note saying why it is not there.
struct ReportSection {
  var id: String
  var title: String
  var html: String

  /// A section whose data the folder does not have: the page says so rather than leaving a gap
  /// a reader might take for "nothing happened".
  static func omitted(id: String, title: String, because reason: String) -> ReportSection {
    ReportSection(id: id, title: title, html: "<p class=\"note\">Not shown: \(HTMLText.escape(reason))</p>\n")
  }

  var rendered: String {
    "<section id=\"\(id)\">\n<h2>\(HTMLText.escape(title))</h2>\n\(html)</section>\n"
  }
}

/// What every section reads: the folder, its summary figures, and which strategy a
/// single-strategy sentence is about.
struct ReportContext {
  var folder: ResultsFolderContents
  let results: ResultEstimates
  /// The strategies in `run.json` order (or the results' order when `run.json` has none).
  let strategies: [String]
  /// The strategy sentences describe: the comparison's reference, else the first.
  let focus: String
  /// The posterior run behind the second interval of each headline figure: this folder when it
  /// is one, else `report --posterior`'s; nil for a fixed run alone.
  let posterior: PosteriorUncertainty?

  /// `posteriorRun` is `report --posterior DIR`'s folder, which must be a posterior run.
  init(folder: ResultsFolderContents, posteriorRun: ResultsFolderContents? = nil) throws(FolderReadError) {
    var folder = folder
    results = try ResultEstimates(
      summary: try folder.table("summary.csv"), replications: try folder.table("replications.csv"))
    strategies = folder.strategies.isEmpty ? results.strategies : folder.strategies
    focus = folder.reference ?? strategies.first ?? ""
    if var other = posteriorRun {
      guard let k = other.posteriorRunsPerParticle else {
        throw FolderReadError(
          path: other.directory,
          problem:
            "--posterior names a run over a calibration's posterior ('cohortsim run --posterior'); this "
            + "folder's run.json records none")
      }
      posterior = PosteriorUncertainty(
        results: try ResultEstimates(summary: nil, replications: try other.table("replications.csv")),
        runsPerParticle: k, isOwnFolder: false,
        folderName: (other.directory as NSString).lastPathComponent)
    } else if let k = folder.posteriorRunsPerParticle {
      posterior = PosteriorUncertainty(
        results: results, runsPerParticle: k, isOwnFolder: true,
        folderName: (folder.directory as NSString).lastPathComponent)
    } else {
      posterior = nil
    }
    self.folder = folder
  }

  /// "Under nearest-to-home, " when there is more than one strategy, else nothing.
  var underFocus: String { strategies.count > 1 ? "Under \(focus), " : "" }

  /// Days from the run's start to its horizon, from the scenario; nil when the scenario is gone.
  var horizonDays: Double? { folder.scenario?.horizonDays }

  static let daysPerMonth = 365.25 / 12
}
