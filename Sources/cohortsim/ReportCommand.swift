import Experiments
import Foundation
import Report

/// `cohortsim report`: one self-contained HTML page about a results folder, for people who will
/// not run a notebook.
struct ReportCommand: Subcommand {
  static let name = "report"
  static let summary = "write one self-contained HTML page with charts about a results folder"
  static let usage = "DIR [--out FILE.html] [--posterior RUN_DIR]"
  static let discussion = """
    Reads DIR, a folder written by 'cohortsim run', 'compare', 'merge', 'sweep' or 'calibrate', and \
    writes one HTML page (default DIR/report.html) with its CSS and every chart inline as SVG, no \
    script, nothing loaded from the network: it opens offline, prints on A4 or Letter and can be \
    forwarded as one file. In order: for a compare folder, which placement strategy (metric by \
    metric from comparison.csv's Holm-adjusted paired differences, the --select-best verdict, one \
    sentence of advice); the headline (placement within 6 and 12 months among all graduates or \
    graduates seeking work, hires at rotation sites, median time to an accepted offer), the hiring \
    curve and each strategy's difference from the reference, where the offers come from, the \
    strategy comparison, the sites that hire, a map, results over time, and how it was computed \
    (provenance, a STRESS-DES list, the scenario's fields). A sweep folder gets how each output \
    varies over its design and its sensitivity indices instead. A calibrate folder gets its calibration instead: each parameter's weighted posterior \
    (last generation) over its prior with the 95% interval and median, the posterior predictive \
    draws against each target band with the share inside, and the sampler's generations. Each chart has a plain-language sentence, a text alternative and the table of its \
    numbers. Sections whose files the folder lacks say so; rerun run or compare with --students for \
    the hiring curve, offer places, sites and the map. When run.json records file hashes they are checked first. A \
    folder without run.json, without a required file (summary.csv and replications.csv; \
    comparison.csv for compare; posterior_summary.csv, posterior.csv, posterior_predictive.csv and \
    generations.csv for calibrate), or with a file that does not match run.json exits 2 naming it, \
    and nothing is written. --out may name a new file or a page cohortsim report wrote before; a \
    folder, a symbolic link, any other file, or a file inside a results folder (but DIR/report.html) \
    is refused with exit 2 before DIR is read, and nothing is replaced. \
    A folder written with --posterior (a run over a calibration's posterior) shows two intervals on each headline \
    card, "chance only" and "with parameter uncertainty", with the share of the spread due to the parameters, \
    and in a comparison the share of posterior parameter sets under which the best strategy stays best; \
    --posterior RUN_DIR adds the second interval to a fixed run's report from such a folder.
    """
  static let out = Option.text("out", "FILE.html", "where to write the page (default: DIR/report.html)")
  static let posterior = Option.text(
    "posterior", "RUN_DIR",
    "a folder 'cohortsim run --posterior' (or compare --posterior) wrote for the same scenario: each headline "
      + "figure of DIR also shows its interval with parameter uncertainty from it, and DIR's own as chance only"
  )
  static let options: [any OptionDeclaration] = [out, posterior]
  static let examples = [
    "cohortsim compare Scenarios/strategies.json --students --out Results/mine",
    "cohortsim report Results/mine                       writes Results/mine/report.html",
    "cohortsim report Results/baseline --out baseline.html",
    "cohortsim report Results/calibration-baseline --out calibration.html",
    "cohortsim report Results/baseline --posterior Results/baseline-posterior --out baseline.html",
  ]

  let directory: String
  let output: String
  let posteriorRun: String?

  init(_ arguments: ParsedArguments) throws {
    directory = try arguments.requirePositionals(["DIR"])[0]
    output = try arguments[Self.out] ?? (directory as NSString).appendingPathComponent("report.html")
    posteriorRun = try arguments[Self.posterior]
  }

  func run() throws -> ExitStatus {
    // The page may only go where it replaces nothing cohortsim did not write: checked before the
    // folder is read, and again just before the page is renamed into place.
    let page = SingleOutputFile.reportPage(output, about: directory, option: "--" + Self.out.spec.name)
    do {
      try page.check()
    } catch {
      // Refused before the folder is read: whatever the check says, the path is bad input.
      throw CommandFailure(.badInput, ErrorMessages.message(error))
    }
    let html = try HTMLReport.build(directory: directory, posteriorRun: posteriorRun)
    try page.write(Data(html.utf8))
    print("wrote \(output)")
    return .done
  }
}
