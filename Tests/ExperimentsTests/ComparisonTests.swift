import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

@Suite("comparisons under common random numbers")
struct ComparisonTests {
  @Test("a strategy compared with itself has a zero difference and no p-value")
  func referenceAgainstItself() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 6, strategies: ["a", "b"])
    plan.reference = "b"
    let report = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    let own = report.comparisons.filter { $0.strategy == "b" }
    #expect(own.count == Metric.allCases.count)
    for row in own {
      #expect(row.reference == "b")
      #expect(row.meanDifference == 0)
      #expect(row.interval.low == 0 && row.interval.high == 0)
      #expect(row.pValue.isNaN)
    }
  }

  @Test("the same strategy under two names gives identical results in every replication")
  func commonRandomNumbersInTheModel() throws {
    // The tiny scenario's program places nearest-to-home by default, so "program-default" and
    // "nearest-to-home" are one policy: with common random numbers every figure must agree.
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(
      in: directory, replications: 5, strategies: ["program-default", "nearest-to-home"])
    plan.reference = "program-default"
    let report = try completedReport(ExperimentRunner(plan: plan))
    for row in report.comparisons where row.count > 0 {
      #expect(row.meanDifference == 0, "\(row.metric.rawValue) differs")
    }
    let lines = records(plan.outputDirectory, .replications).dropFirst().map {
      $0.split(separator: ",").dropFirst()
    }
    for pair in stride(from: 0, to: lines.count, by: 2) {
      #expect(Array(lines[pair]) == Array(lines[pair + 1]))
    }
  }

  @Test("pairing removes the variation two strategies share")
  func pairingNarrowsTheInterval() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 20, strategies: ["base", "better"])
    plan.reference = "base"
    let runner = ExperimentRunner(plan: plan, replicate: syntheticModel { $0 == "better" ? 0.25 : 0 })
    let report = try completedReport(runner)
    let difference = report.comparisons.first { $0.strategy == "better" && $0.metric == .placed6m }!
    let separate = report.summaries.first { $0.strategy == "better" && $0.metric == .placed6m }!
    #expect(abs(difference.meanDifference - 0.25) < 1e-12)
    #expect(difference.interval.halfWidth < 1e-12)
    #expect(separate.interval.halfWidth > 0.05)
    #expect(difference.count == 20)
  }

  @Test("comparison.csv lists every strategy against the reference, metric by metric")
  func comparisonFile() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 4, strategies: ["a", "b", "c"])
    plan.reference = "b"
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    let rows = records(plan.outputDirectory, .comparison).dropFirst().map { $0.split(separator: ",") }
    #expect(rows.count == 3 * Metric.allCases.count)
    #expect(
      rows.map { String($0[0]) }
        == ["a", "b", "c"].flatMap { Array(repeating: $0, count: Metric.allCases.count) })
    #expect(rows.allSatisfy { $0[1] == "b" })
    #expect(rows.prefix(Metric.allCases.count).map { String($0[2]) } == Metric.allCases.map(\.rawValue))
  }
}
