import Experiments
import Testing

@Suite("a posterior run's figures: two intervals and the share of parameter sets a strategy wins")
struct PosteriorStatisticsTests {
  @Test("two particle groups without chance give a zero chance interval and the parameters' spread")
  func workedIntervals() throws {
    // Groups {0, 0} and {1, 1}: σ²_chance = 0, σ²_parameters = (MSB − MSW)/K = (1 − 0)/2 = 0.5;
    // with parameter uncertainty 0.5 ± 1.96 √0.5.
    let intervals = try #require(PosteriorIntervals(replicationValues: [0, 0, 1, 1], runsPerParticle: 2))
    #expect(intervals.chance == IntervalEstimate(mean: 0.5, low: 0.5, high: 0.5, count: 4))
    #expect(abs(intervals.parameters.high - (0.5 + 1.96 * 0.5.squareRoot())) < 1e-12)
    #expect(intervals.parameterShare == 1)
  }

  @Test("with one run per particle there is no chance-only interval")
  func oneRunPerParticle() throws {
    let intervals = try #require(PosteriorIntervals(replicationValues: [0, 1, 0, 1], runsPerParticle: 1))
    #expect(intervals.chance == nil)
    #expect(intervals.parameterShare.isNaN)
  }

  @Test("the Wilson interval of 20 successes in 20 is 83.9% to 100%")
  func wilson() {
    let (low, high) = PosteriorBestShare.wilson(successes: 20, trials: 20)
    #expect(abs(low - 0.8389) < 1e-4)
    #expect(high == 1)
  }

  @Test("the strategy best on average wins the parameter sets where its mean over the set's runs is higher")
  func bestShareCountsGroupsWon() throws {
    // Two runs per set, three sets. a's means: 1, 5, 1 (overall 7/3); b's: 2, 2, 2 (overall 2).
    // a is best on average and best in set 2 only: 1 of 3.
    let share = try #require(
      PosteriorBestShare(
        series: [[1, 1, 5, 5, 1, 1], [2, 2, 2, 2, 2, 2]], higherIsBetter: true, runsPerParticle: 2))
    #expect(share.best == 0)
    #expect((share.wins, share.groups) == (1, 3))
    #expect((share.low, share.high) == PosteriorBestShare.wilson(successes: 1, trials: 3))
  }

  @Test("for an outcome where lower is better the strategy with the lower mean is best")
  func bestShareLowerIsBetter() throws {
    let share = try #require(
      PosteriorBestShare(
        series: [[1, 1, 5, 5, 1, 1], [2, 2, 2, 2, 2, 2]], higherIsBetter: false, runsPerParticle: 2))
    // b's mean 2 is below a's 7/3; b is lower only in set 2.
    #expect(share.best == 1)
    #expect((share.wins, share.groups) == (1, 3))
  }
}
