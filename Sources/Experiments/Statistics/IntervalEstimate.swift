import SimKernel

/// A mean over replications with its 95% Student-t interval: the estimate every figure of the
/// report shows, computed the way `summary.csv` computes it.
public struct IntervalEstimate: Equatable, Sendable {
  public var mean: Double
  public var low: Double
  public var high: Double
  public var count: Int

  /// The estimate from one value per replication; NaN values (no data) are left out. With one
  /// value the interval is that value; with none, everything is NaN.
  public init(replicationValues values: [Double]) {
    let finite = values.filter { !$0.isNaN }
    count = finite.count
    guard !finite.isEmpty else {
      (mean, low, high) = (.nan, .nan, .nan)
      return
    }
    mean = finite.reduce(0, +) / Double(finite.count)
    guard finite.count > 1 else {
      (low, high) = (mean, mean)
      return
    }
    let centre = mean
    let variance = finite.reduce(0) { $0 + ($1 - centre) * ($1 - centre) } / Double(finite.count - 1)
    let half =
      StudentT.quantile(0.975, degreesOfFreedom: finite.count - 1)
      * (variance / Double(finite.count)).squareRoot()
    (low, high) = (mean - half, mean + half)
  }

  public init(mean: Double, low: Double, high: Double, count: Int) {
    (self.mean, self.low, self.high, self.count) = (mean, low, high, count)
  }
}
