/// Weighted statistics of a particle population: the normalised weights, the effective sample
/// size, means, covariance and quantiles, each defined once here for the SMC steps and the
/// outputs alike.
public struct WeightedSample: Sendable {
  /// One row per particle, one column per parameter.
  let points: [[Double]]
  /// Normalised: they sum to 1.
  let weights: [Double]

  public init(points: [[Double]], weights: [Double]) {
    self.points = points
    let total = weights.reduce(0, +)
    self.weights = weights.map { $0 / total }
  }

  var dimension: Int { points.first?.count ?? 0 }

  /// (Σw)² / Σw², as pyabc's `effective_sample_size`: N for equal weights, 1 when one particle
  /// holds all the weight.
  var effectiveSampleSize: Double { 1 / weights.reduce(0) { $0 + $1 * $1 } }

  var mean: [Double] {
    (0..<dimension).map { column in zip(points, weights).reduce(0) { $0 + $1.0[column] * $1.1 } }
  }

  /// Σ wᵢ (xᵢ − m)(xᵢ − m)ᵀ / (1 − Σ wᵢ²): NumPy's `cov(aweights=w)` with its default ddof = 1,
  /// which pyabc uses; the plain sample covariance when the weights are equal.
  var covariance: [[Double]] {
    let m = mean
    let correction = 1 - weights.reduce(0) { $0 + $1 * $1 }
    var result = Array(repeating: Array(repeating: 0.0, count: dimension), count: dimension)
    for (point, weight) in zip(points, weights) {
      for row in 0..<dimension {
        for column in 0...row {
          result[row][column] += weight * (point[row] - m[row]) * (point[column] - m[column])
        }
      }
    }
    for row in 0..<dimension {
      for column in 0...row {
        result[row][column] = correction > 0 ? result[row][column] / correction : 0
        result[column][row] = result[row][column]
      }
    }
    return result
  }

  /// The weighted α-quantile of `values` (one per particle): the smallest value whose cumulative
  /// weight, values sorted ascending (ties in particle order), reaches α. The lower weighted
  /// quantile, with no interpolation, so it is always one of the values.
  func quantile(_ alpha: Double, of values: [Double]) -> Double {
    let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    var cumulative = 0.0
    for index in order {
      cumulative += weights[index]
      if cumulative >= alpha - 1e-12 { return values[index] }
    }
    return values[order.last!]
  }

  /// The weighted quantile of parameter `column`.
  public func quantile(_ alpha: Double, column: Int) -> Double {
    quantile(alpha, of: points.map { $0[column] })
  }
}

/// The lower Cholesky factor L of a symmetric positive-definite matrix (A = L Lᵀ), or nil when
/// the matrix is not positive definite (a pivot ≤ 0).
func choleskyFactor(_ matrix: [[Double]]) -> [[Double]]? {
  let n = matrix.count
  var lower = Array(repeating: Array(repeating: 0.0, count: n), count: n)
  for row in 0..<n {
    for column in 0...row {
      var sum = matrix[row][column]
      for k in 0..<column { sum -= lower[row][k] * lower[column][k] }
      if row == column {
        guard sum > 0, sum.isFinite else { return nil }
        lower[row][column] = sum.squareRoot()
      } else {
        lower[row][column] = sum / lower[column][column]
      }
    }
  }
  return lower
}
