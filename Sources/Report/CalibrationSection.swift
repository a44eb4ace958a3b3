import Experiments
import Foundation

/// Calibration (calibrate folders): what ABC-SMC learnt about each parameter (its weighted
/// posterior against its prior), whether the calibrated model reproduces the targets (posterior
/// predictive draws against each target band), and how the sampler got there (its generations).
enum CalibrationSection {
  static let title = "Calibration"

  static func make(_ context: inout ReportContext) throws(FolderReadError) -> ReportSection? {
    guard context.folder.kind == .calibrate else { return nil }
    let figures = try CalibrationFigures(&context.folder)
    var html =
      "<p>Approximate Bayesian computation (ABC-SMC) fitted \(figures.parameters.count) "
      + "parameter\(figures.parameters.count == 1 ? "" : "s") to \(figures.targets.count) "
      + "target\(figures.targets.count == 1 ? "" : "s"). The posterior shown is the last generation "
      + "(\(figures.lastGeneration)): \(figures.particles) weighted particles, each a setting of the parameters "
      + "whose simulated targets came close enough to the bands.</p>\n"
    html += "<h3>What the targets say about each parameter</h3>\n"
    html +=
      DataTable(
        header: ["Parameter", "Prior", "Mean", "SD", "2.5%", "Median", "97.5%"],
        rows: figures.parameters.map {
          [$0.path, $0.prior?.summary ?? "not recorded"]
            + [$0.mean, $0.sd, $0.q025, $0.q50, $0.q975].map { HTMLText.significant($0, 4) }
        }, caption: "Posterior of each parameter (posterior_summary.csv; priors from run.json)"
      ).html
    for (number, parameter) in figures.parameters.enumerated() {
      html += posteriorFigure(parameter, number: number + 1)
    }
    html += "<h3>Does the calibrated model reproduce the targets?</h3>\n"
    html += predictiveFigure(figures.targets)
    if figures.targets.contains(where: { !$0.source.isEmpty }) {
      html +=
        DataTable(
          header: ["Target", "Band", "Source"],
          rows: figures.targets.map { [label($0, figures.targets), band($0), $0.source] },
          caption: "Where each target band comes from (run.json)"
        ).html
    }
    html += "<h3>How the sampler got there</h3>\n"
    html += generationsTable(figures.generations, context.folder.provenance)
    return ReportSection(id: "calibration", title: title, html: html)
  }

  private static func posteriorFigure(_ parameter: CalibrationFigures.Parameter, number: Int) -> String {
    let id = "chart-calibration-posterior-\(number)"
    let value = HistogramChart.label
    var reading =
      "\(parameter.path) is most likely near \(value(parameter.q50)) (median; 95% interval "
      + "\(value(parameter.q025)) to \(value(parameter.q975)))"
    if let prior = parameter.prior {
      let priorLow = prior.quantile(0.025)
      let priorHigh = prior.quantile(0.975)
      let narrowed = (parameter.q975 - parameter.q025) / (priorHigh - priorLow)
      reading +=
        narrowed >= 0.9
        ? ", about as wide as the prior's 95% range \(value(priorLow)) to \(value(priorHigh)): the targets say "
          + "little about it"
        : ", an interval \(HTMLText.percent(narrowed)) as wide as the prior's 95% range "
          + "\(value(priorLow)) to \(value(priorHigh))"
    }
    reading += "."
    let chart = HistogramChart(
      title: "Posterior of \(parameter.path)", valueLabel: parameter.path, bins: parameter.bins,
      interval: (parameter.q025, parameter.q975), median: parameter.q50)
    let description =
      "Histogram of the last generation's particle weights for \(parameter.path) over "
      + (parameter.prior.map { "the range of its prior, \($0.summary), drawn as a dashed outline" }
        ?? "the particles' range (the prior is not recorded)")
      + ", with the 95% interval shaded and the median marked. " + reading
    return Figure(
      id: id, title: chart.title, reading: reading, description: description,
      svg: chart.svg(id: id, description: description),
      tableHeader: ["From", "To", "Posterior weight", "Prior probability"],
      tableRows: parameter.bins.map {
        [
          HTMLText.significant($0.lower, 4), HTMLText.significant($0.upper, 4), HTMLText.fixed($0.share, 4),
          $0.prior.isNaN ? "not recorded" : HTMLText.fixed($0.prior, 4),
        ]
      }
    ).html
  }

