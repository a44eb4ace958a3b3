import Foundation
import SimKernel

/// The settings of one ABC-SMC run.
public struct ABCSettings: Sendable, Equatable {
  /// Accepted particles per generation (N).
  public var particles: Int
  /// The most generations (G), the first sampled from the prior.
  public var generations: Int
  /// Every draw derives from it: proposal k of generation t is seeded from (seed, t, k).
  public var seed: UInt64
  public var jobs: Int
  /// ε_t is this weighted quantile of generation t − 1's accepted distances (Beaumont et al.
  /// 2009's adaptive schedule; 0.5, the median, as pyabc's `QuantileEpsilon` default). ε₀ is the
  /// same quantile of the distances of generation 0's first N prior proposals (pyabc's
  /// "from_sample" start), which then compete for acceptance like every later proposal.
  public var epsilonQuantile: Double = 0.5
  /// The acceptance-rate floor: a generation may make at most ⌈N / floor⌉ proposals, so one
  /// that reaches the cap before N acceptances has an acceptance rate below the floor; it is
  /// dropped, the generations stop, and the previous generation is the posterior. 0.02 by default:
  /// past it each accepted particle costs more than 50 simulations for a small gain in tolerance.
  public var minimumAcceptanceRate: Double = 0.02

  public init(particles: Int, generations: Int, seed: UInt64, jobs: Int) {
    self.particles = particles
    self.generations = generations
    self.seed = seed
    self.jobs = jobs
  }

  /// The cap on one generation's proposals.
  public var maximumProposals: Int { Int((Double(particles) / minimumAcceptanceRate).rounded(.up)) }

  /// Memory the calibration holds: every generation's particles (kept for `posterior.csv`), each
  /// two small arrays (about 160 bytes with their headers) and 8 bytes a parameter and target.
  public func memoryBytes(parameters: Int, targets: Int) -> Double {
    Double(particles) * Double(generations) * (160 + 8 * Double(parameters + targets))
  }

  /// The most memory a calibration may plan to hold, as a sweep (`SweepDesign.maximumMemoryBytes`).
  public static let maximumMemoryBytes = SweepDesign.maximumMemoryBytes
}

/// One accepted particle: its parameters, normalised weight, distance and summary statistics
/// (one per target, as the simulator returned them).
public struct ABCParticle: Sendable, Equatable {
  public var values: [Double]
  public var weight: Double
  public var distance: Double
  public var statistics: [Double]
}

/// One completed generation.
public struct ABCGeneration: Sendable, Equatable {
  public var index: Int
  public var epsilon: Double
  public var particles: [ABCParticle]
  /// Proposals made up to and including the N-th acceptance (those outside the prior's support
  /// included, which are rejected without a simulation).
  public var proposals: Int
  /// Proposals simulated (inside the prior's support).
  public var simulated: Int
  public var acceptanceRate: Double { Double(particles.count) / Double(proposals) }
  public var effectiveSampleSize: Double {
    WeightedSample(points: particles.map(\.values), weights: particles.map(\.weight)).effectiveSampleSize
  }
}

/// Why the generations stopped.
public enum ABCStop: String, Sendable, Equatable {
  /// G generations done.
  case generations
  /// The next generation reached ⌈N / floor⌉ proposals before N acceptances (its acceptance rate
  /// fell below the floor); it was dropped.
  case acceptanceFloor = "acceptance_floor"
}

/// How far a calibration has got, for progress lines and logs.
public struct ABCProgress: Sendable {
  public var generation: Int
  public var generations: Int
  public var accepted: Int
  public var particles: Int
  public var proposals: Int
  public var epsilon: Double?
  public var elapsedSeconds: Double
}

/// The result of `ABCSMC.run`.
public enum ABCOutcome: Sendable {
  case completed([ABCGeneration], stop: ABCStop)
  case cancelled
}

/// ABC-SMC (Toni et al. 2009, "Approximate Bayesian computation scheme for parameter inference
/// and model selection in dynamical systems") with Beaumont et al. 2009's adaptive tolerance and
/// perturbation kernel ("Adaptive approximate Bayesian computation"):
///
/// - Generation 0 proposes from the prior; every weight is equal.
/// - Generation t ≥ 1 picks an ancestor j of generation t − 1 by weight and proposes
///   θ* = θⱼ + L z, z ~ N(0, I), where L Lᵀ = Σ = 2 × the weighted covariance of generation t − 1.
///   A proposal with prior density 0 (outside the support) is rejected without a simulation.
/// - A proposal is accepted when its distance ≤ ε_t (see `ABCSettings.epsilonQuantile`), and gets
///   weight wᵢ ∝ π(θᵢ) / Σⱼ wⱼ K(θᵢ | θⱼ), with K the normal density of covariance Σ.
///
/// Generic over the simulator — a closure from parameters and a seed to summary statistics — and
/// the distance, so the test suite drives it thousands of times on a model with a known posterior.
/// Proposal k of generation t draws every number (ancestor, perturbation or prior draw) from a
/// GSL stream seeded by (seed, t, k), and its simulation gets a seed derived from the same key;
/// proposals run in parallel and are consumed in k order, taking the first N accepted, so the
/// result is the same for any `jobs`.
public struct ABCSMC: Sendable {
  public let priors: [Distribution]
  public let settings: ABCSettings
  public let simulate: @Sendable (_ values: [Double], _ seed: UInt64) -> [Double]
  public let distance: @Sendable (_ statistics: [Double]) -> Double

