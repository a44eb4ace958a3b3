import SimKernel

/// Count, mean and variance of a stream of values, kept in O(1) memory so that a run of a million
/// replications aggregates as cheaply as a run of ten.
///
/// Uses Welford's update (B. P. Welford, "Note on a method for calculating corrected sums of
/// squares and products", Technometrics 4(3), 1962): the running mean and the sum of squared
/// deviations from it, which does not lose precision the way the textbook sum-of-squares
/// formula does when the mean is large next to the spread. The result depends on the order of
/// the values, which is why the runner feeds them in replication order.
///
/// NaN marks a replication with no data for the figure; it is skipped, so `count` is the number
/// of replications that had a value.
public struct RunningMoments: Sendable, Equatable {
  /// Values seen, NaN excluded.
  public private(set) var count = 0
  private var runningMean = 0.0
  private var squaredDeviations = 0.0

  public init() {}

  /// Moments of `values`, in order.
  public init<Values: Sequence>(_ values: Values) where Values.Element == Double {
    for value in values { add(value) }
  }

  /// Adds one value; NaN is ignored.
  /// - Complexity: O(1)
  public mutating func add(_ value: Double) {
    guard !value.isNaN else { return }
    count += 1
    let delta = value - runningMean
    runningMean += delta / Double(count)
    squaredDeviations += delta * (value - runningMean)
  }

  /// The mean, NaN when there are no values.
  public var mean: Double { count > 0 ? runningMean : .nan }

  /// The sample variance (divisor n − 1), NaN with fewer than two values.
  public var variance: Double { count > 1 ? squaredDeviations / Double(count - 1) : .nan }

  /// The sample standard deviation, NaN with fewer than two values.
  public var standardDeviation: Double { variance.squareRoot() }

  /// The standard error of the mean, s / √n; NaN with fewer than two values.
  public var standardError: Double { count > 1 ? standardDeviation / Double(count).squareRoot() : .nan }

  /// The two-sided t-based confidence interval for the mean at `level`:
  /// mean ± t(1 − (1 − level)/2; n − 1) · s / √n. Both ends are NaN with fewer than two values.
  public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
    let halfWidth =
      count > 1 ? StudentT.quantile(0.5 + level / 2, degreesOfFreedom: count - 1) * standardError : .nan
    return ConfidenceInterval(center: mean, halfWidth: halfWidth)
  }
}

/// A symmetric interval `center ± halfWidth`; NaN half-width means it could not be computed.
public struct ConfidenceInterval: Sendable, Equatable {
  public var center: Double
  public var halfWidth: Double

  public var low: Double { center - halfWidth }
  public var high: Double { center + halfWidth }
}