  private static func predictiveFigure(_ targets: [CalibrationFigures.Target]) -> String {
    guard !targets.isEmpty else {
      return "<p class=\"note\">Not shown: posterior_predictive.csv has no draws.</p>\n"
    }
    let id = "chart-calibration-predictive"
    let rows = targets.map {
      TargetBandChart.Row(
        label: label($0, targets), low: $0.low, high: $0.high, median: $0.median, q025: $0.q025,
        q975: $0.q975,
        insideShare: $0.insideShare, shares: $0.shares)
    }
    let worst = targets.indices.min { (targets[$0].insideShare, $0) < (targets[$1].insideShare, $1) }!
    let others = targets.indices.filter { $0 != worst }.map { targets[$0].insideShare }
    var reading =
      targets.count == 1
      ? "In \(HTMLText.percent(targets[worst].insideShare)) of posterior predictive draws "
        + "\(label(targets[worst], targets)) falls inside the target band \(band(targets[worst]))"
      : "The fit is weakest for \(label(targets[worst], targets)): in "
        + "\(HTMLText.percent(targets[worst].insideShare)) of posterior predictive draws it falls inside its target "
        + "band \(band(targets[worst]))"
    if let low = others.min(), let high = others.max() {
      reading +=
        low == high
        ? " (the other targets: \(HTMLText.percent(low)) of draws inside)"
        : " (the other targets: \(HTMLText.percent(low)) to \(HTMLText.percent(high)) of draws inside)"
    }
    reading += "."
    let chart = TargetBandChart(title: "Posterior predictive draws against the target bands", rows: rows)
    let description =
      "One row per target, each on its own scale: the target band shaded, and the median and 95% range of "
      + "\(targets[0].draws) posterior predictive draws (the model run at particles drawn from the posterior), "
      + "with the share of draws inside the band. " + reading
    return Figure(
      id: id, title: chart.title, reading: reading, description: description,
      svg: chart.svg(id: id, description: description),
      tableHeader: [
        "Target", "Band low", "Band high", "Draws", "Median", "2.5%", "97.5%", "Share inside",
      ],
      tableRows: targets.map {
        [label($0, targets)] + [$0.low, $0.high].map { HTMLText.significant($0, 4) } + [String($0.draws)]
          + [$0.median, $0.q025, $0.q975].map { HTMLText.significant($0, 4) }
          + [HTMLText.percent($0.insideShare, decimals: 1)]
      }
    ).html
  }

  private static func generationsTable(
    _ generations: [CalibrationFigures.Generation], _ provenance: [String: Any]
  ) -> String {
    var html = ""
    if let first = generations.first, let last = generations.last {
      var reading =
        "The sampler ran \(generations.count) generation\(generations.count == 1 ? "" : "s"); the tolerance ε "
        + "fell from \(HTMLText.significant(first.epsilon, 3)) to \(HTMLText.significant(last.epsilon, 3)), and "
        + "the last generation accepted \(HTMLText.percent(last.acceptanceRate, decimals: 1)) of its proposals "
        + "(effective sample size \(HTMLText.fixed(last.ess, 0)))"
      switch provenance["stop"] as? String {
      case "generations": reading += ". It stopped after the generations asked for"
      case "acceptance_floor":
        let floor = (provenance["minimum_acceptance_rate"] as? NSNumber)?.doubleValue
        reading +=
          ". It stopped early: the next generation's acceptance rate fell below the floor"
          + (floor.map { " of \(HTMLText.percent($0, decimals: 1))" } ?? "")
          + ", so that generation was dropped"
      default: break
      }
      html += "<p>\(HTMLText.escape(reading)).</p>\n"
    }
    html +=
      DataTable(
        header: ["Generation", "Tolerance ε", "Proposals", "Accepted", "Acceptance rate", "ESS"],
        rows: generations.map {
          [
            String($0.index), HTMLText.significant($0.epsilon, 4), HTMLText.fixed($0.proposals, 0),
            HTMLText.fixed($0.accepted, 0), HTMLText.percent($0.acceptanceRate, decimals: 1),
            HTMLText.fixed($0.ess, 1),
          ]
        }, caption: "Generations (generations.csv)"
      ).html
    return html
  }

  /// The metric, with its strategy when the targets span more than one, after its scenario
  /// when they span more than one (a joint calibration).
  private static func label(_ target: CalibrationFigures.Target, _ all: [CalibrationFigures.Target]) -> String
  {
    let metric = Set(all.map(\.strategy)).count > 1 ? "\(target.metric) (\(target.strategy))" : target.metric
    return Set(all.map(\.scenario)).count > 1 ? "\(target.scenario): \(metric)" : metric
  }

  private static func band(_ target: CalibrationFigures.Target) -> String {
    "\(TargetBandChart.format(target.low, target.shares))–\(TargetBandChart.format(target.high, target.shares))"
  }
}
