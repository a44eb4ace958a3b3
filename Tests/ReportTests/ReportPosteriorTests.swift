import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

/// Two particles, rows 1 and 2, equal weights.
private let evenPoints = Posterior(
  folder: "even", sha256: String(repeating: "0", count: 64), paths: ["hiring.applyProbability"],
  generation: 0,
  particles: [
    Posterior.Particle(row: 1, weight: 0.5, values: [0.2]),
    Posterior.Particle(row: 2, weight: 0.5, values: [0.6]),
  ])

@Suite("the report's intervals over a posterior")
struct ReportPosteriorTests {
  @Test(
    "a posterior comparison's page shows both intervals and the share of parameter sets where the best stays best"
  )
  func page() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    var plan = try tinyPlan(in: root, replications: 40, strategies: ["nearest-to-home", "random"])
    plan.reference = "nearest-to-home"
    plan.posterior = PosteriorSampling(posterior: evenPoints, runsPerParticle: 2)
    _ = try completedReport(
      ExperimentRunner(
        plan: plan,
        replicateParticle: { particle, strategy, seed, _ in
          var metrics = ReplicationMetrics()
          for index in metrics.values.indices {
            metrics.values[index] =
              0.1 * Double(particle) + (strategy == "random" ? 0.5 : 0) + 0.01 * uniform(seed, index)
          }
          return metrics
        }))
    let html = try HTMLReport.build(directory: plan.outputDirectory)
    #expect(html.contains("Chance only (if we knew exactly how hiring works)"))
    #expect(html.contains("With parameter uncertainty (what we do not know about hiring)"))
    #expect(
      html.contains(
        "random, best on average on working within 6 months (graduates seeking work), is best under 100% of the 20 "
          + "parameter sets"))
    // A time to an offer is better shorter: there the reference, lower in every group, stays best.
    #expect(
      html.contains(
        "nearest-to-home, best on average on median days from graduation to an accepted offer, is best under 100%"
      ))
    #expect(html.contains("(95% interval 84–100%)"))
  }

  @Test("report --posterior with a folder that is not a posterior run is refused")
  func notAPosteriorRun() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    #expect(throws: ReportError.self) { try HTMLReport.build(directory: folder, posteriorRun: folder) }
  }
}
