import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

/// Three listed sites (one name needs CSV quoting) inside a region that generates four more.
let listedSitesScenarioJSON = """
  {
    "name": "listed-tiny",
    "seed": 11,
    "years": 3,
    "demand": { "regionShare": 0.002 },
    "region": {
      "widthKm": 60, "heightKm": 60,
      "states": [{ "code": "OR", "share": 1 }],
      "hospitals": { "count": 2, "staff": 8, "capacity": 2, "independentShare": 0.5 },
      "clinics": { "count": 2, "staff": 1, "capacity": 1, "independentShare": 1 }
    },
    "sites": [
      { "name": "Mercy, North", "kind": "hospital", "xKm": 30, "yKm": 35, "system": 0, "staff": 30, "capacity": 3 },
      { "name": "Valley Imaging", "kind": "imaging_center", "xKm": 25, "yKm": 30, "system": 0, "staff": 6, "capacity": 1 },
      { "name": "Riverside Hospital", "kind": "hospital", "xKm": 35, "yKm": 25, "system": 1, "staff": 30, "capacity": 3 }
    ],
    "programs": [
      { "name": "Tiny College", "xKm": 30, "yKm": 30, "intakeYears": [2022, 2023], "cohortSize": 6 }
    ]
  }
  """

@Suite("outputs name sites, and --students writes sites.csv")
struct SiteOutputTests {
  /// Runs the scenario above with --students and --trace, two replications.
  func run(in directory: String) throws -> String {
    let path = (directory as NSString).appendingPathComponent("listed.json")
    try Data(listedSitesScenarioJSON.utf8).write(to: URL(fileURLWithPath: path))
    var plan = ExperimentPlan.defaults(
      for: try ScenarioFile.load(path), provenance: ProvenanceInfo(version: "test", commandLine: ["test"]))
    plan.replications = 2
    plan.strategies = ["nearest-to-home"]
    plan.jobs = 1
    plan.outputDirectory = (directory as NSString).appendingPathComponent("out")
    plan.writeStudents = true
    plan.writeTrace = true
    _ = try completedReport(ExperimentRunner(plan: plan))
    return plan.outputDirectory
  }

  func table(_ directory: String, _ file: OutputFile) -> [[String]] {
    OutputContractTests.parse(String(decoding: contents(directory, file) ?? Data(), as: UTF8.self))
  }

  static let names = [
    "Mercy, North", "Valley Imaging", "Riverside Hospital", "hospital-0", "hospital-1", "clinic-0",
    "clinic-1",
  ]

  @Test("sites.csv has one row per replication, strategy and site: listed by name first, then generated")
  func sitesTable() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let rows = table(try run(in: directory), .sites)
    #expect(rows.count == 1 + 2 * 7)
    for replication in 0..<2 {
      let block = rows.dropFirst(1 + 7 * replication).prefix(7)
      #expect(block.map { $0[0] } == Array(repeating: String(replication), count: 7))
      #expect(block.map { $0[1] } == (0..<7).map(String.init))
      #expect(block.map { $0[2] } == Self.names)
      #expect(
        block.map { $0[6] } == ["listed", "listed", "listed"] + Array(repeating: "generated", count: 4))
    }
    let mercy = rows[1]
    #expect(
      mercy.prefix(12) == [
        "0", "0", "Mercy, North", "hospital", "OR", "0", "listed", "30", "3", "30.0", "35.0",
        "nearest-to-home",
      ])
    #expect(rows[6][5] == "NA", "a generated clinic with independentShare 1 has no system")
  }

  @Test("sites.csv gives each site's hires of its rotation students, openings and mean days to fill, by hand")
  func siteHiringByHand() throws {
    // Site 0: two requisitions, filled after 30 and 50 days (mean 40), one cancelled and never
    // filled (an opening all the same); two students hold jobs there, one of whom rotated there.
    // Site 1: one requisition, unfilled (mean NaN); a student rotated there but works at site 0.
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 2, strategies: ["a", "b"])
    plan.writeStudents = true
    let synthetic = syntheticModel()
    let model: ReplicationFunction = { strategy, seed, monitor in
      monitor.requisitions([
        RequisitionOutcome(site: 0, approvedDay: 10, isChain: false, filledDay: 40, filledBy: .student),
        RequisitionOutcome(site: 0, approvedDay: 100, isChain: true, filledDay: 150, filledBy: .outsideHire),
        RequisitionOutcome(site: 0, approvedDay: 200, isChain: false, filledDay: nil, filledBy: nil),
        RequisitionOutcome(site: 1, approvedDay: 20, isChain: false, filledDay: nil, filledBy: nil),
      ])
      for (index, rotations) in [[0, 1], [1]].enumerated() {
        monitor.student(
          StudentOutcome(
            student: index, program: "P", intakeYear: 2024, graduationDay: 100, daysFromGraduationToOffer: 5,
            offerSource: .ownSite, offerSite: 0, contingent: false, rescinded: false, relocated: false,
            relocationDistanceKm: nil, credentialDay: nil, licenceDay: nil, startDay: 120,
            rotationSites: strategy == "b" ? [] : rotations))
      }
      return synthetic(strategy, seed, &monitor)
    }
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: model))
    let rows = table(plan.outputDirectory, .sites)
    let header = rows[0]
    let column = { (name: String) in header.firstIndex(of: name)! }
    let site = { (strategy: String, index: Int) in
      rows.first { $0[0] == "1" && $0[column("strategy")] == strategy && $0[1] == String(index) }!
    }
    #expect(
      header.dropLast(3).suffix(4) == [
        "strategy", "rotation_student_hires", "openings", "time_to_fill_days_mean",
      ])
    #expect(site("a", 0)[column("rotation_student_hires")] == "1")
    #expect(site("a", 0)[column("openings")] == "3")
    #expect(site("a", 0)[column("time_to_fill_days_mean")] == "40.0")
    #expect(site("a", 1)[column("rotation_student_hires")] == "0")
    #expect(site("a", 1)[column("openings")] == "1")
    #expect(site("a", 1)[column("time_to_fill_days_mean")] == "NaN")
    #expect(site("b", 0)[column("rotation_student_hires")] == "0", "under b nobody rotated anywhere")
  }

  @Test("students.csv gives offer and rotation sites by name, and some offers are at listed sites")
  func studentsNameSites() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let rows = table(try run(in: directory), .students)
    let offers = rows.dropFirst().map { $0[8] }.filter { $0 != "NA" }
    #expect(!offers.isEmpty)
    #expect(offers.allSatisfy(Self.names.contains))
    #expect(offers.contains { Self.names.prefix(3).contains($0) })
    let rotations = rows.dropFirst().flatMap { $0[16].split(separator: ";").map(String.init) }
    #expect(!rotations.isEmpty)
    #expect(rotations.allSatisfy(Self.names.contains))
  }

  @Test("trace.csv gives sites by name, in its site column and in vacancy chains' details")
  func traceNamesSites() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let rows = table(try run(in: directory), .trace).dropFirst()
    let sites = rows.map { $0[3] }.filter { $0 != "NA" }
    #expect(!sites.isEmpty)
    #expect(sites.allSatisfy(Self.names.contains))
    let movedTo = rows.filter { $0[1] == "vacancy_chain" }.map {
      $0[4].replacingOccurrences(of: "moved_to_site=", with: "")
    }
    #expect(!movedTo.isEmpty)
    #expect(movedTo.allSatisfy(Self.names.contains))
  }
}