  public init(
    priors: [Distribution], settings: ABCSettings,
    simulate: @escaping @Sendable (_ values: [Double], _ seed: UInt64) -> [Double],
    distance: @escaping @Sendable (_ statistics: [Double]) -> Double
  ) {
    self.priors = priors
    self.settings = settings
    self.simulate = simulate
    self.distance = distance
  }

  static let proposalPurpose = DrawPurpose("abc-smc proposal")
  static let simulationPurpose = DrawPurpose("abc-smc simulation")
  static let predictivePurpose = DrawPurpose("abc-smc posterior predictive")

  /// The seed of proposal `proposal` of generation `generation` for `purpose`.
  static func seed(_ master: UInt64, _ purpose: DrawPurpose, generation: Int, proposal: Int) -> UInt64 {
    SeedDerivation.drawSeed(
      replicationSeed: master, key: DrawKey(purpose, entity: generation, occurrence: proposal))
  }

  func priorDensity(_ values: [Double]) -> Double {
    zip(priors, values).reduce(1) { $0 * $1.0.density($1.1) }
  }

  /// Runs generations until G or the acceptance-rate floor stops them (no generation at all when
  /// even generation 0, which accepts about `epsilonQuantile` of its proposals, is below it).
  public func run(cancellation: Cancellation = Cancellation(), progress: (ABCProgress) -> Void = { _ in })
    -> ABCOutcome
  {
    let stopwatch = Stopwatch()
    var done: [ABCGeneration] = []
    for generation in 0..<settings.generations {
      let kernel = done.last.map(PerturbationKernel.init)
      guard
        let next = runGeneration(
          generation, previous: done.last, kernel: kernel, cancellation: cancellation,
          progress: { accepted, proposals, epsilon in
            progress(
              ABCProgress(
                generation: generation, generations: settings.generations, accepted: accepted,
                particles: settings.particles, proposals: proposals, epsilon: epsilon,
                elapsedSeconds: stopwatch.elapsedSeconds))
          })
      else {
        return cancellation.isCancelled ? .cancelled : .completed(done, stop: .acceptanceFloor)
      }
      done.append(next)
    }
    return .completed(done, stop: .generations)
  }

  /// A proposal's outcome: its parameters, and its statistics and distance when it was simulated.
  struct Proposal: Sendable {
    var values: [Double]
    var statistics: [Double]?
    var distance: Double
  }

  /// Draws and simulates proposal `index` of `generation`.
  func propose(generation: Int, index: Int, previous: ABCGeneration?, kernel: PerturbationKernel?) -> Proposal
  {
    var stream = RandomStream(
      seed: Self.seed(settings.seed, Self.proposalPurpose, generation: generation, proposal: index))
    let values: [Double]
    if let previous, let kernel {
      let ancestor = Distribution.pick(weights: previous.particles.map(\.weight), u: stream.uniform())
      values = kernel.perturb(previous.particles[ancestor].values, &stream)
    } else {
      values = priors.map { $0.sample(&stream) }
    }
    guard priorDensity(values) > 0 else {
      return Proposal(values: values, statistics: nil, distance: .infinity)
    }
    let statistics = simulate(
      values, Self.seed(settings.seed, Self.simulationPurpose, generation: generation, proposal: index))
    return Proposal(values: values, statistics: statistics, distance: distance(statistics))
  }

