import CohortModel
import Experiments
import Foundation

/// What a report says about not knowing the hiring parameters, from a posterior run (`run` or
/// `compare` with `--posterior`): the folder reported on itself, or the one `report --posterior`
/// names beside a fixed run.
///
/// Two intervals per headline figure (`PosteriorIntervals`), in words a dean reads: "chance only"
/// and "with parameter uncertainty"; and in the decision box, the share of parameter sets under
/// which the best strategy stays best (`PosteriorBestShare`).
struct PosteriorUncertainty {
  let results: ResultEstimates
  let runsPerParticle: Int
  /// True when the report is on the posterior run itself; false when it is beside a fixed run,
  /// whose own interval is then the "chance only" one.
  let isOwnFolder: Bool
  /// The posterior run's folder, for the note.
  let folderName: String

  /// The intervals of the sum of `metrics` under `strategy`; nil when a metric is missing.
  func intervals(_ strategy: String, sumOf metrics: [String]) -> PosteriorIntervals? {
    results.values(strategy, sumOf: metrics).flatMap {
      PosteriorIntervals(replicationValues: $0, runsPerParticle: runsPerParticle)
    }
  }

  /// The lines a headline card adds under its figure; `fixed` is the card's own estimate.
  func cardLines(_ figure: HeadlineFigure, metrics: [String], strategy: String, fixed: IntervalEstimate)
    -> String
  {
    guard let intervals = intervals(strategy, sumOf: metrics) else { return "" }
    let chance = isOwnFolder ? intervals.chance : fixed
    var html = ""
    if let chance {
      let condition =
        isOwnFolder ? "if we knew exactly how hiring works" : "hiring as in the calibrated defaults"
      html +=
        "<p class=\"card-interval\">Chance only (\(condition)): \(HTMLText.escape(figure.value(chance)))</p>"
    }
    html +=
      "<p class=\"card-interval\">With parameter uncertainty (what we do not know about hiring): "
      + "\(HTMLText.escape(figure.value(intervals.parameters)))"
      + (intervals.parameterShare.isFinite
        ? "; \(HTMLText.percent(intervals.parameterShare)) of the spread is that uncertainty" : "")
      + "</p>"
    return html
  }

  /// The note under the cards.
  var note: String {
    let chance =
      isOwnFolder
      ? "\"Chance only\" is how far the figure would move if the hiring parameters were known: the luck of who "
        + "rotates where, who passes and which jobs open, over this run's replications."
      : "\"Chance only\" is this folder's own interval, at the calibrated defaults."
    return "<p class=\"note\">\(HTMLText.escape(chance)) \"With parameter uncertainty\" also lets the hiring "
      + "parameters range over the calibration's posterior (the plausible values given the targets; "
      + "\(HTMLText.escape(folderName)), \(runsPerParticle) run\(runsPerParticle == 1 ? "" : "s") per particle): "
      + "95% of the posterior puts the figure's long-run value in that range. "
      + (runsPerParticle == 1
        ? "With one run per particle the two kinds cannot be told apart, so that range includes one run's chance "
          + "as well and no chance-only interval is shown." : "")
      + "</p>\n"
  }

  /// The decision box's line: the share of parameter sets under which the strategy best on
  /// `metric` (in its better direction) is still best, with its 95% Wilson interval
  /// (`PosteriorBestShare`).
  func decision(metric: Metric, strategies: [String]) -> String {
    let series = strategies.compactMap { strategy in
      results.values(strategy, metric.rawValue).map { (strategy, $0) }
    }
    guard series.count == strategies.count,
      let best = PosteriorBestShare(
        series: series.map(\.1), higherIsBetter: metric.display.better != .lower,
        runsPerParticle: runsPerParticle)
    else {
      return ""
    }
    let name = metric.display.name
    let lowered: String = name.prefix(1).lowercased() + name.dropFirst()
    let opening: String =
      "<p class=\"posterior-decision\"><strong>Across what we do not know about hiring:</strong> "
      + "\(HTMLText.escape(series[best.best].0)), best on average on \(HTMLText.escape(lowered)), is best under "
    return opening
      + "\(HTMLText.percent(best.share)) of the \(best.groups) parameter sets drawn from the calibration's posterior "
      + "(95% interval \(HTMLText.fixed(best.low * 100, 0))–\(HTMLText.percent(best.high))). "
      + "Each set ran \(runsPerParticle) time\(runsPerParticle == 1 ? "" : "s"), so chance also reorders close "
      + "strategies; a share near 100% means the choice does not hinge on the parameters.</p>\n"
  }
}
