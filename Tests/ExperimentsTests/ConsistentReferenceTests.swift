import CohortModel
import Experiments
import Foundation
import Testing

/// A reference folder must agree with itself (summary.csv recomputed from replications.csv)
/// before `check` compares anything with it: updated hashes in run.json do not make an edited
/// summary true.
@Suite("a reference folder's files must agree with each other")
struct ConsistentReferenceTests {
  /// Changes field `column` of summary.csv's line `line` (1 is the header) to `value`, keeping
  /// run.json's hashes up to date as a careful tamperer would.
  func tamperSummary(_ baseline: String, line: Int, column: Int, _ value: (String) -> String) throws {
    try edit(.summary, in: baseline) { text in
      var lines = text.components(separatedBy: "\r\n")
      var fields = lines[line - 1].components(separatedBy: ",")
      fields[column] = value(fields[column])
      lines[line - 1] = fields.joined(separator: ",")
      return lines.joined(separator: "\r\n")
    }
  }

  @Test("a summary mean that replications.csv does not give is refused, naming line, column and both values")
  func editedMean() throws {
    let baseline = try copyOfCheckBaseline()
    try tamperSummary(baseline, line: 3, column: 3) { String(Double($0)! + 0.25) }
    let error = try #require(throws: BaselineError.self) { try Baseline.read(from: baseline) }
    #expect(error.path.hasSuffix("summary.csv"))
    #expect(error.problem.contains("line 3: mean of"))
    #expect(error.problem.contains("the folder's files disagree with each other"))
  }

  @Test("an edited percentile is refused as well as an edited mean")
  func editedPercentile() throws {
    let baseline = try copyOfCheckBaseline()
    try tamperSummary(baseline, line: 2, column: 8) { String(Double($0)! * 2 + 1) }
    let error = try #require(throws: BaselineError.self) { try Baseline.read(from: baseline) }
    #expect(error.problem.contains("line 2: p50 of"))
  }

  @Test("a tampered reference fails check with an input error, not a pass")
  func tamperedCheckIsInputError() throws {
    let baseline = try copyOfCheckBaseline()
    try tamperSummary(baseline, line: 3, column: 3) { String(Double($0)! + 0.25) }
    #expect(throws: BaselineError.self) { try check(against: baseline).exact() }
  }

  @Test("a folder cohortsim wrote agrees with itself")
  func untouchedAgrees() throws {
    let baseline = try copyOfCheckBaseline()
    _ = try Baseline.read(from: baseline)
  }
}
