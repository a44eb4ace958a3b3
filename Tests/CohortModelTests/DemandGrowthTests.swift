import CohortModel
import SimKernel
import Testing

/// Positions grow or shrink as the demand says, and openings match what `describe` promises.
@Suite struct DemandGrowthTests {
  /// strategies.json's region (880 positions, ten years) at the given growth over the decade.
  static func runs(growth: Double) throws -> (promisedOpenings: Double, runs: [ReplicationMetrics]) {
    var scenario = try shippedScenario("strategies")
    scenario.demand.nationalGrowthOverDecade = growth
    // Openings do not depend on students: one small program keeps the run fast.
    scenario.programs = [scenario.programs[0]]
    scenario.programs[0].cohortSize = .constant(value: 2)
    let world = World(
      scenario: scenario,
      replicationSeed: SeedDerivation.replicationSeed(master: scenario.seed, replication: 0))
    let positions = Double(world.sites.reduce(0) { $0 + $1.positions })
    // The figure `cohortsim describe` prints as "expected openings a year".
    let promised = world.demand.openingsPerYear * positions / world.demand.initialPositions
    return (promised, metrics(of: scenario, strategy: "nearest-to-home", replications: 8))
  }

  /// Tolerances, from the Poisson counts over ten years of 880 positions: openings ≈ 580 in
  /// total (sd ≈ 24, 4% a replication, 1.5% for the mean of 8), plus requisitions a freeze still
  /// holds at the horizon (about one period's worth, under 2%): 5% allows three sd and the edge.
  /// Growth adds or cuts ≈ 115–175 positions (sd ≈ 11–13, 1.5 points a replication, 0.5 for
  /// the mean of 8): 1.5 points is three sd.
  @Test("positions and openings follow the demand when it grows or shrinks", arguments: [-0.2, 0.13])
  func growthAndOpeningsMatchTheDescription(growth: Double) throws {
    let (promised, runs) = try Self.runs(growth: growth)
    let openings = mean(.openingsPerYear, runs)
    let positionsGrowth = mean(.positionsGrowth, runs)
    #expect(abs(openings / promised - 1) < 0.05, "openings \(openings) a year, describe promises \(promised)")
    #expect(abs(positionsGrowth - growth) < 0.015, "positions grew \(positionsGrowth), demand says \(growth)")
  }
}
