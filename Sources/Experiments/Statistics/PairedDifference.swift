import SimKernel

/// The paired t-test of "strategy − reference" over replications that ran both with the same
/// seed. Pairing removes the variation the two share (the same world, students and exam luck:
/// common random numbers), so a real difference shows with far fewer replications than two
/// independent samples would need.
///
/// Only replications where both values are present (non-NaN) count.
public struct PairedDifference: Sendable, Equatable {
  /// Moments of the differences.
  public private(set) var differences = RunningMoments()

  public init() {}

  /// Adds one replication's pair; skipped when either value is NaN.
  /// - Complexity: O(1)
  public mutating func add(strategy: Double, reference: Double) {
    guard !strategy.isNaN, !reference.isNaN else { return }
    differences.add(strategy - reference)
  }

  /// Pairs counted.
  public var count: Int { differences.count }

  /// Mean of strategy − reference; NaN with no pairs.
  public var meanDifference: Double { differences.mean }

  /// The t-based 95% interval for the mean difference.
  public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
    differences.confidenceInterval(level: level)
  }

  /// Two-sided p-value of "the mean difference is zero": 2·Q(|d̄| / (s/√n); n − 1). NaN when
  /// there are fewer than two pairs or every difference is the same (s = 0), where the t
  /// statistic is undefined: a strategy compared with itself gets NaN, not 1.
  public var pValue: Double {
    let standardError = differences.standardError
    guard count > 1, standardError > 0 else { return .nan }
    return StudentT.twoSidedPValue(differences.mean / standardError, degreesOfFreedom: count - 1)
  }
}
