import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

@Suite("cohortsim report: the figures it computes")
struct ReportFiguresTests {
  /// Two replications of three graduates each with a year of follow-up, plus one graduate too late
  /// to count: jobs starting -10, 20 and never days
  /// after graduating; then 100, 400 and 5 days.
  let students = """
    strategy,replication,graduation_day,start_day\r
    a,0,10,0\r
    a,0,10,30\r
    a,0,10,NaN\r
    a,0,3400,3401\r
    a,1,20,120\r
    a,1,20,420\r
    a,1,20,25\r

    """

  @Test("the derived hiring curve is the mean over replications of each replication's share")
  func derivedCurveIsTheMeanOfReplicationShares() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    try writeFile(students, "students.csv", in: root)
    let table = try ResultsTable(path: root + "/students.csv")
    let series = try HiringCurveSection.fromStudents(table, strategies: ["a"], horizonDays: 3652.5)
    let points = Dictionary(uniqueKeysWithValues: series[0].points.map { (Int($0.x.rounded()), $0) })
    // Month 0 (day 0): replication 0 has 1 of 3 (day -10), replication 1 has 0 of 3.
    let third: Double = 1.0 / 3
    #expect(abs(points[0]!.y - third / 2) < 1e-12)
    // Month 1 (day 30): 2 of 3 and 1 of 3.
    #expect(abs(points[1]!.y - 0.5) < 1e-12)
    // Month 4 (day 122): 2 of 3 and 2 of 3; the graduate with a day-400 offer is not yet in.
    let month4 = points[4]!
    #expect(abs(month4.y - 2 * third) < 1e-12)
    #expect(abs(month4.high - month4.low) < 1e-12)
  }

  @Test("comparison uses p_holm from comparison.csv when it has the column")
  func comparisonUsesPHolm() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let lines = readFile("comparison.csv", in: folder).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    // Every difference made clear (p_holm 0) whatever its p_value.
    #expect(lines[0].hasSuffix(",p_holm"))
    let rewritten =
      [lines[0]] + lines.dropFirst().map { $0.split(separator: ",").dropLast().joined(separator: ",") + ",0" }
    try writeFile(rewritten.joined(separator: "\r\n") + "\r\n", "comparison.csv", in: folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("1 of 1 strategies differ clearly"))
    #expect(html.contains("as cohortsim compare wrote them (p_holm)"))
  }

  @Test("the forest plot draws Holm-adjusted intervals, wider than the 95% ones, and says how they are made")
  func forestPlotUsesHolmIntervals() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    // The tiny run's strategies tie exactly; give every compared row a difference of 0.1 with a
    // 95% interval 0.05–0.15 and p = 0.001, so that the Holm level (there are many rows) widens it.
    let lines = readFile("comparison.csv", in: folder).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    let rewritten =
      [lines[0]]
      + lines.dropFirst().map { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        return fields[0] == fields[1]
          ? line : (fields.prefix(3) + ["0.1", "0.05", "0.15", "0.001", "0.01"]).joined(separator: ",")
      }
    try writeFile(rewritten.joined(separator: "\r\n") + "\r\n", "comparison.csv", in: folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("The plotted intervals are Holm-adjusted"))
    let section = pieces(of: html, from: "id=\"comparison\"", to: "</section>").first ?? ""
    let row = pieces(of: section, from: "<tr><td>1</td>", to: "</tr>").first ?? ""
    // Rank, strategy, difference, 95% low, 95% high, Holm level, Holm low, Holm high, …
    let cells = pieces(of: row, from: "<td>", to: "</td>").map {
      Double($0.dropFirst(4).dropLast(5).replacingOccurrences(of: "−", with: "-"))
    }
    try #require(cells.count >= 8, "\(row)")
    let (low95, high95, holmLow, holmHigh) = (cells[3]!, cells[4]!, cells[6]!, cells[7]!)
    #expect(holmLow < low95 && holmHigh > high95, "\(row)")
  }

  @Test("shares are read as 'about N in 10'")
  func inTenWording() {
    #expect(ReadingText.inTen(0.674) == "About 7 in 10")
    #expect(ReadingText.inTen(0.97) == "Nearly all")
    #expect(ReadingText.inTen(0.02) == "Almost none of the")
  }
}