  /// One generation, or nil when cancelled or capped.
  private func runGeneration(
    _ generation: Int, previous: ABCGeneration?, kernel: PerturbationKernel?, cancellation: Cancellation,
    progress: (Int, Int, Double?) -> Void
  ) -> ABCGeneration? {
    let particles = settings.particles
    var epsilon: Double? = previous.map { previous in
      WeightedSample(points: previous.particles.map(\.values), weights: previous.particles.map(\.weight))
        .quantile(settings.epsilonQuantile, of: previous.particles.map(\.distance))
    }
    var accepted: [Proposal] = []
    /// Generation 0's first N proposals, held until ε₀ is known.
    var calibration: [Proposal] = []
    var proposals = 0
    var simulated = 0
    let this = self
    let completion = try? orderedParallelMap(
      0..<settings.maximumProposals, jobs: settings.jobs, cancellation: cancellation,
      work: { index in this.propose(generation: generation, index: index, previous: previous, kernel: kernel)
      },
      consume: { (index: Int, proposal: Proposal) throws(GenerationFull) in
        proposals = index + 1
        if proposal.statistics != nil { simulated += 1 }
        if let threshold = epsilon {
          if proposal.distance <= threshold { accepted.append(proposal) }
        } else {
          calibration.append(proposal)
          if calibration.count == particles {
            let sample = WeightedSample(
              points: calibration.map(\.values), weights: calibration.map { _ in 1 })
            let threshold = sample.quantile(settings.epsilonQuantile, of: calibration.map(\.distance))
            epsilon = threshold
            accepted = calibration.filter { $0.distance <= threshold }
          }
        }
        progress(accepted.count, proposals, epsilon)
        if accepted.count >= particles { throw GenerationFull() }
      }, idle: { progress(accepted.count, proposals, epsilon) })
    guard completion == nil, !cancellation.isCancelled, let epsilon, accepted.count >= particles else {
      return nil
    }
    let chosen = Array(accepted.prefix(particles))
    let weights = chosen.map { proposal -> Double in
      guard let previous, let kernel else { return 1 }
      let denominator = previous.particles.reduce(0) {
        $0 + $1.weight * kernel.density(proposal.values, from: $1.values)
      }
      return priorDensity(proposal.values) / denominator
    }
    let total = weights.reduce(0, +)
    return ABCGeneration(
      index: generation, epsilon: epsilon,
      particles: zip(chosen, weights).map {
        ABCParticle(values: $0.values, weight: $1 / total, distance: $0.distance, statistics: $0.statistics!)
      }, proposals: proposals, simulated: simulated)
  }

  /// `draws` simulations at parameters drawn by weight from `generation`: draw d picks its particle
  /// and seeds its simulation from (seed, d). Returns, per draw, the particle's index and the
  /// statistics.
  public func posteriorPredictive(
    _ generation: ABCGeneration, draws: Int, cancellation: Cancellation = Cancellation()
  )
    -> [(particle: Int, statistics: [Double])]?
  {
    let weights = generation.particles.map(\.weight)
    var results: [(particle: Int, statistics: [Double])] = []
    let this = self
    let completion = orderedParallelMap(
      0..<draws, jobs: settings.jobs, cancellation: cancellation,
      work: { draw -> (Int, [Double]) in
        var stream = RandomStream(
          seed: Self.seed(
            this.settings.seed, Self.predictivePurpose, generation: generation.index, proposal: draw))
        let particle = Distribution.pick(weights: weights, u: stream.uniform())
        return (
          particle,
          this.simulate(
            generation.particles[particle].values,
            Self.seed(this.settings.seed, Self.predictivePurpose, generation: -1, proposal: draw))
        )
      },
      consume: { (_: Int, result: (Int, [Double])) in results.append((result.0, result.1)) })
    return completion == .cancelled ? nil : results
  }
}

/// Thrown by a generation's consumer to stop the parallel map once N particles are accepted.
private struct GenerationFull: Error {}

/// The Gaussian perturbation kernel of a generation: covariance twice the weighted covariance of
/// its particles (Beaumont et al. 2009), drawn as θ + L z with L its Cholesky factor and z from
/// GSL's ziggurat normals. When the covariance is singular (particles identical in some
/// direction) its diagonal is used, with a variance of 10⁻¹² for a parameter that does not vary.
struct PerturbationKernel: Sendable {
  let lower: [[Double]]
  /// log √((2π)^k |Σ|).
  let logNormaliser: Double

  init(_ generation: ABCGeneration) {
    let sample = WeightedSample(
      points: generation.particles.map(\.values), weights: generation.particles.map(\.weight))
    let doubled: [[Double]] = sample.covariance.map { row in row.map { 2 * $0 } }
    let factor: [[Double]] = choleskyFactor(doubled) ?? Self.diagonal(doubled)
    lower = factor
    var logDeterminantRoot = 0.0
    for index in factor.indices { logDeterminantRoot += log(factor[index][index]) }
    logNormaliser = 0.5 * Double(factor.count) * log(2 * Double.pi) + logDeterminantRoot
  }

  /// The square roots of the diagonal, as a lower-triangular factor.
  private static func diagonal(_ matrix: [[Double]]) -> [[Double]] {
    var factor: [[Double]] = Array(repeating: Array(repeating: 0.0, count: matrix.count), count: matrix.count)
    for index in matrix.indices { factor[index][index] = max(matrix[index][index], 1e-12).squareRoot() }
    return factor
  }

  func perturb(_ centre: [Double], _ stream: inout RandomStream) -> [Double] {
    let z = centre.indices.map { _ in stream.normal(mean: 0, standardDeviation: 1) }
    return centre.indices.map { row in centre[row] + (0...row).reduce(0) { $0 + lower[row][$1] * z[$1] } }
  }

  /// K(x | centre): the normal density of covariance L Lᵀ, by forward substitution L y = x − centre.
  func density(_ x: [Double], from centre: [Double]) -> Double {
    var y = Array(repeating: 0.0, count: x.count)
    for row in x.indices {
      var sum = x[row] - centre[row]
      for column in 0..<row { sum -= lower[row][column] * y[column] }
      y[row] = sum / lower[row][row]
    }
    return exp(-0.5 * y.reduce(0) { $0 + $1 * $1 } - logNormaliser)
  }
}
