/// Under what share of a posterior run's parameter sets the strategy best on average is still
/// best: the particle groups of the run (K consecutive replications each, independent draws
/// from the posterior) are compared one by one, each strategy by its mean over the group's runs,
/// and the share of groups the overall best wins comes with its 95% Wilson interval.
public struct PosteriorBestShare: Sendable {
  /// The index (into the series given) of the strategy best on average over every replication.
  public var best: Int
  /// How many particle groups there were, and in how many `best` was best.
  public var groups: Int
  public var wins: Int
  /// The 95% Wilson score interval of `wins / groups`.
  public var low: Double
  public var high: Double

  public var share: Double { Double(wins) / Double(groups) }

  /// `series` holds one value per replication for each strategy, all in the same replication
  /// order; NaN values (no data) are left out of a mean, and a strategy with none in a group
  /// never wins it. Nil unless there are two strategies or more, of equal and non-zero length.
  public init?(series: [[Double]], higherIsBetter: Bool, runsPerParticle: Int) {
    guard series.count > 1, let count = series.first?.count, count > 0,
      series.allSatisfy({ $0.count == count })
    else { return nil }
    let sign = higherIsBetter ? 1.0 : -1.0
    func mean(_ values: some Collection<Double>) -> Double {
      let finite = values.filter { !$0.isNaN }
      return finite.isEmpty ? -.infinity : sign * finite.reduce(0, +) / Double(finite.count)
    }
    let overall = series.map { mean($0) }
    best = overall.indices.max { overall[$0] < overall[$1] }!
    (groups, wins) = (0, 0)
    for start in stride(from: 0, to: count, by: runsPerParticle) {
      let end = min(count, start + runsPerParticle)
      let means = series.map { mean($0[start..<end]) }
      groups += 1
      if means.indices.max(by: { means[$0] < means[$1] }) == best { wins += 1 }
    }
    (low, high) = Self.wilson(successes: wins, trials: groups)
  }

  /// The Wilson score interval for a binomial proportion at 95% (Wilson 1927).
  public static func wilson(successes: Int, trials: Int) -> (Double, Double) {
    let z = 1.959_963_984_540_054
    let n = Double(trials)
    let p = Double(successes) / n
    let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
    return (max(0, centre - half), min(1, centre + half))
  }
}
