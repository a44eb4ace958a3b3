import SimKernel

/// The paired t-test of per-seed differences (Student 1908): for a rerun that used the
/// baseline's own replication seeds, replication i of each run shares every random number the
/// model change did not touch, so the two samples are positively correlated and the test of the
/// differences' mean is much stronger than Welch's test of two independent samples. The p-value
/// is two-sided, from Student's t with n − 1 degrees of freedom (`StudentT`).
public struct PairedTTest: Sendable, Equatable {
  public var baselineMean: Double
  public var newMean: Double
  /// Two-sided p-value before any multiplicity correction.
  public var pValue: Double

  /// Pairs `baseline[i]` with `new[i]`; nil when the samples differ in length or one has `NA`
  /// where the other has a value (then they are not pairs: use Welch).
  ///
  /// Degenerate cases, decided without a test: no pairs at all pass (p = 1); when every
  /// difference is the same (or there is only one pair), a zero difference passes (p = 1) and
  /// any other fails (p = 0), as Welch's constant samples do.
  /// - Complexity: O(n).
  public init?(baseline: [Double], new: [Double]) {
    guard baseline.count == new.count else { return nil }
    var differences = RunningMoments()
    var baselineMoments = RunningMoments()
    var newMoments = RunningMoments()
    var allZero = true
    for (old, current) in zip(baseline, new) {
      guard old.isNaN == current.isNaN else { return nil }
      guard !old.isNaN else { continue }
      differences.add(current - old)
      baselineMoments.add(old)
      newMoments.add(current)
      allZero = allZero && current == old
    }
    baselineMean = baselineMoments.mean
    newMean = newMoments.mean
    guard differences.count > 0 else {
      pValue = 1
      return
    }
    let variance = differences.count < 2 ? 0 : differences.variance
    guard variance > 0 else {
      pValue = allZero ? 1 : 0
      return
    }
    let t = differences.mean / (variance / Double(differences.count)).squareRoot()
    pValue = StudentT.twoSidedPValue(t, degreesOfFreedom: differences.count - 1)
  }
}

/// One metric's test in a statistical check: paired when the runs share seeds, Welch otherwise.
public struct MeanComparison: Sendable, Equatable {
  public enum Method: String, Sendable {
    case paired = "paired t"
    case welch = "Welch"
  }

  public var method: Method
  public var baselineMean: Double
  public var newMean: Double
  /// new − baseline.
  public var difference: Double { newMean - baselineMean }
  /// Two-sided p-value before any multiplicity correction.
  public var pValue: Double

  /// The paired test when `paired` and the series pair up (same length, `NA` in the same
  /// places), else Welch's. The means are over all of each series' values either way.
  public init(baseline: [Double], new: [Double], paired: Bool) {
    let welch = WelchTest(baseline: baseline, new: new)
    baselineMean = welch.baselineMean
    newMean = welch.newMean
    if paired, let test = PairedTTest(baseline: baseline, new: new) {
      method = .paired
      pValue = test.pValue
    } else {
      method = .welch
      pValue = welch.pValue
    }
  }
}
