import SimKernel

/// The two intervals of one figure of a posterior run (`run` or `compare` with `--posterior`):
/// "chance only" (the hiring parameters fixed; only the luck of who rotates where, who passes,
/// which jobs open) and "with parameter uncertainty" (also over the calibration's plausible
/// parameter sets).
///
/// The second is mean ± 1.96 √(σ²_parameters + σ²_chance / n): where the figure's long-run value
/// lies for 95% of the posterior, with the simulation's own error; the first is
/// mean ± t √(σ²_chance / n), the interval a run at one parameter set gives (`VarianceSplit`
/// estimates both components).
public struct PosteriorIntervals: Sendable {
  /// Nil with one run per particle: chance and parameters cannot be told apart.
  public var chance: IntervalEstimate?
  public var parameters: IntervalEstimate
  /// The share of the spread due to the parameters; NaN with one run per particle.
  public var parameterShare: Double

  /// The intervals of one value per replication, in replication order, K = `runsPerParticle`
  /// to a particle group; nil with fewer than two values.
  public init?(replicationValues values: [Double], runsPerParticle: Int) {
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
      chance = nil
      parameters = IntervalEstimate(mean: mean, low: mean - half, high: mean + half, count: n)
      parameterShare = .nan
      return
    }
    let groups = (values.indices.last ?? 0) / runsPerParticle + 1
    let chanceHalf =
      StudentT.quantile(0.975, degreesOfFreedom: max(1, n - groups))
      * (estimate.chanceVariance / Double(n)).squareRoot()
    let parameterHalf = 1.96 * (estimate.parameterVariance + estimate.chanceVariance / Double(n)).squareRoot()
    chance = IntervalEstimate(mean: mean, low: mean - chanceHalf, high: mean + chanceHalf, count: n)
    parameters = IntervalEstimate(mean: mean, low: mean - parameterHalf, high: mean + parameterHalf, count: n)
    parameterShare = estimate.parameterShare
  }
}
