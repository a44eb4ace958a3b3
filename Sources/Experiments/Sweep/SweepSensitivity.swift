/// `sensitivity.csv`'s rows from the per-point means of a whole sweep: for each strategy, each
/// metric, each factor, its indices (`S1`, `ST` for sobol; `mu`, `mu_star`, `sigma` for morris).
/// Used by the runner and by `cohortsim merge`, which therefore write the same bytes.
enum SweepSensitivity {
  /// The bootstrap's seed: the design's, moved off it so the resamples are not the design's draws.
  static func bootstrapSeed(_ design: SweepDesign) -> UInt64 { design.seed ^ 0x9E37_79B9_7F4A_7C15 }

  /// - Parameter means: `[strategy][metric][point]` over every point of the design.
  /// - Complexity: O(strategies × metrics × resamples × points).
  static func rows(
    design: SweepDesign, points: DesignPoints, means: [[[Double]]], strategies: [String], metrics: [String]
  ) -> [[String]] {
    let k = design.factors.count
    let groups: Int
    let resampling: [[Int]]
    switch design.method {
    case .sobol:
      groups = points.count / (k + 2)
      resampling = SobolIndices.bootstrapIndices(
        count: groups, resamples: SobolIndices.resamples, seed: bootstrapSeed(design))
    case .morris:
      groups = points.count / (k + 1)
      resampling = SobolIndices.bootstrapIndices(
        count: groups, resamples: MorrisIndices.resamples, seed: bootstrapSeed(design))
    case .grid, .lhs:
      return []
    }
    var rows: [[String]] = []
    for (strategyIndex, strategy) in strategies.enumerated() {
      for (metricIndex, metric) in metrics.enumerated() {
        let outputs = means[strategyIndex][metricIndex]
        var estimates =
          design.method == .sobol
          ? SobolIndices.analyze(outputs: outputs, factors: k, resampling: resampling)
          : MorrisIndices.analyze(
            unit: points.unit, outputs: outputs, factors: k, levels: design.morrisLevels,
            resampling: resampling)
        // An output that does not vary over the design has no variance to apportion: every index
        // is NaN (not SALib's 0, which would read as "no influence" and let a factor "matter most").
        if isConstant(outputs) {
          estimates = estimates.map {
            SensitivityEstimate(factor: $0.factor, index: $0.index, estimate: .nan, low: .nan, high: .nan)
          }
        }
        for estimate in estimates {
          rows.append(
            SweepColumns.sensitivityRow(
              strategy: strategy, metric: metric, factor: design.factors[estimate.factor].path, estimate))
        }
      }
    }
    return rows
  }

  /// Whether every output is the same number (NaN outputs already give NaN indices).
  static func isConstant(_ outputs: [Double]) -> Bool {
    guard let first = outputs.first, !first.isNaN else { return false }
    return outputs.allSatisfy { $0 == first }
  }
}
