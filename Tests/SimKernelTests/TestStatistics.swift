import Foundation

/// Summary statistics the verification tests compare with theory. Two-pass, so the variance of
/// 40,000 draws carries no cancellation error worth the name.
struct SampleMoments {
  var count: Int
  var mean: Double
  /// The unbiased sample variance.
  var variance: Double
  /// The fourth central moment, for the standard error of the variance.
  var fourthCentralMoment: Double

  init(_ values: [Double]) {
    precondition(values.count > 1, "moments need at least two values")
    count = values.count
    let n = Double(values.count)
    mean = values.reduce(0, +) / n
    var squares = 0.0
    var fourths = 0.0
    for value in values {
      let deviation = (value - mean) * (value - mean)
      squares += deviation
      fourths += deviation * deviation
    }
    variance = squares / (n - 1)
    fourthCentralMoment = fourths / n
  }

  /// The standard error of the sample variance, sqrt((m4 − s⁴) / n), from the sample itself so
  /// that it holds for heavy tails (lognormal) and light ones (uniform) alike.
  var varianceStandardError: Double {
    (max(fourthCentralMoment - variance * variance, 0) / Double(count)).squareRoot()
  }
}

/// The one-sample Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)|.
func kolmogorovSmirnovStatistic(_ values: [Double], cdf: (Double) -> Double) -> Double {
  let sorted = values.sorted()
  let n = Double(sorted.count)
  var largest = 0.0
  for (index, value) in sorted.enumerated() {
    let expected = cdf(value)
    largest = max(largest, expected - Double(index) / n, Double(index + 1) / n - expected)
  }
  return largest
}

/// The asymptotic KS critical value at alpha = 0.001: sqrt(−ln(alpha / 2) / 2) / sqrt(n).
func kolmogorovSmirnovCriticalValue(count: Int) -> Double {
  1.9495 / Double(count).squareRoot()
}

/// Pearson's correlation coefficient of two equally long samples.
func pearsonCorrelation(_ x: [Double], _ y: [Double]) -> Double {
  precondition(x.count == y.count && x.count > 1, "correlation needs two samples of equal length")
  let n = Double(x.count)
  let meanX = x.reduce(0, +) / n
  let meanY = y.reduce(0, +) / n
  var sxy = 0.0
  var sxx = 0.0
  var syy = 0.0
  for (a, b) in zip(x, y) {
    sxy += (a - meanX) * (b - meanY)
    sxx += (a - meanX) * (a - meanX)
    syy += (b - meanY) * (b - meanY)
  }
  return sxy / (sxx * syy).squareRoot()
}
