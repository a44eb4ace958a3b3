import Foundation

/// Kim and Nelson's fully sequential indifference-zone selection procedure, "KN" (S.-H. Kim and
/// B. L. Nelson, "A fully sequential procedure for indifference-zone selection in simulation",
/// ACM TOMACS 11(3), 2001), for k alternatives sampled under common random numbers.
///
/// After a first stage of n₀ observations of every alternative, it estimates for each pair the
/// variance of their difference, S²ᵢₗ (so it allows unequal variances and correlation, which
/// common random numbers create on purpose). Then, after every observation r ≥ n₀, an
/// alternative i is eliminated when some other survivor l beats it by more than
///
///   Wᵢₗ(r) = max(0, δ/(2r) · (h²·S²ᵢₗ/δ² − r)),   h² = 2cη(n₀ − 1),
///   η = ½ · [(2α/(k − 1))^(−2/(n₀ − 1)) − 1],      c = 1,
///
/// comparing the survivors' running means against the set that survived the previous step. The
/// triangular continuation region closes at r = h²S²ᵢₗ/δ², so it ends by itself; the caller may
/// also cap it. Guarantee (for normally distributed observations, or approximately so, e.g.
/// means of many students): if the best mean exceeds every other by at least δ, the selected
/// alternative is the best with probability at least 1 − α; otherwise it is within δ of the
/// best with that probability.
///
/// Generic over what it samples: it is fed one observation vector at a time (the value of every
/// alternative in one replication, same seed for all), so a test can feed it normal draws and
/// `compare --select-best` the cohort model's metrics. Larger is better; negate to minimise.
public struct KimNelson: Sendable {
  /// The settings of one selection.
  public struct Configuration: Sendable, Equatable {
    /// δ: the smallest difference in means worth detecting.
    public var indifference: Double
    /// 1 − α: the probability of correct selection to guarantee.
    public var confidence: Double
    /// n₀: first-stage observations of every alternative (at least 2).
    public var firstStage: Int

    public init(indifference: Double, confidence: Double = 0.95, firstStage: Int = 10) {
      precondition(indifference > 0 && indifference.isFinite, "the indifference zone must be positive")
      precondition(confidence > 0 && confidence < 1, "the confidence must be in (0, 1)")
      precondition(firstStage >= 2, "KN needs a first stage of at least two observations")
      self.indifference = indifference
      self.confidence = confidence
      self.firstStage = firstStage
    }
  }

  /// Where an alternative stands.
  public enum Status: Sendable, Equatable {
    /// Still being sampled (or, at a cap, never separated from the others).
    case alive
    /// Eliminated after `observations` observations of it.
    case eliminated(after: Int)
    /// The one survivor.
    case selected
  }

  public let alternatives: Int
  public let configuration: Configuration
  /// h², from the number of alternatives, n₀ and α.
  public let hSquared: Double
  /// Observations of every surviving alternative so far (r).
  public private(set) var observations = 0
  public private(set) var statuses: [Status]
  private var sums: [Double]
  private var firstStage: [[Double]] = []
  /// S²ᵢₗ, row-major k × k, once the first stage is in.
  private var differenceVariances: [Double] = []

  /// A procedure for `alternatives` alternatives (at least two).
  public init(alternatives: Int, configuration: Configuration) {
    precondition(alternatives >= 2, "selection needs at least two alternatives")
    self.alternatives = alternatives
    self.configuration = configuration
    hSquared = Self.hSquared(
      alternatives: alternatives, confidence: configuration.confidence, firstStage: configuration.firstStage)
    statuses = Array(repeating: .alive, count: alternatives)
    sums = Array(repeating: 0, count: alternatives)
  }

  /// h² = 2cη(n₀ − 1) with c = 1 and η = ½[(2α/(k − 1))^(−2/(n₀ − 1)) − 1].
  public static func hSquared(alternatives k: Int, confidence: Double, firstStage n0: Int) -> Double {
    let alpha = 1 - confidence
    let eta = 0.5 * (pow(2 * alpha / Double(k - 1), -2 / Double(n0 - 1)) - 1)
    return 2 * eta * Double(n0 - 1)
  }

  /// True once one alternative remains.
  public var isFinished: Bool { statuses.contains(.selected) }

  /// The indices still alive (all of them before the first stage ends).
  public var survivors: [Int] {
    statuses.indices.filter { statuses[$0] == .alive || statuses[$0] == .selected }
  }

  /// Running mean of alternative `index` over the observations it received.
  public func mean(of index: Int) -> Double {
    let count = observationCount(of: index)
    return count > 0 ? sums[index] / Double(count) : .nan
  }

  /// Observations alternative `index` received: r for a survivor, the elimination point otherwise.
  public func observationCount(of index: Int) -> Int {
    if case .eliminated(let after) = statuses[index] { return after }
    return observations
  }

  /// Adds one observation vector (one value per alternative, in order; values of eliminated
  /// alternatives are ignored) and screens. Does nothing once finished.
  /// - Precondition: every surviving alternative's value is finite.
  /// - Complexity: O(k²).
  public mutating func add(_ values: [Double]) {
    precondition(values.count == alternatives, "one value per alternative")
    guard !isFinished else { return }
    observations += 1
    for index in survivors {
      precondition(values[index].isFinite, "KN needs a finite value of every surviving alternative")
      sums[index] += values[index]
    }
    if observations <= configuration.firstStage {
      firstStage.append(values)
      guard observations == configuration.firstStage else { return }
      estimateVariances()
    }
    screen()
  }

  /// S²ᵢₗ = the sample variance (divisor n₀ − 1) of Xᵢⱼ − Xₗⱼ over the first stage.
  private mutating func estimateVariances() {
    differenceVariances = Array(repeating: 0, count: alternatives * alternatives)
    for i in 0..<alternatives {
      for l in 0..<alternatives where l != i {
        differenceVariances[i * alternatives + l] = RunningMoments(firstStage.map { $0[i] - $0[l] }).variance
      }
    }
    firstStage = []
  }

  /// One screening step against the survivors of the previous step.
  private mutating func screen() {
    let previous = survivors
    let r = Double(observations)
    let delta = configuration.indifference
    func width(_ i: Int, _ l: Int) -> Double {
      max(0, delta / (2 * r) * (hSquared * differenceVariances[i * alternatives + l] / (delta * delta) - r))
    }
    for i in previous
    where previous.contains(where: { l in l != i && sums[i] / r < sums[l] / r - width(i, l) }) {
      statuses[i] = .eliminated(after: observations)
    }
    var remaining = survivors
    let regionsClosed = remaining.allSatisfy { i in remaining.allSatisfy { l in l == i || width(i, l) == 0 } }
    if remaining.count > 1 && regionsClosed {
      // Every continuation region has closed (W = 0 for every pair) and the survivors' means
      // are exactly equal: the procedure's end, where the largest mean is chosen; among exact
      // ties, the first listed.
      let best = remaining.max { sums[$0] < sums[$1] || (sums[$0] == sums[$1] && $0 > $1) }!
      for index in remaining where index != best { statuses[index] = .eliminated(after: observations) }
      remaining = [best]
    }
    if remaining.count == 1 { statuses[remaining[0]] = .selected }
  }
}
