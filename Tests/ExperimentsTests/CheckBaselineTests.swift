import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

@Suite("a missing or malformed baseline is an input error")
struct CheckBaselineTests {
  /// The error reading `directory` throws; records an issue when it reads fine.
  func problem(reading directory: String) -> BaselineError? {
    do {
      _ = try Baseline.read(from: directory)
      Issue.record("the damaged baseline was accepted")
      return nil
    } catch {
      return error
    }
  }

  @Test("a missing baseline directory fails the check with an input error")
  func missingDirectory() throws {
    let missing = (temporaryDirectory() as NSString).appendingPathComponent("nothing-here")
    #expect(throws: BaselineError.self) { try check(against: missing).statistical() }
  }

  @Test("a missing replications.csv is named in the error")
  func missingFile() throws {
    let baseline = try copyOfCheckBaseline()
    try FileManager.default.removeItem(
      atPath: (baseline as NSString).appendingPathComponent("replications.csv"))
    #expect(problem(reading: baseline)?.problem.contains("/replications.csv is listed in") == true)
  }

  @Test("a replications.csv cut off in the middle of a row is truncated")
  func truncatedRow() throws {
    let baseline = try copyOfCheckBaseline()
    try edit(.replications, in: baseline) { String($0.dropLast(12)) }
    let error = try #require(problem(reading: baseline))
    #expect(error.problem.contains("truncated"))
  }

  @Test("a replications.csv missing its last rows disagrees with summary.csv and run.json")
  func missingRows() throws {
    let baseline = try copyOfCheckBaseline()
    try edit(.replications, in: baseline) { text in
      text.components(separatedBy: "\r\n").dropLast(3).joined(separator: "\r\n") + "\r\n"
    }
    #expect(problem(reading: baseline) != nil)
  }

  @Test("a wrong header is named with the header expected")
  func wrongHeader() throws {
    let baseline = try copyOfCheckBaseline()
    try edit(.summary, in: baseline) { $0.replacingOccurrences(of: "ci95_low", with: "lower") }
    let error = try #require(problem(reading: baseline))
    #expect(error.path.hasSuffix("summary.csv"))
    #expect(error.problem.contains("header"))
  }

  @Test("a non-numeric value is named with its line and metric")
  func nonNumericValue() throws {
    let baseline = try copyOfCheckBaseline()
    try edit(.replications, in: baseline) { text in
      var lines = text.components(separatedBy: "\r\n")
      var fields = lines[3].components(separatedBy: ",")
      fields[4] = "abc"
      lines[3] = fields.joined(separator: ",")
      return lines.joined(separator: "\r\n")
    }
    let error = try #require(problem(reading: baseline))
    #expect(error.problem.contains("line 4"))
    #expect(error.problem.contains("'abc'"))
  }

  @Test("a run.json whose replication count disagrees with replications.csv is an input error")
  func wrongReplicationCount() throws {
    let baseline = try copyOfCheckBaseline()
    try edit(.provenance, in: baseline) {
      $0.replacingOccurrences(of: "\"replications\" : 60", with: "\"replications\" : 61")
    }
    let error = try #require(problem(reading: baseline))
    #expect(error.path.hasSuffix("run.json"))
  }

  @Test("numbers spelled as run never writes them are refused", arguments: ["nan", "0x1p-1", "+0.8", "0.50"])
  func foreignSpellingsRefused(spelling: String) throws {
    let baseline = try copyOfCheckBaseline()
    try edit(.replications, in: baseline) { text in
      var lines = text.components(separatedBy: "\r\n")
      var fields = lines[1].components(separatedBy: ",")
      fields[5] = spelling  // after strategy, replication, seed, seed_hex and the first metric
      lines[1] = fields.joined(separator: ",")
      return lines.joined(separator: "\r\n")
    }
    #expect {
      _ = try Baseline.read(from: baseline)
    } throws: { error in
      ((error as? BaselineError)?.problem ?? "").contains(
        "line 2: \(Metric.allCases[1].rawValue) '\(spelling)'")
    }
  }
}
