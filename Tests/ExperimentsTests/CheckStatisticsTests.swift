import Experiments
import Testing

@Suite("Welch's test and Holm's correction")
struct CheckStatisticsTests {
  @Test("Welch's test matches SciPy's ttest_ind(equal_var=False)")
  func welchMatchesR() {
    // scipy.stats.ttest_ind(a, b, equal_var=False): t = -4.0575, df = 8.8476, p = 0.0029554.
    let test = WelchTest(
      baseline: [19.1, 20.3, 18.7, 21.0, 19.9], new: [22.4, 21.8, 23.9, 20.7, 22.2, 24.1])
    #expect(abs(test.pValue - 0.0029553558228037767) < 1e-9)
  }

  @Test("identical constant samples pass and different constants fail")
  func constantSamples() {
    #expect(WelchTest(baseline: [0.5, 0.5, 0.5], new: [0.5, 0.5]).pValue == 1)
    #expect(WelchTest(baseline: [0.5, 0.5, 0.5], new: [0.6, 0.6]).pValue == 0)
  }

  @Test("missing values are left out, and a series missing on one side only fails")
  func missingValues() {
    #expect(WelchTest(baseline: [.nan, 1, 1], new: [1, .nan]).pValue == 1)
    #expect(WelchTest(baseline: [.nan, .nan], new: [.nan]).pValue == 1)
    #expect(WelchTest(baseline: [.nan, .nan], new: [0.2, 0.3]).pValue == 0)
  }

  @Test("Holm's adjusted p-values match R's p.adjust")
  func holmMatchesR() {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
    let adjusted = HolmCorrection.adjusted([0.01, 0.04, 0.03, 0.005])
    for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) {
      #expect(abs(value - expected) < 1e-12)
    }
  }
}

@Suite("the paired t-test of per-seed differences")
struct PairedTTestTests {
  @Test("the paired test matches Student's t with n - 1 degrees of freedom")
  func pairedMatchesClosedForm() throws {
    // Differences 1, 2, 3, 4: t = 2.5 / (s / 2) = 3.87298, df = 3; the t(3) tail in closed form,
    // 2 · (1/2 − (atan(x) + x / (1 + x²)) / π) with x = t / √3, is 0.0304663.
    let test = try #require(PairedTTest(baseline: [10, 20, 30, 40], new: [11, 22, 33, 44]))
    #expect(abs(test.pValue - 0.030466291662170963) < 1e-9)
  }

  @Test("pairing finds a small shift that seed-to-seed spread hides from Welch's test")
  func pairingIsStrongerOnCorrelatedSamples() throws {
    let baseline = [10.0, 20, 30, 40, 50, 60]
    let new = zip(baseline, [1.1, 0.9, 1.0, 1.2, 0.8, 1.0]).map { $0 + $1 }
    #expect(MeanComparison(baseline: baseline, new: new, paired: true).pValue < 1e-4)
    #expect(MeanComparison(baseline: baseline, new: new, paired: false).pValue > 0.5)
  }

  @Test("series that do not pair up (other length, NA in other places) fall back to Welch")
  func unpairableSeriesUseWelch() {
    #expect(PairedTTest(baseline: [1, 2, 3], new: [1, 2]) == nil)
    #expect(PairedTTest(baseline: [1, .nan, 3], new: [1, 2, .nan]) == nil)
    #expect(MeanComparison(baseline: [1, .nan, 3], new: [1, 2, .nan], paired: true).method == .welch)
  }

  @Test("identical pairs pass and a constant nonzero difference fails")
  func constantDifferences() throws {
    #expect(try #require(PairedTTest(baseline: [1, 2, .nan], new: [1, 2, .nan])).pValue == 1)
    #expect(try #require(PairedTTest(baseline: [1, 2], new: [1.5, 2.5])).pValue == 0)
  }
}
