import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

@testable import Report

/// A hand-written calibrate folder whose figures are known: one parameter with a uniform(0, 1)
/// prior; generation 0 (ignored) holds one particle at 0.025, generation 1 two particles, 0.425
/// with weight 3 and 0.675 with weight 1; two targets of ten posterior predictive draws each.
func calibrateFixture(_ label: String = #function) throws -> (root: String, folder: String) {
  let root = temporaryDirectory(label)
  let folder = root + "/calibration"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let runJSON: [String: Any] = [
    "cohortsim_version": "test", "targets_sha256": "0",
    "command_line": ["cohortsim", "calibrate", "tiny.json", "--targets", "t.json"],
    "replications": 2, "particles": 2, "predictive_draws": 10, "master_seed": 7,
    "stop": "acceptance_floor", "minimum_acceptance_rate": 0.02,
    "parameters": [["path": "hiring.applyProbability", "prior": ["uniform": ["lower": 0, "upper": 1]]]],
    "targets": [
      ["metric": "hired_at_rotation_site", "strategy": "s", "low": 0.5, "high": 0.76, "source": "row 18"],
      ["metric": "openings_per_year", "strategy": "s", "low": 84, "high": 90, "source": "BLS openings"],
    ],
    "strategies": ["s"],
  ]
  try JSONSerialization.data(withJSONObject: runJSON, options: [.sortedKeys]).write(
    to: URL(fileURLWithPath: folder + "/run.json"))
  try tamper(
    "parameter,mean,sd,q025,q50,q975\r\nhiring.applyProbability,0.4875,0.125,0.3121,0.4372,0.6879\r\n",
    "posterior_summary.csv", in: folder)
  try tamper(
    "generation,particle,weight,distance,hiring.applyProbability\r\n0,0,1,2.5,0.025\r\n"
      + "1,0,3,0.5,0.425\r\n1,1,1,0.7,0.675\r\n", "posterior.csv", in: folder)
  var predictive = "draw,particle,metric,strategy,value,low,high,inside\r\n"
  let shares = [0.40, 0.52, 0.53, 0.55, 0.58, 0.60, 0.62, 0.64, 0.70, 0.75]
  let openings = [80.0, 83.0, 85.0, 86.0, 87.0, 88.0, 88.5, 89.0, 89.5, 95.0]
  for draw in 0..<10 {
    predictive +=
      "\(draw),1,hired_at_rotation_site,s,\(shares[draw]),0.5,0.76,\(draw == 0 ? "FALSE" : "TRUE")\r\n"
      + "\(draw),1,openings_per_year,s,\(openings[draw]),84,90,\([0, 1, 9].contains(draw) ? "FALSE" : "TRUE")\r\n"
  }
  try tamper(predictive, "posterior_predictive.csv", in: folder)
  try tamper(
    "generation,epsilon,proposals,simulations,replications,accepted,acceptance_rate,ess\r\n"
      + "0,2.5,4,4,8,2,0.5,2\r\n1,0.75,40,20,40,2,0.05,1.6\r\n", "generations.csv", in: folder)
  try recordHashes(
    ["posterior_summary.csv", "posterior.csv", "posterior_predictive.csv", "generations.csv"], in: folder)
  return (root, folder)
}

/// The `<figure>` whose chart has `id`, or "" when the page has none.
func figure(_ id: String, in html: String) -> String {
  pieces(of: html, from: "<figure class=\"figure\" id=\"\(id)-figure\"", to: "</figure>").first ?? ""
}

/// The cells of each row of the figure's details table.
func detailsRows(_ figure: String) -> [[String]] {
  let details = pieces(of: figure, from: "<details>", to: "</details>").first ?? ""
  return pieces(of: details, from: "<tr>", to: "</tr>").dropFirst().map { row in
    pieces(of: row, from: "<td>", to: "</td>").map { String($0.dropFirst(4).dropLast(5)) }
  }
}

