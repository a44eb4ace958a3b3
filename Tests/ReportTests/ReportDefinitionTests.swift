import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

@Suite("cohortsim report: one definition per figure")
struct ReportDefinitionTests {
  @Test("the 6-month card among all graduates shows the hiring curve's value at 183 days")
  func cardEqualsCurveAt183Days() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    // Give the curve a value at day 183 that no other day has, and placed_6m the same mean.
    let curve = readFile("time_to_offer.csv", in: folder).components(separatedBy: "\r\n")
    let rewritten = curve.map { line -> String in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == 5, fields[1] == "183" else { return line }
      return "\(fields[0]),183,0.4321,0.41,0.45"
    }
    try writeFile(rewritten.joined(separator: "\r\n"), "time_to_offer.csv", in: folder)
    let summary = readFile("summary.csv", in: folder).components(separatedBy: "\r\n").map { line -> String in
      var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count > 6, fields[1] == "placed_6m" else { return line }
      (fields[3], fields[5], fields[6]) = ("0.4321", "0.41", "0.45")
      return fields.joined(separator: ",")
    }
    try writeFile(summary.joined(separator: "\r\n"), "summary.csv", in: folder)
    let html = try HTMLReport.build(directory: folder)
    let card = try #require(
      pieces(of: html, from: "Working within 6 months (all graduates)</p>", to: "</p>").first)
    #expect(card.contains("43% (41–45%)"), "\(card)")
    let reading = try #require(
      pieces(of: html, from: "<figcaption><strong>Share of all graduates working", to: "</figcaption>").first)
    #expect(
      reading.contains("by 6 months (183 days) after graduating: 43% (95% interval 41–45%)"), "\(reading)")
  }

  @Test("negative days read as days before graduation, never as a negative number")
  func negativeDaysReadBeforeGraduation() {
    let before = IntervalEstimate(mean: -59.2, low: -62.4, high: -55.1, count: 10)
    #expect(DaysText.relative(before) == "59 days before graduation (55–62)")
    #expect(DaysText.relative(before, long: true) == "59 days before graduation (95% interval 55 to 62 days)")
    let across = IntervalEstimate(mean: -2, low: -5, high: 3, count: 10)
    #expect(
      DaysText.relative(across)
        == "2 days before graduation (95% interval from 5 days before to 3 days after)")
    #expect(
      DaysText.relative(IntervalEstimate(mean: 19, low: 18, high: 20, count: 3))
        == "19 days after graduation (18–20)")
    // A point value within half a day of graduation (a sweep point's median) is the day itself.
    #expect(
      DaysText.relative(IntervalEstimate(mean: -0.3, low: .nan, high: .nan, count: 1)) == "on graduation day")
  }

  @Test("each headline label says who is counted, and no card or table header shows a metric identifier")
  func labelsSayWhoIsCounted() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    let headline = try #require(pieces(of: html, from: "<section id=\"headline\">", to: "</section>").first)
    #expect(headline.contains("Working within 6 months (graduates seeking work)"))
    for identifier in ["placed_6m", "hired_at_rotation_site", "days_to_offer_median"] {
      #expect(!headline.contains(identifier), "\(identifier)")
    }
  }

  @Test("a generated site is called a generated hospital in a sentence and labelled as generated in a table")
  func generatedSitesAreNamedAsGenerated() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    let sites = try #require(pieces(of: html, from: "<section id=\"sites\">", to: "</section>").first)
    let caption = try #require(pieces(of: sites, from: "<figcaption>", to: "</figcaption>").first)
    #expect(caption.contains("a generated ") || caption.contains("A generated "), "\(caption)")
    #expect(
      caption.range(of: #"(hospital|clinic|imaging_center)-[0-9]+"#, options: .regularExpression) == nil)
    #expect(sites.contains("<td>generated "), "the table labels generated sites as generated")
  }

  @Test("only the model's kind-number names are taken for generated sites without sites.csv")
  func generatedNamePattern() {
    #expect(SiteDirectory.kind(ofGenerated: "hospital-10") == "hospital")
    #expect(SiteDirectory.kind(ofGenerated: "imaging_center-2") == "imaging_center")
    #expect(SiteDirectory.kind(ofGenerated: "Mercy Hospital-2") == nil)
    #expect(SiteDirectory.kind(ofGenerated: "clinic-") == nil)
  }
}

@Suite("cohortsim report: the map")
struct ReportMapTests {
  @Test("the map draws each site of the first replication, hiring sites by share, to scale with a scale bar")
  func mapDrawsSitesToScale() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    let map = try #require(
      pieces(of: html, from: "<svg class=\"chart\" id=\"chart-map\"", to: "</svg>").first)
    let sites = readFile("sites.csv", in: folder).components(separatedBy: "\r\n").dropFirst()
      .filter { $0.hasPrefix("0,") && $0.contains(",nearest-to-home,") }
    // One circle per site, plus the key's two.
    let circles = map.components(separatedBy: "<circle").count - 1
    #expect(circles == sites.count + 2, "\(circles) circles for \(sites.count) sites")
    #expect(map.contains("class=\"scale-bar\"") && map.contains(" km</text>"))
    // The largest hiring site has the largest radius, 18 units.
    #expect(map.contains("r=\"18.0\""))
  }
}

@Suite("cohortsim report: differences instead of overlapping lines")
struct ReportDifferenceTests {
  @Test("a strategy's difference curve is the mean of its per-replication differences from the reference")
  func differenceIsPaired() throws {
    let root = temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    // Replication 0: a has 1 of 2 working by day 30, b 2 of 2; replication 1: a 0 of 2, b 1 of 2.
    let students = """
      strategy,replication,graduation_day,start_day\r
      a,0,10,20\r
      a,0,10,NaN\r
      a,1,10,NaN\r
      a,1,10,NaN\r
      b,0,10,20\r
      b,0,10,30\r
      b,1,10,15\r
      b,1,10,NaN\r

      """
    try writeFile(students, "students.csv", in: root)
    let table = try ResultsTable(path: root + "/students.csv")
    let series = try HiringCurveSection.differences(
      table, strategies: ["a", "b"], reference: "a", horizonDays: 3000)
    try #require(series.count == 1 && series[0].name == "b")
    let month1 = try #require(series[0].points.first { abs($0.x - 30 / ReportContext.daysPerMonth) < 1e-9 })
    // Differences 50 and 50 points: mean 50, no spread.
    #expect(abs(month1.y - 50) < 1e-9 && abs(month1.high - month1.low) < 1e-9)
  }
}
