import CohortModel
import Experiments
import Foundation
import InputFormats
import TestSupport
import Testing

/// The column contract of issue 4, written out literally here rather than taken from
/// `OutputColumns`, so that a change to a header is a deliberate change to this test too.
@Suite("output file contract")
struct OutputContractTests {
  static let metricColumns = [
    "placed_6m", "placed_12m", "credentialed_12m", "offer_own_site", "offer_same_system",
    "offer_recommendation",
    "offer_open_market", "days_to_offer_median", "days_to_offer_km_median", "contingent_rate",
    "rescinded_rate", "relocated_rate",
    "openings_per_year", "chain_openings_per_year", "positions_growth", "time_to_fill_days_mean",
    "unfilled_openings_share", "graduates",
    "rotations_unplaced_share", "hired_at_rotation_site", "hired_in_rotation_system", "placed_6m_seeking",
    "placed_12m_seeking", "offer_at_graduation", "retention", "spi_first_attempt_pass",
    "specialty_first_attempt_pass", "new_hire_first_year_quit", "not_seeking_6m",
  ]

  static let headers: [(OutputFile, [String])] = [
    (.summary, ["strategy", "metric", "n", "mean", "sd", "ci95_low", "ci95_high", "p10", "p50", "p90"]),
    (.replications, ["strategy", "replication", "seed", "seed_hex"] + metricColumns),
    (
      .comparison,
      ["strategy", "reference", "metric", "mean_diff", "ci95_low", "ci95_high", "p_value", "p_holm"]
    ),
    (
      .students,
      [
        "strategy", "replication", "student", "program", "intake_year", "graduation_day",
        "days_from_graduation_to_offer", "offer_source", "offer_site", "contingent", "rescinded", "relocated",
        "relocation_distance_km", "credential_day", "licence_day", "start_day", "rotation_sites",
        "unwilling_to_relocate", "left_search", "student_id",
      ]
    ),
    (.trace, ["time", "event", "student", "site", "detail", "student_id"]),
    (
      .sites,
      [
        "replication", "site", "name", "kind", "state", "system", "origin", "positions", "capacity", "x_km",
        "y_km", "strategy", "rotation_student_hires", "openings", "time_to_fill_days_mean", "system_name",
        "latitude", "longitude",
      ]
    ),
    (.timeToOffer, ["strategy", "days_since_graduation", "offer_probability", "ci95_low", "ci95_high"]),
    (.cohorts, ["strategy", "program", "intake_year", "metric", "n", "mean", "sd", "ci95_low", "ci95_high"]),
    (.timeline, ["strategy", "year", "metric", "n", "mean", "sd", "ci95_low", "ci95_high"]),
  ]

  /// Splits CSV text into records of fields with the reader cohortsim reads its own files back
  /// with (`WrittenCSV`), so the tests hold the outputs to what `check` and `merge` accept; text
  /// it refuses fails the test.
  static func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [[String]] {
    do {
      return try WrittenCSV.records(text)
    } catch {
      Issue.record("not a CSV file cohortsim writes: \(error)", sourceLocation: sourceLocation)
      return []
    }
  }

  func fullRun(in directory: String) throws -> (ExperimentPlan, RunReport) {
    var plan = try tinyPlan(
      in: directory, replications: 3, strategies: ["nearest-to-home", "random"], jobs: 2)
    plan.reference = "nearest-to-home"
    plan.writeStudents = true
    plan.writeTrace = true
    return (plan, try completedReport(ExperimentRunner(plan: plan)))
  }

