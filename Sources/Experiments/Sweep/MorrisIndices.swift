import SimKernel

/// Morris's elementary-effects screening measures, as SALib 1.6's `morris.analyze(problem, X, Y,
/// num_levels=p)` defines them.
///
/// In each trajectory (k + 1 consecutive rows), each factor changes once, between two consecutive
/// rows; its elementary effect is (y at the row where the factor is higher − y at the row where it
/// is lower) / Δ, with Δ = p/(2(p−1)) the step on the unit scale, whatever the factor's range. Per
/// factor over the r trajectories: μ = mean of the effects, μ* = mean of their absolute values
/// (Campolongo et al. 2007), σ = their sample sd (n − 1). The interval of μ* is μ* ± 1.96 × the
/// sd of μ* over `resamples` bootstrap resamples of the trajectories (SALib's `mu_star_conf` is
/// that half-width, from NumPy's draws); μ and σ get none.
public enum MorrisIndices {
  /// SALib's default number of bootstrap resamples for μ*.
  public static let resamples = 1000

  /// Δ = p / (2(p − 1)).
  public static func delta(levels: Int) -> Double { Double(levels) / (2 * Double(levels - 1)) }

  /// - Parameters:
  ///   - unit: the design's unit coordinates, row-major, k + 1 rows per trajectory.
  ///   - outputs: one per row.
  ///   - resampling: lists of trajectory indices; see `SobolIndices.bootstrapIndices`.
  /// - Returns: per factor, `mu`, `mu_star`, `sigma`.
  /// - Complexity: O(points × factors + resamples × trajectories × factors).
  public static func analyze(
    unit: [Double], outputs: [Double], factors k: Int, levels: Int, resampling: [[Int]]
  ) -> [SensitivityEstimate] {
    let rows = k + 1
    let trajectories = outputs.count / rows
    let delta = delta(levels: levels)
    // effects[factor][trajectory]
    var effects = [[Double]](repeating: [Double](repeating: 0, count: trajectories), count: k)
    for trajectory in 0..<trajectories {
      for step in 0..<k {
        let before = (trajectory * rows + step)
        let after = before + 1
        for factor in 0..<k {
          let change = unit[after * k + factor] - unit[before * k + factor]
          if change > 0 {
            effects[factor][trajectory] += (outputs[after] - outputs[before]) / delta
          } else if change < 0 {
            effects[factor][trajectory] += (outputs[before] - outputs[after]) / delta
          }
        }
      }
    }
    var result: [SensitivityEstimate] = []
    for factor in 0..<k {
      let ee = effects[factor]
      let absolute = ee.map(abs)
      let mu = ee.reduce(0, +) / Double(trajectories)
      let muStar = absolute.reduce(0, +) / Double(trajectories)
      let sigma = RunningMoments(ee).standardDeviation
      let spread = SobolIndices.spread(
        resampling.map { sample in sample.reduce(0) { $0 + absolute[$1] } / Double(sample.count) })
      result.append(SensitivityEstimate(factor: factor, index: "mu", estimate: mu, low: .nan, high: .nan))
      result.append(
        SensitivityEstimate(
          factor: factor, index: "mu_star", estimate: muStar, low: muStar - normalQuantile975 * spread,
          high: muStar + normalQuantile975 * spread))
      result.append(
        SensitivityEstimate(factor: factor, index: "sigma", estimate: sigma, low: .nan, high: .nan))
    }
    return result
  }
}
