import SimKernel

/// Welch's unequal-variances t-test of two independent samples (Welch 1947, "The generalization
/// of 'Student's' problem when several different population variances are involved"), with
/// the Welch–Satterthwaite degrees of freedom and the p-value from Student's t (`StudentT`,
/// which takes fractional degrees of freedom).
///
/// Used when the runs do not share seeds, or a series cannot be paired (`MeanComparison`); a
/// rerun with the baseline's seeds is tested paired (`PairedTTest`), which keyed streams make
/// strongly correlated (MODEL.md §4).
public struct WelchTest: Sendable, Equatable {
  public var baselineMean: Double
  public var newMean: Double
  /// new − baseline.
  public var difference: Double { newMean - baselineMean }
  /// Two-sided p-value before any multiplicity correction.
  public var pValue: Double

  /// Compares `baseline` with `new`, ignoring NaN (`NA`) values.
  ///
  /// Degenerate cases, decided without a test: two samples with no values at all pass (p = 1);
  /// one with values and one without fails (p = 0). When either sample has no spread (fewer
  /// than two values, or every value equal) and both have none, the samples are constants:
  /// equal constants pass (p = 1) and different ones fail (p = 0). With one constant sample and
  /// one spread sample the test runs normally.
  /// - Complexity: O(n) in the samples' sizes.
  public init(baseline: [Double], new: [Double]) {
    let a = RunningMoments(baseline)
    let b = RunningMoments(new)
    baselineMean = a.mean
    newMean = b.mean
    if a.count == 0 || b.count == 0 {
      pValue = a.count == b.count ? 1 : 0
      return
    }
    let standardErrorA = a.count > 1 ? a.variance / Double(a.count) : 0
    let standardErrorB = b.count > 1 ? b.variance / Double(b.count) : 0
    let standardError = standardErrorA + standardErrorB
    guard standardError > 0 else {
      pValue = a.mean == b.mean ? 1 : 0
      return
    }
    let t = (b.mean - a.mean) / standardError.squareRoot()
    var denominator = 0.0
    if a.count > 1 { denominator += standardErrorA * standardErrorA / Double(a.count - 1) }
    if b.count > 1 { denominator += standardErrorB * standardErrorB / Double(b.count - 1) }
    let degreesOfFreedom = standardError * standardError / denominator
    pValue = StudentT.twoSidedPValue(t, degreesOfFreedom: degreesOfFreedom)
  }
}
