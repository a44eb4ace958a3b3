import Experiments
import Testing

@Suite("the variance split into parameters and chance")
struct VarianceSplitTests {
  /// Adds `groups[i]` as group i.
  private func split(_ groups: [[Double]]) -> VarianceSplit.Estimate {
    var split = VarianceSplit()
    for (group, values) in groups.enumerated() {
      for value in values { split.add(value, group: group) }
    }
    return split.estimate
  }

  @Test("two groups of two give the worked one-way ANOVA answer")
  func workedExample() {
    // Means 2 and 6: MSW = (1 + 1 + 1 + 1) / 2 = 2, MSB = 2 · (4 + 4) / 1 = 16, n₀ = 2,
    // σ²_parameters = (16 − 2) / 2 = 7, σ²_chance = 2.
    let estimate = split([[1, 3], [5, 7]])
    #expect(abs(estimate.parameterVariance - 7) < 1e-12)
    #expect(abs(estimate.chanceVariance - 2) < 1e-12)
    #expect(abs(estimate.parameterShare - 7.0 / 9) < 1e-12)
    #expect(abs(estimate.chanceShare - 2.0 / 9) < 1e-12)
  }

  @Test("the variance of group means is corrected for the chance it still carries")
  func biasCorrection() {
    // Group means 5 and 6 differ by chance alone could be; var of means = 0.5, MSW/K = 12.5/2:
    // the corrected estimate is (MSB − MSW)/K = (1 − 12.5)/2 < 0, truncated at 0.
    let estimate = split([[0, 10], [6, 6]])
    #expect(estimate.parameterVariance == 0)
    #expect(estimate.parameterShare == 0)
    #expect(estimate.chanceShare == 1)
  }

  @Test("groups of unequal size use n₀ in place of K")
  func unequalGroups() {
    // Sizes 1 and 3 (N = 4, a = 2): n₀ = (4 − 10/4) / 1 = 1.5; means 4 and 2, grand mean 2.5:
    // SSB = 1·2.25 + 3·0.25 = 3, SSW = 0 + (1 + 0 + 1) = 2, MSW = 2/2 = 1, MSB = 3,
    // σ²_parameters = (3 − 1)/1.5 = 4/3.
    let estimate = split([[4], [1, 2, 3]])
    #expect(abs(estimate.parameterVariance - 4.0 / 3) < 1e-12)
    #expect(abs(estimate.chanceVariance - 1) < 1e-12)
  }

  @Test("with one run per particle the split is NaN")
  func oneRunPerParticle() {
    let estimate = split([[1], [2], [5]])
    #expect(estimate.parameterShare.isNaN && estimate.chanceShare.isNaN)
  }

  @Test("missing values are left out of their group")
  func missingValues() {
    #expect(split([[1, .nan, 3], [5, 7, .nan]]) == split([[1, 3], [5, 7]]))
  }
}
