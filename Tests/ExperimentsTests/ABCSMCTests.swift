import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

/// A normal mean with known variance and a normal prior: θ ~ N(0, 0.2²), and the data's mean
/// x̄ ~ N(θ, 0.2²) (n = 25 observations of sd 1), observed x̄ = 0.5. The exact posterior is
/// N(0.25, 0.02): precisions 25 + 25, mean halfway between the prior's and the data's. The prior
/// is as informative as the data, so a sampler without the importance weights drifts towards the
/// data's 0.5. The simulator is one GSL normal draw, so the sampler can run thousands of times.
private enum ConjugateNormal {
  static let observed = 0.5
  static let noise = 0.2
  static let posteriorMean = 0.25
  static let posteriorSD = 0.02.squareRoot()

  static func sampler(
    particles: Int, generations: Int, seed: UInt64, jobs: Int, prior: Distribution = .normal(mean: 0, sd: 0.2)
  )
    -> ABCSMC
  {
    ABCSMC(
      priors: [prior],
      settings: ABCSettings(particles: particles, generations: generations, seed: seed, jobs: jobs),
      simulate: { values, seed in
        var stream = RandomStream(seed: seed)
        return [stream.normal(mean: values[0], standardDeviation: noise)]
      },
      distance: { abs($0[0] - observed) / noise })
  }

  static func last(_ outcome: ABCOutcome) throws -> ABCGeneration {
    guard case .completed(let generations, _) = outcome else {
      Issue.record("the sampler did not complete")
      throw CancellationError()
    }
    return try #require(generations.last)
  }

  static func weightedMoments(_ generation: ABCGeneration) -> (mean: Double, sd: Double) {
    let mean = generation.particles.reduce(0) { $0 + $1.weight * $1.values[0] }
    let variance = generation.particles.reduce(0) {
      $0 + $1.weight * ($1.values[0] - mean) * ($1.values[0] - mean)
    }
    return (mean, variance.squareRoot())
  }
}

@Suite("ABC-SMC")
struct ABCSMCTests {
  /// 400 particles, 6 generations. Tolerances: the weighted mean's Monte Carlo standard error
  /// is about sd/√ESS ≈ 0.141/√250 ≈ 0.009, and the last ε (≈ 0.15 in units of the noise sd,
  /// 0.03 in x̄) widens the ABC posterior by ε²/3, under 2% of its variance; so the mean must lie
  /// within 0.035 (4 standard errors) and the sd within 18% (its standard error is about 4.5%,
  /// plus the widening). Both fail for the prior (mean 0, sd 0.2) and for the likelihood alone
  /// (mean 0.5).
  @Test("it recovers the conjugate normal posterior of a normal mean with known variance")
  func recoversConjugatePosterior() throws {
    let generation = try ConjugateNormal.last(
      ConjugateNormal.sampler(particles: 400, generations: 6, seed: 7, jobs: 2).run())
    let (mean, sd) = ConjugateNormal.weightedMoments(generation)
    #expect(abs(mean - ConjugateNormal.posteriorMean) < 0.035, "posterior mean \(mean)")
    #expect(abs(sd / ConjugateNormal.posteriorSD - 1) < 0.18, "posterior sd \(sd)")
  }

  @Test("the tolerance shrinks every generation, each the median of the previous generation's distances")
  func toleranceShrinks() throws {
    guard
      case .completed(let generations, let stop) = ConjugateNormal.sampler(
        particles: 200, generations: 4, seed: 3, jobs: 1
      ).run()
    else { throw CancellationError() }
    #expect(stop == .generations)
    #expect(generations.count == 4)
    for (previous, next) in zip(generations, generations.dropFirst()) {
      #expect(next.epsilon < previous.epsilon)
      let below = previous.particles.filter { $0.distance <= next.epsilon }.reduce(0) { $0 + $1.weight }
      #expect(below >= 0.5 - 1e-9)
      #expect(next.particles.allSatisfy { $0.distance <= next.epsilon })
    }
  }

  @Test("the result is identical for any number of jobs")
  func identicalForAnyJobs() throws {
    let one = try ConjugateNormal.last(
      ConjugateNormal.sampler(particles: 150, generations: 4, seed: 11, jobs: 1).run())
    let three = try ConjugateNormal.last(
      ConjugateNormal.sampler(particles: 150, generations: 4, seed: 11, jobs: 3).run())
    #expect(one == three)
  }

  @Test("a proposal outside the prior's support is rejected, so every particle lies inside it")
  func proposalsOutsideSupportAreRejected() throws {
    // The likelihood sits at the prior's lower edge, so many perturbations land below 0.4.
    let prior = Distribution.uniform(lower: 0.4, upper: 2)
    guard
      case .completed(let generations, _) = ConjugateNormal.sampler(
        particles: 200, generations: 5, seed: 5, jobs: 2, prior: prior
      ).run()
    else { throw CancellationError() }
    let all = generations.flatMap(\.particles)
    #expect(all.allSatisfy { $0.values[0] >= 0.4 && $0.values[0] <= 2 })
    #expect(generations.dropFirst().contains { $0.proposals > $0.simulated })
  }

  @Test("generations stop at the acceptance-rate floor")
  func stopsAtTheFloor() throws {
    // Distances uniform and unrelated to θ: each generation halves ε, so the acceptance rate halves.
    var settings = ABCSettings(particles: 50, generations: 12, seed: 2, jobs: 1)
    settings.minimumAcceptanceRate = 0.1
    let sampler = ABCSMC(
      priors: [.uniform(lower: 0, upper: 1)], settings: settings,
      simulate: { _, seed in
        var stream = RandomStream(seed: seed)
        return [stream.uniform()]
      }, distance: { $0[0] })
    guard case .completed(let generations, let stop) = sampler.run() else { throw CancellationError() }
    #expect(stop == .acceptanceFloor)
    #expect(generations.count < 12)
    #expect(generations.allSatisfy { $0.acceptanceRate >= 0.1 })
    #expect(generations.allSatisfy { $0.proposals <= 500 })
  }
}
