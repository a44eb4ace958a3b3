import CohortModel
import Foundation

/// How a run samples a posterior: the posterior, how many replications share each drawn particle,
/// and the scenario under each particle.
///
/// Replications come in groups of `runsPerParticle`: replication r belongs to group
/// r / runsPerParticle, and every replication of a group (and every strategy of each) runs under
/// the group's particle with its own replication seed. K runs per particle are what let the
/// spread be split into parameters and chance (`VarianceSplit`).
public struct PosteriorSampling: Sendable {
  public let posterior: Posterior
  /// K ≥ 1.
  public let runsPerParticle: Int
  /// The scenario with each particle's values in place of its own, parallel to
  /// `posterior.particles`; empty when the runner is given its own replication function.
  public let scenarios: [Scenario]

  public init(posterior: Posterior, runsPerParticle: Int, scenarios: [Scenario] = []) {
    precondition(runsPerParticle >= 1, "at least one run per particle")
    precondition(
      scenarios.isEmpty || scenarios.count == posterior.particles.count, "one scenario per particle")
    self.posterior = posterior
    self.runsPerParticle = runsPerParticle
    self.scenarios = scenarios
  }

  /// The posterior applied to `scenarioFile`: each particle's values replace the scenario's
  /// values of the calibrated fields, through the same path editing `sweep` and `calibrate --apply`
  /// use (`ScenarioFactors`), and a warm start carries over.
  /// - Throws: `PosteriorError` when a path leads nowhere in this scenario or a particle's values
  ///   are refused by its validation, naming the particle.
  public static func applied(_ posterior: Posterior, runsPerParticle: Int, to scenarioFile: ScenarioFile)
    throws(PosteriorError) -> PosteriorSampling
  {
    let factors: ScenarioFactors
    do {
      factors = try ScenarioFactors(
        scenarioFile: scenarioFile, factors: posterior.paths.map { SweepFactor(path: $0) })
    } catch {
      throw PosteriorError(folder: posterior.folder, error.description)
    }
    var scenarios: [Scenario] = []
    scenarios.reserveCapacity(posterior.particles.count)
    for particle in posterior.particles {
      do {
        var scenario = try factors.scenario(point: particle.row, values: particle.values)
        scenario.currentStudents = scenarioFile.scenario.currentStudents
        scenarios.append(scenario)
      } catch {
        throw PosteriorError(
          folder: posterior.folder,
          "particle \(particle.row) of generation \(posterior.generation) "
            + "cannot run \(scenarioFile.path): \(error.description)")
      }
    }
    return PosteriorSampling(posterior: posterior, runsPerParticle: runsPerParticle, scenarios: scenarios)
  }

  /// The calibrated fields `scenarioFile` sets itself: the posterior replaces their values, so
  /// the user is warned, naming each.
  public static func overriddenFields(_ posterior: Posterior, in scenarioFile: ScenarioFile) -> [String] {
    guard let data = FileManager.default.contents(atPath: scenarioFile.path),
      let root = try? JSONSerialization.jsonObject(with: data)
    else { return [] }
    return posterior.paths.filter { path in
      guard let steps = try? FactorPath(path).steps else { return false }
      return ScenarioFactors.isSet(steps[...], in: root)
    }
  }

  /// The particle group of replication `replication`.
  public func group(ofReplication replication: Int) -> Int { replication / runsPerParticle }

  /// The particle (index into `posterior.particles`) replication `replication` of a run with
  /// master seed `masterSeed` runs under.
  public func particleIndex(masterSeed: UInt64, replication: Int) -> Int {
    posterior.particleIndex(masterSeed: masterSeed, group: group(ofReplication: replication))
  }
}
