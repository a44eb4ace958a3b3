import Foundation
import Testing

@testable import Experiments

@Suite("sensitivity of an output that does not vary over the design")
struct SweepConstantOutputTests {
  @Test(
    "a constant output gets NaN for every Sobol' and Morris index, a varying one beside it keeps its numbers",
    arguments: [SweepMethod.sobol, .morris])
  func constantOutputIsNaN(method: SweepMethod) {
    let design = SweepDesign(method: method, samples: 16, seed: 3, factors: IshigamiEvaluator.factors)
    let points = DesignPoints(design)
    let varying = (0..<points.count).map { Double($0 % 7) + 0.5 * Double($0 % 3) }
    let rows = SweepSensitivity.rows(
      design: design, points: points, means: [[Array(repeating: 0.96, count: points.count), varying]],
      strategies: ["s"], metrics: ["constant", "varying"])
    let constant = rows.filter { $0[1] == "constant" }
    #expect(!constant.isEmpty)
    #expect(constant.allSatisfy { $0[4] == "NaN" && $0[5] == "NaN" && $0[6] == "NaN" }, "\(constant)")
    #expect(rows.filter { $0[1] == "varying" }.contains { $0[4] != "NaN" })
  }
}
