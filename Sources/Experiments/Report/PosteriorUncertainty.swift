import CohortModel
import Foundation
import SimKernel

/// What a report says about not knowing the hiring parameters, from a posterior run (`run` or
/// `compare` with `--posterior`): the folder reported on itself, or the one `report --posterior`
/// names beside a fixed run.
///
/// Two intervals per headline figure, in words a dean reads: "chance only" (the hiring
/// parameters fixed; only the luck of who rotates where, who passes, which jobs open) and "with
/// parameter uncertainty" (also over the calibration's plausible parameter sets). The second is
/// mean ± 1.96 √(σ²_parameters + σ²_chance / n): where the figure's long-run value lies for 95% of
/// the posterior, with the simulation's own error; the first is mean ± t √(σ²_chance / n), the
/// interval a run at one parameter set gives (`VarianceSplit` estimates both components).
struct PosteriorUncertainty {
  let results: ResultEstimates
  let runsPerParticle: Int
  /// True when the report is on the posterior run itself; false when it is beside a fixed run,
  /// whose own interval is then the "chance only" one.
  let isOwnFolder: Bool
  /// The posterior run's folder, for the note.
  let folderName: String

  /// The runs per particle a posterior run's `run.json` records; nil for any other folder.
  static func runsPerParticle(_ folder: ReportFolder) -> Int? {
    ((folder.provenance["posterior"] as? [String: Any])?["runs_per_particle"] as? NSNumber)?.intValue
  }

  /// The two intervals of one figure.
  struct Intervals {
    /// Nil with one run per particle: chance and parameters cannot be told apart.
    var chance: IntervalEstimate?
    var parameters: IntervalEstimate
    var parameterShare: Double
  }

  /// The intervals of the sum of `metrics` under `strategy`; nil when a metric is missing.
  func intervals(_ strategy: String, sumOf metrics: [String]) -> Intervals? {
    var total: [Double]?
    for metric in metrics {
      guard let values = results.values(strategy, metric) else { return nil }
      total = total.map { zip($0, values).map(+) } ?? values
    }
    return total.flatMap { Self.intervals(of: $0, runsPerParticle: runsPerParticle) }
  }

  /// The intervals of one value per replication, in replication order, K = `runsPerParticle`
  /// to a particle group; nil with fewer than two values.
  static func intervals(of values: [Double], runsPerParticle: Int) -> Intervals? {
    var split = VarianceSplit()
    var moments = RunningMoments()
    for (index, value) in values.enumerated() {
      split.add(value, group: index / runsPerParticle)
      moments.add(value)
    }
    let n = moments.count
    guard n > 1 else { return nil }
    let estimate = split.estimate
    let mean = moments.mean
    guard estimate.chanceVariance.isFinite else {
      // One run per particle: the spread of single runs, chance included, bounds the parameters'.
      let half = 1.96 * moments.standardDeviation
      return Intervals(
        chance: nil, parameters: IntervalEstimate(mean: mean, low: mean - half, high: mean + half, count: n),
        parameterShare: .nan)
    }
    let groups = (values.indices.last ?? 0) / runsPerParticle + 1
    let chanceHalf =
      StudentT.quantile(0.975, degreesOfFreedom: max(1, n - groups))
      * (estimate.chanceVariance / Double(n)).squareRoot()
    let parameterHalf = 1.96 * (estimate.parameterVariance + estimate.chanceVariance / Double(n)).squareRoot()
    return Intervals(
      chance: IntervalEstimate(mean: mean, low: mean - chanceHalf, high: mean + chanceHalf, count: n),
      parameters: IntervalEstimate(
        mean: mean, low: mean - parameterHalf, high: mean + parameterHalf, count: n),
      parameterShare: estimate.parameterShare)
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

  /// The decision box's line: the share of particles under which the strategy best on `metric`
  /// (in its better direction) is still best, with its 95% Wilson interval. Particles are the particle
  /// groups of the run, independent draws from the posterior; within a group the strategies'
  /// means over its runs are compared.
  func decision(metric: Metric, strategies: [String]) -> String {
    let series = strategies.compactMap { strategy in
      results.values(strategy, metric.rawValue).map { (strategy, $0) }
    }
    let sign = metric.display.better == .lower ? -1.0 : 1.0
    guard series.count == strategies.count, series.count > 1, let count = series.first?.1.count, count > 0
    else {
      return ""
    }
    func mean(_ values: some Collection<Double>) -> Double {
      let finite = values.filter { !$0.isNaN }
      return finite.isEmpty ? -.infinity : sign * finite.reduce(0, +) / Double(finite.count)
    }
    let overall = series.map { mean($0.1) }
    let recommended = overall.indices.max { overall[$0] < overall[$1] }!
    var groups = 0
    var wins = 0
    for start in stride(from: 0, to: count, by: runsPerParticle) {
      let end = min(count, start + runsPerParticle)
      let means = series.map { mean($0.1[start..<end]) }
      groups += 1
      if means.indices.max(by: { means[$0] < means[$1] }) == recommended { wins += 1 }
    }
    let (low, high) = Self.wilson(successes: wins, trials: groups)
    let share = Double(wins) / Double(groups)
    let name = metric.display.name
    let lowered: String = name.prefix(1).lowercased() + name.dropFirst()
    let opening: String =
      "<p class=\"posterior-decision\"><strong>Across what we do not know about hiring:</strong> "
      + "\(HTMLText.escape(series[recommended].0)), best on average on \(HTMLText.escape(lowered)), is best under "
    return opening
      + "\(HTMLText.percent(share)) of the \(groups) parameter sets drawn from the calibration's posterior "
      + "(95% interval \(HTMLText.fixed(low * 100, 0))–\(HTMLText.percent(high))). "
      + "Each set ran \(runsPerParticle) time\(runsPerParticle == 1 ? "" : "s"), so chance also reorders close "
      + "strategies; a share near 100% means the choice does not hinge on the parameters.</p>\n"
  }

  /// The Wilson score interval for a binomial proportion at 95% (Wilson 1927).
  static func wilson(successes: Int, trials: Int) -> (Double, Double) {
    let z = 1.959_963_984_540_054
    let n = Double(trials)
    let p = Double(successes) / n
    let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
    return (max(0, centre - half), min(1, centre + half))
  }
}
