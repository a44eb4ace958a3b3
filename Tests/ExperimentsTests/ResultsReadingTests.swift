import Experiments
import Foundation
import TestSupport
import Testing

@Suite("a finished results folder's CSV files read back by column")
struct ResultsReadingTests {
  @Test("a results file saved again with a byte-order mark keeps its first column's name")
  func byteOrderMark() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    try writeFile("\u{FEFF}strategy,replication\r\na,0\r\n", "students.csv", in: root)
    #expect(try ResultsTable(path: root + "/students.csv").header.first == "strategy")
  }

  @Test("a headline sum of metrics is estimated from per-replication sums")
  func sumOfMetricsUsesReplicationSums() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    try writeFile(
      "strategy,replication,seed,offer_own_site,offer_same_system\r\na,0,1,0.1,0.3\r\na,1,2,0.3,0.1\r\na,2,3,0.2,0.2\r\n",
      "replications.csv", in: root)
    let results = try ResultEstimates(
      summary: nil, replications: ResultsTable(path: root + "/replications.csv"))
    let estimate = try #require(results.estimate("a", sumOf: ["offer_own_site", "offer_same_system"]))
    // Every replication sums to 0.4, so the interval has no width (the parts alone would).
    #expect(abs(estimate.mean - 0.4) < 1e-12)
    #expect(abs(estimate.high - estimate.low) < 1e-12)
  }

  @Test("an interval over replications is the Student-t interval")
  func intervalIsStudentT() {
    let estimate = IntervalEstimate(replicationValues: [1, 2, 3, 4, .nan])
    // mean 2.5, sd sqrt(5/3), t(0.975, 3) = 3.182446305284263.
    let half = 3.182446305284263 * (5.0 / 3).squareRoot() / 2
    #expect(estimate.count == 4)
    #expect(abs(estimate.low - (2.5 - half)) < 1e-9)
    #expect(abs(estimate.high - (2.5 + half)) < 1e-9)
  }

  @Test("a text column added to replications.csv (such as seed_hex) is skipped, not taken for a metric")
  func textColumnIsSkipped() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    try writeFile(
      "strategy,replication,seed,site_note,placed_6m\r\na,0,1,north,0.5\r\na,1,2,south,0.7\r\n",
      "replications.csv", in: root)
    let results = try ResultEstimates(
      summary: nil, replications: ResultsTable(path: root + "/replications.csv"))
    #expect(!results.has("site_note"))
    #expect(abs((results.estimate("a", "placed_6m")?.mean ?? 0) - 0.6) < 1e-12)
  }
}

@Suite("Holm-adjusted intervals")
struct HolmIntervalsTests {
  @Test("Holm levels: the p-value at rank k of m gets 1 − α/(m − k + 1), a missing one the widest")
  func holmLevels() {
    let levels = HolmIntervals.levels([0.03, 0.001, .nan, 0.01])
    let expected: [Double] = [0.95, 1 - 0.05 / 3, 1 - 0.05 / 3, 1 - 0.05 / 2]
    #expect(levels == expected)
  }

  @Test("a 95% t interval widened to a Holm level keeps its centre and scales by the t quantiles' ratio")
  func holmWidening() {
    // 11 replications: t₀.₉₇₅,₁₀ = 2.228, t₀.₉₉₅,₁₀ = 3.169 (level 0.99).
    let widened = HolmIntervals.widened(estimate: 1, low: 0, high: 2, count: 11, to: 0.99)
    let ratio: Double = 3.169272672616954 / 2.2281388519649385
    #expect(abs(widened.high - (1 + ratio)) < 1e-9)
    #expect(abs(widened.low - (1 - ratio)) < 1e-9)
    let same = HolmIntervals.widened(estimate: 1, low: 0, high: 2, count: 11, to: 0.95)
    #expect(abs(same.low) < 1e-12 && abs(same.high - 2) < 1e-12)
  }
}
