/// Splits a metric's variance over a posterior run into the part due to the parameters and the
/// part due to chance, by the law of total variance, Var(Y) = Var(E[Y | θ]) + E[Var(Y | θ)], with
/// the one-way random-effects analysis of variance as estimator (Searle, Casella and McCulloch,
/// "Variance Components", 1992, §3.5): particle groups are the groups.
///
/// With a groups holding n_i values each (N in all; NA values are left out, so groups may be
/// unequal), group means ȳ_i and grand mean ȳ:
///
///     MSW = Σ_i Σ_j (y_ij − ȳ_i)² / (N − a)          estimates σ²_chance = E[Var(Y | θ)]
///     MSB = Σ_i n_i (ȳ_i − ȳ)² / (a − 1)
///     n₀  = (N − Σ_i n_i² / N) / (a − 1)              = K when every group has K values
///     σ²_parameters = max(0, (MSB − MSW) / n₀)        estimates Var(E[Y | θ])
///
/// The variance of the group means overstates the parameters' share by σ²_chance / K (each mean
/// still carries K runs' chance); subtracting MSW / n₀ is that bias correction, and truncating
/// at 0 keeps a negative estimate (possible when parameters matter little) from being reported.
/// The shares are each component over their sum. With one value per group (K = 1) chance and
/// parameters cannot be told apart and both shares are NaN.
///
/// Kept in O(1) memory: each finished group is merged into the totals with Chan, Golub and
/// LeVeque's pairwise update, so SSB = (total sum of squares) − SSW is never formed from large
/// sums of squares.
public struct VarianceSplit: Sendable, Equatable {
  /// The group being filled: its number and moments.
  private var currentGroup: Int?
  private var current = RunningMoments()
  /// Groups finished (with at least one value), values in them, Σ n_i², SSW.
  private var groups = 0
  private var count = 0
  private var sumOfSquaredSizes = 0.0
  private var withinSquares = 0.0
  /// Mean and total sum of squares of every value of finished groups.
  private var totalMean = 0.0
  private var totalSquares = 0.0

  public init() {}

  /// Adds one value of group `group`. Groups must arrive one after another (all of group 0's
  /// values, then group 1's, …), as replications do in order; NaN is ignored.
  /// - Complexity: O(1)
  public mutating func add(_ value: Double, group: Int) {
    if currentGroup != group {
      closeGroup()
      currentGroup = group
    }
    current.add(value)
  }

  private mutating func closeGroup() {
    let moments = current
    current = RunningMoments()
    guard moments.count > 0 else { return }
    let n = Double(moments.count)
    let squares = moments.count > 1 ? moments.variance * (n - 1) : 0
    let merged = Double(count) + n
    let delta = moments.mean - totalMean
    totalSquares += squares + delta * delta * Double(count) * n / merged
    totalMean += delta * n / merged
    count += moments.count
    groups += 1
    sumOfSquaredSizes += n * n
    withinSquares += squares
  }

  /// The two components and their shares.
  public struct Estimate: Sendable, Equatable {
    /// σ²_parameters: the variance of the metric's expected value across the posterior.
    public var parameterVariance: Double
    /// σ²_chance: the variance of one replication's value around its particle's expected value.
    public var chanceVariance: Double
    public var parameterShare: Double { parameterVariance / (parameterVariance + chanceVariance) }
    public var chanceShare: Double { chanceVariance / (parameterVariance + chanceVariance) }
  }

  /// The estimate over every value added; both components NaN when there are fewer than two
  /// groups or no group with two values (K = 1), and the shares NaN too when both are 0.
  public var estimate: Estimate {
    var copy = self
    copy.closeGroup()
    let n = Double(copy.count)
    let a = Double(copy.groups)
    guard copy.groups >= 2, copy.count > copy.groups else {
      return Estimate(parameterVariance: .nan, chanceVariance: .nan)
    }
    let within = copy.withinSquares / (n - a)
    let between = (copy.totalSquares - copy.withinSquares) / (a - 1)
    let n0 = (n - copy.sumOfSquaredSizes / n) / (a - 1)
    return Estimate(parameterVariance: max(0, (between - within) / n0), chanceVariance: within)
  }
}
