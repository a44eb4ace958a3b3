import Experiments
import Foundation
import SimKernel
import Testing

/// KN on synthetic problems with known means, without the cohort model.
@Suite("Kim and Nelson's fully sequential selection")
struct KimNelsonTests {
  /// Runs KN once on normal alternatives with means `means` and standard deviation `sd`; with
  /// `sharedShock` > 0 every alternative of a replication shares a normal shock of that standard
  /// deviation (common random numbers make alternatives positively correlated). Returns the
  /// selected index, or nil at the cap.
  static func select(
    means: [Double], sd: Double, sharedShock: Double = 0, configuration: KimNelson.Configuration,
    seed: UInt64,
    cap: Int = 100_000
  ) -> (selected: Int?, procedure: KimNelson) {
    var stream = RandomStream(seed: seed)
    var procedure = KimNelson(alternatives: means.count, configuration: configuration)
    while !procedure.isFinished && procedure.observations < cap {
      let shock = sharedShock > 0 ? stream.normal(mean: 0, standardDeviation: sharedShock) : 0
      procedure.add(means.map { $0 + shock + stream.normal(mean: 0, standardDeviation: sd) })
    }
    return (procedure.statuses.firstIndex(of: .selected), procedure)
  }

  /// The smallest count c with P(X < c) ≤ 0.01 for X ~ Binomial(n, p): a correct-selection count
  /// below it would reject "PCS ≥ p" in a one-sided exact binomial test at the 1% level.
  static func binomialLowerBound(trials n: Int, probability p: Double) -> Int {
    func logChoose(_ k: Int) -> Double {
      lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
    var cumulative = 0.0
    for c in 0...n {
      let next = cumulative + exp(logChoose(c) + Double(c) * log(p) + Double(n - c) * log1p(-p))
      if next > 0.01 { return c }
      cumulative = next
    }
    return n
  }

  @Test("h² matches the value computed by hand for five alternatives, n₀ = 10 and α = 0.05")
  func hSquaredByHand() {
    // η = ½((2·0.05/4)^(−2/9) − 1) = ½(0.025^(−0.2222…) − 1); h² = 2η·9.
    let eta = 0.5 * (pow(0.025, -2.0 / 9.0) - 1)
    #expect(abs(KimNelson.hSquared(alternatives: 5, confidence: 0.95, firstStage: 10) - 18 * eta) < 1e-12)
    #expect(abs(18 * eta - 11.4294) < 1e-4)
  }

  @Test(
    "in the slippage configuration the best is selected at least as often as promised, over 200 macro-replications"
  )
  func slippageConfiguration() {
    // Five alternatives, the best exactly δ above four equal others (the least favourable
    // configuration for an indifference-zone procedure). KN promises PCS ≥ 0.95; with 200
    // macro-replications the correct count must reach the exact one-sided 1% binomial bound
    // for p = 0.95 (182 of 200: P(X ≤ 181) = 0.006, P(X ≤ 182) = 0.012): failing it would be evidence, at the 1% level, that PCS < 0.95.
    let configuration = KimNelson.Configuration(indifference: 0.5, confidence: 0.95, firstStage: 10)
    let means = [0, 0, 0.5, 0, 0]
    var correct = 0
    for macro in 0..<200 {
      let (selected, _) = Self.select(
        means: means, sd: 1, configuration: configuration, seed: SeedDerivation.splitmix64(UInt64(macro)))
      if selected == 2 { correct += 1 }
    }
    let bound = Self.binomialLowerBound(trials: 200, probability: 0.95)
    #expect(bound == 182)
    #expect(correct >= bound, "correct selections \(correct) of 200")
  }

  @Test("under common random numbers (a shared shock) the guarantee holds too, with unequal variances")
  func slippageWithCommonRandomNumbers() {
    // The shared shock cancels in every difference, so S² estimates the residual variance only;
    // unequal residual spreads exercise the pairwise variances. Same bound as above.
    let configuration = KimNelson.Configuration(indifference: 0.2, confidence: 0.95, firstStage: 10)
    let means = [0.2, 0, 0, 0]
    var correct = 0
    for macro in 0..<200 {
      var stream = RandomStream(seed: SeedDerivation.splitmix64(UInt64(1000 + macro)))
      var procedure = KimNelson(alternatives: 4, configuration: configuration)
      let spreads = [0.5, 0.3, 0.6, 0.4]
      while !procedure.isFinished {
        let shock = stream.normal(mean: 0, standardDeviation: 3)
        procedure.add(zip(means, spreads).map { $0 + shock + stream.normal(mean: 0, standardDeviation: $1) })
      }
      if procedure.statuses[0] == .selected { correct += 1 }
    }
    #expect(
      correct >= Self.binomialLowerBound(trials: 200, probability: 0.95),
      "correct selections \(correct) of 200")
  }

  @Test("a far worse alternative is eliminated right after the first stage")
  func clearLoserGoesAtFirstScreen() {
    let configuration = KimNelson.Configuration(indifference: 0.1, confidence: 0.95, firstStage: 10)
    let (_, procedure) = Self.select(means: [0, 100, 0.05], sd: 1, configuration: configuration, seed: 7)
    #expect(procedure.statuses[0] == .eliminated(after: 10))
    #expect(procedure.statuses[2] == .eliminated(after: 10))
    #expect(procedure.statuses[1] == .selected)
  }

  @Test("nothing is eliminated during the first stage")
  func firstStageOnly() {
    let configuration = KimNelson.Configuration(indifference: 0.1, confidence: 0.95, firstStage: 10)
    let (_, procedure) = Self.select(means: [0, 100], sd: 1, configuration: configuration, seed: 7, cap: 9)
    #expect(procedure.statuses == [.alive, .alive])
    #expect(procedure.observations == 9)
  }

  @Test("two identical alternatives end when the continuation region closes, the first listed chosen")
  func exactTiesEnd() {
    // S² = 0 for the pair, so W = 0 at once: the region is closed and the means tie exactly.
    let configuration = KimNelson.Configuration(indifference: 0.1, confidence: 0.95, firstStage: 5)
    var procedure = KimNelson(alternatives: 2, configuration: configuration)
    for value in [1.0, 2, 3, 4, 5] { procedure.add([value, value]) }
    #expect(procedure.statuses == [.selected, .eliminated(after: 5)])
  }
}