  @Test("every CSV file has the contract's header and as many fields in every row")
  func headersAndRowWidths() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (plan, _) = try fullRun(in: directory)
    for (file, header) in Self.headers {
      let text = String(decoding: contents(plan.outputDirectory, file) ?? Data(), as: UTF8.self)
      let rows = Self.parse(text)
      #expect(rows.first == header, "\(file.rawValue) header")
      #expect(rows.count > 1, "\(file.rawValue) has no rows")
      for (number, row) in rows.enumerated() where row.count != header.count {
        Issue.record("\(file.rawValue) row \(number) has \(row.count) fields, not \(header.count)")
      }
    }
  }

  @Test("the metric columns are Metric.allCases in order")
  func metricOrder() {
    #expect(Metric.allCases.map(\.rawValue) == Self.metricColumns)
  }

  @Test("summary.csv counts only replications with a value, and writes NaN for missing figures")
  func summaryCountsAndMissing() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 30, strategies: ["a"])
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    let replications = Self.parse(
      String(decoding: contents(plan.outputDirectory, .replications)!, as: UTF8.self))
    let column = replications[0].firstIndex(of: "rescinded_rate")!
    let present = replications.dropFirst().filter { $0[column] != "NaN" }.count
    #expect(present < 30 && present > 0)
    let summary = Self.parse(String(decoding: contents(plan.outputDirectory, .summary)!, as: UTF8.self))
    let row = summary.first { $0[1] == "rescinded_rate" }!
    #expect(row[2] == String(present))
  }

  @Test(
    "students.csv quotes a program name with a comma, writes a missing number as NaN and booleans as TRUE/FALSE"
  )
  func studentRows() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (plan, _) = try fullRun(in: directory)
    let rows = Self.parse(String(decoding: contents(plan.outputDirectory, .students)!, as: UTF8.self))
    #expect(rows.dropFirst().allSatisfy { $0[3] == "Tiny College, \"East\"" })
    #expect(rows.dropFirst().contains { $0.contains("NaN") })
    #expect(rows.dropFirst().allSatisfy { ["TRUE", "FALSE"].contains($0[9]) })
  }

  @Test("trace.csv holds the first replication of the first strategy only")
  func traceScope() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 4, strategies: ["a", "b"], jobs: 2)
    plan.writeTrace = true
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    #expect(
      records(plan.outputDirectory, .trace) == [
        "time,event,student,site,detail,student_id", "0.0,step,NA,NA,\"a,b\",NA",
        "1.0,step,0,NA,\"a,b\",NA", "2.0,step,1,NA,\"a,b\",NA",
      ])
  }

  @Test(
    "run.json records version, scenario hash, seed, replications, strategies, jobs, command line and times")
  func provenance() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (plan, _) = try fullRun(in: directory)
    let json =
      try JSONSerialization.jsonObject(with: contents(plan.outputDirectory, .provenance)!) as! [String: Any]
    let hash = SHA256.hexDigest(of: FileManager.default.contents(atPath: plan.scenarioFile.path)!)
    #expect(json["scenario_sha256"] as? String == hash)
    #expect(json["master_seed"] as? Int == 42)
    #expect(json["replications"] as? Int == 3)
    #expect(json["strategies"] as? [String] == ["nearest-to-home", "random"])
    #expect(json["jobs"] as? Int == 2)
    #expect(json["cohortsim_version"] as? String == "test")
    #expect(json["command_line"] as? [String] == ["test"])
    #expect((json["scenario_file"] as? String)?.hasSuffix("tiny.json") == true)
    #expect((json["started_at"] as? String)?.hasSuffix("Z") == true)
    #expect((json["finished_at"] as? String)?.hasSuffix("Z") == true)
    #expect((json["platform"] as? String)?.isEmpty == false)
  }

  @Test("an overwriting run without --students removes the students.csv an earlier run left")
  func staleFilesRemoved() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (plan, _) = try fullRun(in: directory)
    var again = plan
    again.writeStudents = false
    again.writeTrace = false
    again.reference = nil
    again.overwrite = true
    _ = try completedReport(ExperimentRunner(plan: again))
    #expect(
      listing(plan.outputDirectory) == [
        "cohorts.csv", "replications.csv", "run.json", "summary.csv", "time_to_offer.csv", "timeline.csv",
      ])
  }
}
