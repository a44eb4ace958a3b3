import SimKernel

/// One sensitivity index of one factor, with its 95% interval (NaN when none is estimated).
public struct SensitivityEstimate: Sendable, Equatable {
  public var factor: Int
  /// `S1`, `ST`, `mu`, `mu_star` or `sigma`.
  public var index: String
  public var estimate: Double
  public var low: Double
  public var high: Double
}

/// The 97.5% point of the standard normal: SALib's `norm.ppf(0.5 + 0.95 / 2)`.
let normalQuantile975 = 1.959963984540054

/// Sobol' first-order and total-order indices from outputs in Saltelli's row order, as SALib 1.6's
/// `sobol.analyze(problem, Y, calc_second_order=False)` defines them.
///
/// The outputs are first standardised, `(Y − mean) / sd` with the population sd over all rows,
/// as SALib does. Then, with A, B and AB_j the outputs of those rows of each base sample and V the
/// population variance of A and B together:
/// - first order, Saltelli et al. (2010): S1_j = mean(B (AB_j − A)) / V;
/// - total order, Jansen (1999): ST_j = ½ mean((A − AB_j)²) / V.
///
/// Intervals: the estimators recomputed on `resamples` bootstrap resamples of the base samples
/// (the standardisation is not redone, as in SALib), and estimate ± 1.96 × their sd. SALib
/// reports that half-width as `S1_conf`; the resamples are GSL's draws, not NumPy's, so the
/// interval differs from SALib's by resampling noise while the estimates agree exactly.
public enum SobolIndices {
  /// SALib's default number of bootstrap resamples.
  public static let resamples = 100

  /// - Parameters:
  ///   - outputs: k + 2 rows per base sample, in `DesignPoints.saltelli`'s order.
  ///   - resampling: `resamples` lists of base-sample indices; see `bootstrapIndices`.
  /// - Returns: per factor, `S1` then `ST`; NaN estimates when any output is NaN or all are equal.
  /// - Complexity: O(resamples × points).
  public static func analyze(outputs: [Double], factors k: Int, resampling: [[Int]]) -> [SensitivityEstimate]
  {
    let n = outputs.count / (k + 2)
    var result: [SensitivityEstimate] = []
    guard n > 0, outputs.count == n * (k + 2), !outputs.contains(where: \.isNaN) else {
      for factor in 0..<k {
        for name in ["S1", "ST"] {
          result.append(
            SensitivityEstimate(factor: factor, index: name, estimate: .nan, low: .nan, high: .nan))
        }
      }
      return result
    }
    let mean = outputs.reduce(0, +) / Double(outputs.count)
    let sd = (outputs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(outputs.count)).squareRoot()
    let y = outputs.map { ($0 - mean) / sd }
    let a = (0..<n).map { y[$0 * (k + 2)] }
    let b = (0..<n).map { y[$0 * (k + 2) + k + 1] }
    for factor in 0..<k {
      let ab = (0..<n).map { y[$0 * (k + 2) + 1 + factor] }
      let all = Array(0..<n)
      let s1 = firstOrder(a, ab, b, all)
      let st = totalOrder(a, ab, b, all)
      let s1Spread = spread(resampling.map { firstOrder(a, ab, b, $0) })
      let stSpread = spread(resampling.map { totalOrder(a, ab, b, $0) })
      result.append(
        SensitivityEstimate(
          factor: factor, index: "S1", estimate: s1, low: s1 - normalQuantile975 * s1Spread,
          high: s1 + normalQuantile975 * s1Spread))
      result.append(
        SensitivityEstimate(
          factor: factor, index: "ST", estimate: st, low: st - normalQuantile975 * stSpread,
          high: st + normalQuantile975 * stSpread))
    }
    return result
  }

  /// `resamples` draws of n base-sample indices with replacement, from GSL's Mersenne Twister
  /// seeded with `seed`; one set serves every metric, so their intervals are paired.
  public static func bootstrapIndices(count n: Int, resamples: Int, seed: UInt64) -> [[Int]] {
    var stream = RandomStream(seed: seed)
    return (0..<resamples).map { _ in (0..<n).map { _ in stream.integer(below: n) } }
  }

  /// The population variance of A and B over the base samples `rows`, SALib's `np.var(np.r_[A, B])`.
  private static func variance(_ a: [Double], _ b: [Double], _ rows: [Int]) -> Double {
    let count = Double(2 * rows.count)
    let mean = rows.reduce(0) { $0 + a[$1] + b[$1] } / count
    return rows.reduce(0) { $0 + (a[$1] - mean) * (a[$1] - mean) + (b[$1] - mean) * (b[$1] - mean) } / count
  }

  /// Whether A and B over `rows` span more than machine epsilon: SALib returns 0 for an index
  /// when they do not (a constant output), or when their variance is that small.
  private static func isSpread(_ a: [Double], _ b: [Double], _ rows: [Int]) -> Bool {
    var low = Double.infinity
    var high = -Double.infinity
    for row in rows {
      low = min(low, a[row], b[row])
      high = max(high, a[row], b[row])
    }
    return high - low > .ulpOfOne
  }

  /// Saltelli et al. (2010), eq. (b) of their table 2, over the base samples `rows`. SALib
  /// returns 0 when A and B are all equal (a constant output); so does this.
  static func firstOrder(_ a: [Double], _ ab: [Double], _ b: [Double], _ rows: [Int]) -> Double {
    let v = variance(a, b, rows)
    guard isSpread(a, b, rows), v > .ulpOfOne else { return 0 }
    return rows.reduce(0) { $0 + b[$1] * (ab[$1] - a[$1]) } / Double(rows.count) / v
  }

  /// Jansen (1999), over the base samples `rows`.
  static func totalOrder(_ a: [Double], _ ab: [Double], _ b: [Double], _ rows: [Int]) -> Double {
    let v = variance(a, b, rows)
    guard isSpread(a, b, rows), v > .ulpOfOne else { return 0 }
    return 0.5 * rows.reduce(0) { $0 + (a[$1] - ab[$1]) * (a[$1] - ab[$1]) } / Double(rows.count) / v
  }

  /// The sample sd (n − 1) of bootstrap replicates, as NumPy's `std(ddof=1)`; NaN below two.
  static func spread(_ values: [Double]) -> Double { RunningMoments(values).standardDeviation }
}
