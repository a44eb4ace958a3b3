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