@Suite(
  "validate and describe check listed sites",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct SiteValidationCommandTests {
  /// The listed-sites scenario with `edit` applied, written as `name` in `directory`.
  func write(_ name: String, in directory: String, _ edit: (String) -> String) throws {
    try Data(edit(listedSitesScenarioJSON).utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
  }

  @Test("validate and describe warn, and still exit 0, when openings are below half the students")
  func fewOpeningsWarn() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    // No generated site (both kinds' counts 0): only the three listed sites (66 positions, ≈ 4.3 openings a year) for 20 students a year.
    try write("crowded.json", in: directory) {
      $0.replacingOccurrences(of: #""cohortSize": 6"#, with: #""cohortSize": 20"#)
        .replacingOccurrences(of: #""count": 2"#, with: #""count": 0"#)
    }
    for command in ["validate", "describe"] {
      let (status, _, stderr) = try runCohortsim([command, "crowded.json"], in: directory)
      #expect(status == 0, "\(command)")
      #expect(stderr.contains("warning: crowded.json: the region's expected openings a year"), "\(command)")
    }
    // Written against the current defaults, so that no changed-defaults note joins the warnings.
    try write("roomy.json", in: directory) {
      $0.replacingOccurrences(
        of: #""name": "listed-tiny","#, with: #""name": "listed-tiny", "modelDefaults": "2026-12","#)
    }
    let (status, _, stderr) = try runCohortsim(["validate", "roomy.json"], in: directory)
    #expect(status == 0)
    #expect(stderr.isEmpty)
  }

  @Test("validate and describe refuse a listed site outside the region with exit 2 and its field path")
  func siteOutsideRegionRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try write("outside.json", in: directory) {
      $0.replacingOccurrences(of: #""xKm": 35, "yKm": 25"#, with: #""xKm": 35, "yKm": 95"#)
    }
    for command in ["validate", "describe"] {
      let (status, stdout, stderr) = try runCohortsim([command, "outside.json"], in: directory)
      #expect(status == 2, "\(command)")
      #expect(stdout.isEmpty, "\(command)")
      #expect(stderr.contains("outside.json: sites[2].yKm: site \""), "\(command)")
      #expect(stderr.contains("lies outside the region"), "\(command)")
    }
  }
}

@Suite(
  "validate estimates what a run costs", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct ResourceEstimateCommandTests {
  @Test("validate prints the estimate of a shipped scenario and exits 0")
  func estimatePrinted() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try Data(listedSitesScenarioJSON.utf8).write(to: URL(fileURLWithPath: directory + "/ok.json"))
    let (status, stdout, _) = try runCohortsim(["validate", "ok.json"], in: directory)
    #expect(status == 0)
    #expect(stdout.contains("estimate: about "))
    #expect(stdout.contains(" events and "))
  }

  @Test("validate refuses a scenario whose estimate exceeds a limit with exit 2, naming the driving field")
  func estimateOverLimitRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    // 1,000 generated programs of 500 students, 11 intakes: 5.5 million students.
    let json = #"""
      {"name": "huge", "programs": [],
       "generatedPrograms": {"count": 1000, "template": {"cohortSize": 500,
         "intakeYears": [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033]}}}
      """#
    try Data(json.utf8).write(to: URL(fileURLWithPath: directory + "/huge.json"))
    let (status, stdout, stderr) = try runCohortsim(["validate", "huge.json"], in: directory)
    #expect(status == 2)
    #expect(stdout.isEmpty)
    #expect(
      stderr.contains(
        "huge.json: generatedPrograms.count: the scenario's resource estimate is about 5000000 students"))
  }
}