@Suite("cohortsim report: calibrate folders")
struct ReportCalibrationTests {
  @Test("a calibrate folder's page has the calibration section with a posterior and a predictive chart")
  func calibrationSectionIsDrawn() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    #expect(html.contains("<section id=\"calibration\">"))
    #expect(!html.contains("Not shown"))
    #expect(!html.contains("<section id=\"headline\">"), "a calibration has no placement headline of its own")
    for id in ["chart-calibration-posterior-1", "chart-calibration-predictive"] {
      let chart = figure(id, in: html)
      #expect(chart.contains("<svg class=\"chart\" id=\"\(id)\""), "\(id)")
      #expect(
        (pieces(of: chart, from: "<desc", to: "</desc>").first ?? "").count > 60, "\(id): no text alternative"
      )
      #expect(chart.contains("<figcaption>"), "\(id): no reading")
      #expect(!detailsRows(chart).isEmpty, "\(id): no table of numbers")
    }
  }

  @Test("the posterior histogram bins the last generation's weights over the prior's range")
  func histogramIsTheLastGenerationWeighted() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    let rows = detailsRows(
      figure("chart-calibration-posterior-1", in: try HTMLReport.build(directory: folder)))
    #expect(rows.count == 20)
    #expect(rows.first == ["0", "0.05000", "0.0000", "0.0500"], "generation 0 must not count")
    #expect(rows.last?[1] == "1.000", "the bins span the prior's support")
    #expect(rows[8] == ["0.4000", "0.4500", "0.7500", "0.0500"])
    #expect(rows[13] == ["0.6500", "0.7000", "0.2500", "0.0500"])
    #expect(rows.map { Double($0[2])! }.reduce(0, +) == 1)
  }

  @Test(
    "the posterior's median and 95% interval come from posterior_summary.csv and are compared with the prior")
  func readingUsesTheSummary() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    let chart = figure("chart-calibration-posterior-1", in: try HTMLReport.build(directory: folder))
    #expect(
      chart.contains(
        "hiring.applyProbability is most likely near 0.437 (median; 95% interval 0.312 to 0.688), an interval "
          + "40% as wide as the prior&#39;s 95% range 0.0250 to 0.975."))
    #expect(chart.contains("<rect class=\"interval\""), "the 95% interval is not drawn")
    #expect(chart.contains("class=\"median\""), "the median is not drawn")
    #expect(chart.contains("<polyline class=\"prior\""), "the prior is not drawn")
  }

  @Test("each target row holds its band, the draws' median and 95% range, and the share of draws inside")
  func predictiveTableComesFromTheDraws() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    let rows = detailsRows(
      figure("chart-calibration-predictive", in: try HTMLReport.build(directory: folder)))
    #expect(
      rows == [
        ["hired_at_rotation_site", "0.5000", "0.7600", "10", "0.5800", "0.4000", "0.7500", "90.0%"],
        ["openings_per_year", "84.00", "90.00", "10", "87.00", "80.00", "95.00", "70.0%"],
      ])
  }

  @Test("the predictive reading names the target fitted worst, its band and its share of draws inside")
  func predictiveReadingNamesTheWorstTarget() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    let chart = figure("chart-calibration-predictive", in: try HTMLReport.build(directory: folder))
    #expect(
      chart.contains(
        "The fit is weakest for openings_per_year: in 70% of posterior predictive draws it falls inside its target "
          + "band 84.0–90.0 (the other targets: 90% of draws inside)."))
  }

  @Test("each target band is drawn as a shaded span from its low to its high")
  func bandsAreDrawn() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    let chart = figure("chart-calibration-predictive", in: try HTMLReport.build(directory: folder))
    let bands = pieces(of: chart, from: "<rect class=\"target\" x=", to: "</rect>")
    #expect(bands.count == 2)
    #expect(bands.first?.contains("hired_at_rotation_site target band 50% to 76%") == true)
    #expect(bands.last?.contains("openings_per_year target band 84.0 to 90.0") == true)
    for band in bands {
      let width =
        Double(pieces(of: band, from: "width=\"", to: "\"").first?.dropFirst(7).dropLast() ?? "") ?? 0
      #expect(width > 50, "a band drawn \(width) px wide")
    }
  }

  @Test("the generations table and its reading come from generations.csv and run.json's stop")
  func generationsAreListed() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    let html = try HTMLReport.build(directory: folder)
    #expect(
      html.contains(
        "The sampler ran 2 generations; the tolerance ε fell from 2.50 to 0.750, and the last generation accepted "
          + "5.0% of its proposals (effective sample size 2). It stopped early: the next generation&#39;s acceptance "
          + "rate fell below the floor of 2.0%, so that generation was dropped."))
    #expect(html.contains("<tr><td>1</td><td>0.7500</td><td>40</td><td>2</td><td>5.0%</td><td>1.6</td></tr>"))
  }

  @Test("a calibrate folder without posterior_summary.csv is refused, naming the file")
  func missingSummaryIsRefused() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    try removeOutput("posterior_summary.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.problem.contains("missing posterior_summary.csv, which a calibrate folder always has"))
  }

  @Test("a posterior.csv without a parameter's column is refused, naming the file and the column")
  func missingParameterColumnIsRefused() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    try writeFile(
      "generation,particle,weight,distance,hiring.budget\r\n1,0,1,0.5,0.4\r\n", "posterior.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.path.hasSuffix("posterior.csv"))
    #expect(error.problem.hasPrefix("no column 'hiring.applyProbability'"))
  }

  @Test("a target band whose low is above its high is refused with its line and column")
  func invertedBandIsRefused() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    try writeFile(
      "draw,particle,metric,strategy,value,low,high,inside\r\n0,1,retention,s,0.7,0.8,0.65,FALSE\r\n",
      "posterior_predictive.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.path.hasSuffix("posterior_predictive.csv:2:6"))
    #expect(error.problem.contains("low 0.8 is above its high 0.65"))
  }

  @Test("an inside field that is not TRUE or FALSE is refused with its line and column")
  func badInsideIsRefused() throws {
    let (root, folder) = try calibrateFixture()
    defer { removeTemporaryDirectory(root) }
    try writeFile(
      "draw,particle,metric,strategy,value,low,high,inside\r\n0,1,retention,s,0.7,0.65,0.8,yes\r\n",
      "posterior_predictive.csv", in: folder)
    let error = try #require(reportError(folder))
    #expect(error.path.hasSuffix("posterior_predictive.csv:2:8"))
  }

  @Test("the folder a real calibration writes is reported, every chart with its text alternative and table")
  func realCalibrationFolder() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try completedTinyCalibration(in: directory)
    let html = try HTMLReport.build(directory: plan.outputDirectory)
    let ids = pieces(of: html, from: "<svg class=\"chart\" id=\"", to: "\"")
    #expect(
      ids == [
        "<svg class=\"chart\" id=\"chart-calibration-posterior-1\"",
        "<svg class=\"chart\" id=\"chart-calibration-posterior-2\"",
        "<svg class=\"chart\" id=\"chart-calibration-predictive\"",
      ])
    let rows = detailsRows(figure("chart-calibration-predictive", in: html))
    #expect(rows.map(\.first) == ["placed_12m", "days_to_offer_median"])
    #expect(rows.allSatisfy { $0[3] == "4" }, "each target has the 4 draws")
  }
}
