import Experiments
import Foundation
import TestSupport
import Testing

/// The engine run on Ishigami's function, whose indices are known in closed form (a = 7, b = 0.1):
/// S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
@Suite("sensitivity indices on the Ishigami function")
struct SweepIndicesTests {
  @Test("Sobol' indices from 4096 base samples match the analytic values within 0.03")
  func sobolMatchesAnalytic() throws {
    // Tolerance: Saltelli's scheme on a Sobol' sequence has errors of about 0.01 at N = 4096 on
    // this function (Saltelli et al. 2010, fig. 2, which uses the same estimators); 0.03 is three times
    // that and still far below the gaps between the factors' indices.
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let design = SweepDesign(method: .sobol, samples: 4096, seed: 1, factors: IshigamiEvaluator.factors)
    _ = try SweepRunner(
      plan: sweepPlan(design, in: directory, replications: 1), evaluator: IshigamiEvaluator()
    ).run()
    let estimates = sensitivityEstimates(directory + "/out")
    let expected: [String: Double] = [
      "x1 S1": 0.3139, "x2 S1": 0.4424, "x3 S1": 0, "x1 ST": 0.5576, "x2 ST": 0.4424, "x3 ST": 0.2437,
    ]
    for (key, value) in expected {
      let estimate = try #require(estimates[key], "\(key) missing")
      #expect(abs(estimate - value) < 0.03, "\(key): \(estimate) vs \(value)")
    }
  }

  @Test("Morris's μ* from 2000 trajectories on 4 levels match their analytic values and rank x3 last")
  func morrisMatchesAnalytic() throws {
    // On 4 levels (−π, −π/3, π/3, π) every elementary effect can be enumerated: x2's is always
    // ±(7 · 3/4)/Δ = ±7.875; x1's is 1.5 sin(π/3) (1 + 0.1 x3⁴), mean 7.704 over x3's levels;
    // x3's is 0.1 · 1.5 (π⁴ − (π/3)⁴) |sin x1|, mean 6.249. Each sd is about 6.3, so the standard
    // error over 2000 trajectories is 0.14; the tolerance 0.6 is four of them.
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let design = SweepDesign(
      method: .morris, samples: 2000, levels: 4, seed: 5, factors: IshigamiEvaluator.factors)
    _ = try SweepRunner(
      plan: sweepPlan(design, in: directory, replications: 1), evaluator: IshigamiEvaluator()
    ).run()
    let estimates = sensitivityEstimates(directory + "/out")
    let x1 = try #require(estimates["x1 mu_star"])
    let x2 = try #require(estimates["x2 mu_star"])
    let x3 = try #require(estimates["x3 mu_star"])
    #expect(abs(x1 - 7.704) < 0.6, "x1 mu_star \(x1)")
    #expect(abs(x2 - 7.875) < 1e-9, "x2 mu_star \(x2)")
    #expect(abs(x3 - 6.249) < 0.6, "x3 mu_star \(x3)")
    #expect(x3 < x1 && x3 < x2, "x3 should rank last")
  }

  @Test("Sobol' rows come as A, AB1..ABk, B: AB_j is A with column j from B")
  func saltelliRowOrder() throws {
    let design = SweepDesign(method: .sobol, samples: 8, seed: 1, factors: IshigamiEvaluator.factors)
    let points = DesignPoints(design)
    #expect(points.count == 8 * 5)
    for base in 0..<8 {
      let a = points.values(at: base * 5)
      let b = points.values(at: base * 5 + 4)
      for column in 0..<3 {
        var expected = a
        expected[column] = b[column]
        #expect(points.values(at: base * 5 + 1 + column) == expected)
      }
    }
  }

  @Test("every Morris trajectory moves each factor exactly once, by Δ on the unit scale")
  func morrisTrajectories() {
    let design = SweepDesign(
      method: .morris, samples: 20, levels: 6, seed: 2, factors: IshigamiEvaluator.factors)
    let points = DesignPoints(design)
    let step = 2 * Double.pi * 6 / 10  // Δ = 6/10 scaled to a range of 2π
    for trajectory in 0..<20 {
      var moved = Set<Int>()
      for row in 0..<3 {
        let before = points.values(at: trajectory * 4 + row)
        let after = points.values(at: trajectory * 4 + row + 1)
        let changed = (0..<3).filter { before[$0] != after[$0] }
        #expect(changed.count == 1)
        if let factor = changed.first {
          #expect(abs(abs(after[factor] - before[factor]) - step) < 1e-9)
          moved.insert(factor)
        }
      }
      #expect(moved == [0, 1, 2])
    }
  }

  @Test("a Latin hypercube puts exactly one point in each of the N slices of every factor")
  func latinHypercubeStrata() {
    let factors = [SweepFactor(path: "a", lower: 0, upper: 1), SweepFactor(path: "b", lower: 10, upper: 20)]
    let points = DesignPoints(SweepDesign(method: .lhs, samples: 50, seed: 9, factors: factors))
    for (factor, spec) in factors.enumerated() {
      let slices = (0..<50).map {
        Int((points.values(at: $0)[factor] - spec.lower!) / (spec.upper! - spec.lower!) * 50)
      }
      #expect(Set(slices) == Set(0..<50))
    }
  }

  @Test("a grid lists every combination, the last factor fastest")
  func gridOrder() {
    let factors = [SweepFactor(path: "a", values: [1, 2]), SweepFactor(path: "b", values: [5, 6, 7])]
    let points = DesignPoints(SweepDesign(method: .grid, samples: nil, seed: 1, factors: factors))
    #expect(
      (0..<points.count).map { points.values(at: $0) } == [
        [1, 5], [1, 6], [1, 7], [2, 5], [2, 6], [2, 7],
      ])
  }
}
