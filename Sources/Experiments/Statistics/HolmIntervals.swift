import SimKernel

/// Intervals that carry Holm's step-down correction, for the comparison's forest plot.
///
/// Construction: the family is every row of `comparison.csv` with a p-value (as `p_holm` is),
/// m of them. Ranked by raw p-value, smallest first (ties by file order), the row at rank
/// k = 1…m gets the two-sided level 1 − α/(m − k + 1): the level at which Holm's procedure tests
/// it (Holm 1979). Its interval is the paired t interval at that level, with the standard error
/// recovered from the file's 95% interval (half-width ÷ t₀.₉₇₅,ₙ₋₁) and n − 1 degrees of freedom,
/// n the replications with a value under both strategies (the smaller of their `summary.csv`
/// counts). A row whose p-value is missing gets the widest level, 1 − α/m. For the rows Holm
/// rejects (p_holm ≤ α) the interval excludes zero; for the rest it is the conventional
/// step-level interval, which is not guaranteed to contain zero — they are simultaneous-coverage
/// intervals only in Holm's sense of controlling the family-wise error of the decisions.
public enum HolmIntervals {
  /// The level 1 − α/(m − k + 1) of every p-value (see the type's comment).
  public static func levels(_ pValues: [Double], alpha: Double = 0.05) -> [Double] {
    let ranked = pValues.indices.filter { !pValues[$0].isNaN }.sorted {
      (pValues[$0], $0) < (pValues[$1], $1)
    }
    let m = Double(ranked.count)
    var levels = [Double](repeating: 1 - alpha / max(m, 1), count: pValues.count)
    for (rank, index) in ranked.enumerated() { levels[index] = 1 - alpha / (m - Double(rank)) }
    return levels
  }

  /// The 95% t interval `low…high` around `estimate`, from `count` paired replications, widened
  /// to `level`; unchanged when the count gives no degrees of freedom.
  public static func widened(estimate: Double, low: Double, high: Double, count: Int, to level: Double) -> (
    low: Double, high: Double
  ) {
    let degrees = count - 1
    let t95 = StudentT.quantile(0.975, degreesOfFreedom: degrees)
    let tLevel = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: degrees)
    guard t95.isFinite, tLevel.isFinite, t95 > 0 else { return (low, high) }
    let scale = tLevel / t95
    return (estimate - (estimate - low) * scale, estimate + (high - estimate) * scale)
  }
}
