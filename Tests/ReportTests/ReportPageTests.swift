import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

@Suite("cohortsim report: the page")
struct ReportPageTests {
  @Test("a compare folder's page has the headline, hiring curve, offer sources, comparison and provenance")
  func compareFolderHasTheRequiredSections() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    for id in ["headline", "hiring-curve", "offer-sources", "comparison", "provenance"] {
      #expect(html.contains("<section id=\"\(id)\">"), "no section \(id)")
    }
    for chart in [
      "chart-hiring-curve", "chart-offer-routes", "chart-offer-places", "chart-comparison", "chart-sites",
    ] {
      #expect(html.contains("<svg class=\"chart\" id=\"\(chart)\""), "no chart \(chart)")
    }
  }

  @Test("the page loads nothing: no src or href to http(s): or //, no @import, no script, no url()")
  func pageIsSelfContained() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder).lowercased()
    for attribute in ["src", "href", "xlink:href", "srcset", "action"] {
      for quote in ["\"", "'", ""] {
        for target in ["http:", "https:", "//"] {
          #expect(!html.contains("\(attribute)=\(quote)\(target)"), "\(attribute)=\(quote)\(target)")
        }
      }
    }
    #expect(!html.contains("@import"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("url("))
    #expect(!html.contains("<img"))
  }

  @Test("every chart is inline SVG with a title, a text alternative and a details table of its numbers")
  func everyChartIsAccessible() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    let figures = pieces(of: html, from: "<figure", to: "</figure>")
    #expect(figures.count >= 5)
    #expect(figures.count == html.components(separatedBy: "<svg").count - 1, "an SVG outside a figure")
    for figure in figures {
      let id = pieces(of: figure, from: "<svg class=\"chart\" id=\"", to: "\"").first ?? "?"
      #expect(figure.contains("role=\"img\""), "\(id): no role")
      #expect(figure.contains("aria-labelledby="), "\(id): not labelled")
      let description = pieces(of: figure, from: "<desc", to: "</desc>").first ?? ""
      #expect(description.count > 60, "\(id): no text alternative")
      let details = pieces(of: figure, from: "<details>", to: "</details>").first ?? ""
      #expect(details.contains("<table>") && details.contains("<td>"), "\(id): no table of numbers")
      #expect(figure.contains("<figcaption>"), "\(id): no reading")
    }
  }

  @Test("the same folder gives the same page, byte for byte")
  func pageIsDeterministic() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    #expect(try HTMLReport.build(directory: folder) == HTMLReport.build(directory: folder))
  }

  @Test("a headline figure uses placed_6m_seeking once summary.csv has it")
  func headlinePrefersTheNewerMetric() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    var summary = readFile("summary.csv", in: folder)
    for strategy in ["nearest-to-home", "random"] {
      summary += "\(strategy),placed_6m_seeking,3,0.987,0.01,0.983,0.991,0.98,0.99,0.99\r\n"
    }
    try writeFile(summary, "summary.csv", in: folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("99% (98–99%)"))
    #expect(html.contains("graduates seeking work"))
  }

  @Test("the hiring curve comes from time_to_offer.csv when the folder has it, and the page says so")
  func hiringCurveUsesTimeToOffer() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    var table = "strategy,days_since_graduation,offer_probability,ci95_low,ci95_high\r\n"
    for strategy in ["nearest-to-home", "random"] {
      for month in 0...12 {
        let days = Double(month) * 365.25 / 12
        table += "\(strategy),\(days),0.0\(month % 10)5,0.01,0.1\r\n"
      }
    }
    try writeFile(table, "time_to_offer.csv", in: folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("From time_to_offer.csv"))
    #expect(!html.contains("Derived by the report from students.csv (this folder has no time_to_offer.csv)"))
    // Month 6 of the file: 0.065.
    #expect(html.contains("<td>nearest-to-home</td><td>6.0</td><td>6.5%</td>"))
  }

  @Test("without time_to_offer.csv the hiring curve is derived from students.csv, and the page says so")
  func hiringCurveFromStudents() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try removeOutput("time_to_offer.csv", in: folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("Derived by the report from students.csv (this folder has no time_to_offer.csv)"))
  }

  @Test("without time_to_offer.csv or students.csv the hiring curve is omitted with a note")
  func hiringCurveOmitted() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try removeOutput("time_to_offer.csv", in: folder)
    try removeOutput("students.csv", in: folder)
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("Not shown: the folder has neither time_to_offer.csv nor students.csv"))
    #expect(!html.contains("id=\"chart-hiring-curve\""))
  }

  @Test("students.csv with true/false booleans gives the same page as with TRUE/FALSE")
  func bothBooleanSpellings() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let before = try HTMLReport.build(directory: folder)
    let students = readFile("students.csv", in: folder)
    #expect(students.contains(",TRUE,") || students.contains(",FALSE,"))
    try writeFile(
      students.replacingOccurrences(of: ",TRUE", with: ",true").replacingOccurrences(
        of: ",FALSE", with: ",false"),
      "students.csv", in: folder)
    #expect(try HTMLReport.build(directory: folder) == before)
  }
}
