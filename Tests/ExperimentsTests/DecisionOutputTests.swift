import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

/// The comparison's multiplicity control, its stopping rules and the over-time files.
@Suite("decisions: Holm, --until on differences, selection, outcomes over time")
struct DecisionOutputTests {
  @Test("p_holm is Holm's adjustment of every row's p-value and never below it")
  func holmColumn() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 8, strategies: ["nearest-to-home", "random"])
    plan.reference = "nearest-to-home"
    let report = try completedReport(ExperimentRunner(plan: plan))
    let adjusted = HolmCorrection.adjusted(report.comparisons.map(\.pValue))
    #expect(report.comparisons.contains { !$0.pValue.isNaN })
    for (row, expected) in zip(report.comparisons, adjusted) {
      #expect(row.holmPValue.isNaN == expected.isNaN)
      if !row.pValue.isNaN {
        #expect(row.holmPValue == expected)
        #expect(row.holmPValue >= row.pValue)
      }
    }
    let header = records(plan.outputDirectory, .comparison)[0].split(separator: ",").map(String.init)
    #expect(header.last == "p_holm")
  }

  /// Two strategies whose every metric differs by a constant: their own intervals are as wide
  /// as the uniform noise, their paired difference has zero width.
  func untilPlan(in directory: String, scope: PrecisionTarget.Scope) throws -> ExperimentPlan {
    var plan = try tinyPlan(in: directory, replications: 3, strategies: ["a", "b"])
    plan.reference = "a"
    plan.precisionTarget = PrecisionTarget(
      metric: .placed6m, halfWidth: 0.01, maxReplications: 40, replications: plan.replications)
    plan.precisionTarget?.scope = scope
    return plan
  }

  @Test("--until on differences stops at the first batch when the paired differences are exact")
  func untilOnDifferences() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let model = syntheticModel(offset: { $0 == "b" ? 0.1 : 0 })
    let differences = try completedReport(
      ExperimentRunner(plan: untilPlan(in: directory, scope: .differencesFromReference), replicate: model))
    #expect(differences.targetReached == true)
    #expect(differences.replications == 10)
    let json =
      try JSONSerialization.jsonObject(with: contents(differences.outputDirectory, .provenance)!)
      as! [String: Any]
    #expect((json["until"] as? [String: Any])?["intervals"] as? String == "differences_from_reference")
    var ownPlan = try untilPlan(in: directory, scope: .eachStrategy)
    ownPlan.outputDirectory += "-own"
    let own = try completedReport(ExperimentRunner(plan: ownPlan, replicate: model))
    #expect(own.targetReached == false)
    #expect(own.replications == 40)
  }

  @Test("--select-best writes selection.csv with exactly one selected strategy, the best one")
  func selectionFile() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 3, strategies: ["a", "b", "c"], jobs: 2)
    plan.reference = "a"
    plan.selection = BestSelection(
      metric: .placed6m, minimise: false,
      configuration: KimNelson.Configuration(indifference: 0.01, confidence: 0.95, firstStage: 10))
    let offsets = ["a": 0.0, "b": 0.2, "c": 0.1]
    let report = try completedReport(
      ExperimentRunner(plan: plan, replicate: syntheticModel(offset: { offsets[$0]! })))
    #expect(report.selection?.selected == "b")
    let rows = records(plan.outputDirectory, .selection)
    #expect(rows[0] == "strategy,status,eliminated_after,mean,replications")
    #expect(rows.dropFirst().map { $0.split(separator: ",")[1] } == ["eliminated", "selected", "eliminated"])
    // Differences are exact, so S² = 0 and the first screening (after n₀ = 10) decides.
    #expect(rows[1].hasPrefix("a,eliminated,10,"))
    #expect(rows[2].hasSuffix(",10"))
    #expect(report.replications == 10)
    let json =
      try JSONSerialization.jsonObject(with: contents(plan.outputDirectory, .provenance)!) as! [String: Any]
    let recorded = json["select_best"] as? [String: Any]
    #expect(recorded?["selected"] as? String == "b")
    #expect(recorded?["indifference"] as? Double == 0.01)
  }

  @Test("--select-best --minimise selects the smallest mean")
  func selectionMinimises() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 3, strategies: ["a", "b"])
    plan.reference = "a"
    plan.selection = BestSelection(
      metric: .placed6m, minimise: true, configuration: KimNelson.Configuration(indifference: 0.01))
    let report = try completedReport(
      ExperimentRunner(plan: plan, replicate: syntheticModel(offset: { $0 == "b" ? 0.2 : 0 })))
    #expect(report.selection?.selected == "a")
  }

  @Test("the over-time files have their headers, and the time-to-offer curve is monotone")
  func outcomesOverTime() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(
      in: directory, replications: 8, strategies: ["nearest-to-home", "random"], jobs: 2)
    plan.reference = "nearest-to-home"
    let report = try completedReport(ExperimentRunner(plan: plan))
    let out = plan.outputDirectory
    #expect(
      records(out, .timeToOffer)[0] == "strategy,days_since_graduation,offer_probability,ci95_low,ci95_high")
    #expect(records(out, .cohorts)[0] == "strategy,program,intake_year,metric,n,mean,sd,ci95_low,ci95_high")
    #expect(records(out, .timeline)[0] == "strategy,year,metric,n,mean,sd,ci95_low,ci95_high")
    for strategy in plan.strategies {
      let values = Self.curve(out, strategy)
      #expect(values.count == 731)
      #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }, "\(strategy) curve not monotone")
    }
    #expect(records(out, .cohorts).count > 1)
    #expect(report.meanCohortSize != nil)
  }

  /// `offer_probability` of `strategy`, day 0 to 730.
  static func curve(_ directory: String, _ strategy: String) -> [Double] {
    records(directory, .timeToOffer).dropFirst().map { $0.split(separator: ",") }
      .filter { $0[0] == Substring(strategy) }.map { Double($0[2])! }
  }

  @Test("at 183 days the curve agrees within 0.02 with placed_6m, for every strategy")
  func curveAgreesWithPlaced6m() throws {
    // Both count a started job over the same graduates and average per-replication figures;
    // placed_6m leaves out graduates followed less than 183 days, the curve censors them, so
    // they differ by sampling noise only. 0.02 is the tolerance. Through the model, on
    // the tiny scenario, with 20 replications of four strategies.
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let strategies = ["nearest-to-home", "random", "highest-expected-hiring", "spread-systems"]
    let plan = try tinyPlan(in: directory, replications: 20, strategies: strategies, jobs: 2)
    _ = try completedReport(ExperimentRunner(plan: plan))
    let summary = records(plan.outputDirectory, .summary).dropFirst().map { $0.split(separator: ",") }
    for strategy in strategies {
      let placed = try #require(
        summary.first { $0[0] == Substring(strategy) && $0[1] == "placed_6m" }.map { Double($0[3])! })
      let value = Self.curve(plan.outputDirectory, strategy)[183]
      #expect(abs(value - placed) <= 0.02, "\(strategy): curve \(value) vs placed_6m \(placed)")
    }
  }

  /// `timeline.csv` rows of `metric`, as year → mean.
  static func timeline(_ directory: String, _ metric: String) -> [Int: Double] {
    var values: [Int: Double] = [:]
    for row in records(directory, .timeline).dropFirst().map({ $0.split(separator: ",") })
    where row[2] == Substring(metric) {
      values[Int(row[1])!] = Double(row[4])!
    }
    return values
  }

  @Test("requisitions the model reports become per-year openings, outside hires and unfilled openings")
  func requisitionTimeline() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 3, strategies: ["a"])
    let synthetic = syntheticModel()
    let model: ReplicationFunction = { strategy, seed, monitor in
      if monitor.wantsRequisitions {
        monitor.requisitions([
          RequisitionOutcome(
            site: 0, approvedDay: 10, isChain: false, filledDay: 400, filledBy: .outsideHire),
          RequisitionOutcome(site: 1, approvedDay: 20, isChain: true, filledDay: nil, filledBy: nil),
        ])
      }
      return synthetic(strategy, seed, &monitor)
    }
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: model))
    let out = plan.outputDirectory
    // Year 2024 is days [0, 365.25), 2025 is [365.25, 730.5).
    #expect(Self.timeline(out, "openings") == [2024: 1, 2025: 0, 2026: 0])
    #expect(Self.timeline(out, "chain_openings") == [2024: 1, 2025: 0, 2026: 0])
    #expect(Self.timeline(out, "outside_hires") == [2024: 0, 2025: 1, 2026: 0])
    #expect(Self.timeline(out, "unfilled_openings_at_year_end") == [2024: 2, 2025: 1, 2026: 1])
  }

  @Test(
    "the cohort model reports its requisitions: timeline.csv has openings, outside hires and unfilled openings"
  )
  func cohortModelReportsRequisitions() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 3)
    _ = try completedReport(ExperimentRunner(plan: plan))
    let metrics = Set(
      records(plan.outputDirectory, .timeline).dropFirst().map { $0.split(separator: ",")[2] })
    for name in ["openings", "outside_hires", "unfilled_openings_at_year_end"] {
      #expect(metrics.contains(Substring(name)), "timeline.csv has no \(name) rows")
    }
  }

  @Test("without requisitions from the model the timeline has no requisition rows")
  func noRequisitionRowsWithoutReports() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 3, strategies: ["a"])
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    #expect(Self.timeline(plan.outputDirectory, "openings").isEmpty)
    #expect(Self.timeline(plan.outputDirectory, "graduates").count == 3)
  }

  @Test(
    "time_to_offer.csv is the Kaplan–Meier curve of the graduates' waits for a started job, censored at the horizon, by hand"
  )
  func curveByHand() throws {
    // Tiny's horizon is 3 × 365.25 = 1095.75 days. Six graduates on day 100: jobs started after
    // 30 (two) and 200 days (one), three never (censored at 995.75). Four on day 1050, followed
    // 45.75 days: one job started after 30 days, three censored at 45.75. At 30 days 3 of 10
    // start: F = 0.3. The three short ones leave; at 200 days 1 of the 4 left: F = 0.3 + 0.7/4.
    // Every offer is accepted 20 days before its job starts, and does not count.
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 2, strategies: ["a"])
    let waits: [(graduation: Double, offer: Double?)] =
      [(100, 30), (100, 30), (100, 200), (100, nil), (100, nil), (100, nil)]
      + [(1050, 30), (1050, nil), (1050, nil), (1050, nil)]
    let model: ReplicationFunction = { _, _, monitor in
      for (index, wait) in waits.enumerated() {
        monitor.student(
          StudentOutcome(
            student: index, program: "P", intakeYear: 2024, graduationDay: wait.graduation,
            daysFromGraduationToOffer: wait.offer.map { $0 - 20 }, offerSource: nil, offerSite: nil,
            contingent: false, rescinded: false, relocated: false, relocationDistanceKm: nil,
            credentialDay: nil, licenceDay: nil,
            startDay: wait.offer.map { wait.graduation + $0 }, rotationSites: []))
      }
      return ReplicationMetrics()
    }
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: model))
    let curve = Self.curve(plan.outputDirectory, "a")
    #expect(curve[29] == 0)
    #expect(abs(curve[30] - 0.3) < 1e-12)
    #expect(abs(curve[183] - 0.3) < 1e-12)
    #expect(abs(curve[200] - 0.475) < 1e-12)
    #expect(abs(curve[730] - 0.475) < 1e-12)
  }

  @Test("cohorts.csv gives each cohort's graduates and placement shares with the run-wide rules")
  func cohortsByHand() throws {
    // Intake 2024: four graduates on day 100, started on days 200, 250, 400 and never: placed_6m
    // (start by day 283) = 2/4, placed_12m (by day 465) = 3/4. Intake 2025: two graduates on day
    // 1000, too late for 183 days of follow-up before 1095.75: placed_6m has no value (no row
    // value, n = 0). A student graduating after the horizon is not a graduate.
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 2, strategies: ["a"])
    let students: [(year: Int, graduation: Double?, start: Double?)] = [
      (2024, 100, 200), (2024, 100, 250), (2024, 100, 400), (2024, 100, nil), (2025, 1000, 1010),
      (2025, 1000, nil), (2025, nil, nil),
    ]
    let model: ReplicationFunction = { _, _, monitor in
      for (index, student) in students.enumerated() {
        monitor.student(
          StudentOutcome(
            student: index, program: "P", intakeYear: student.year, graduationDay: student.graduation,
            daysFromGraduationToOffer: nil, offerSource: nil, offerSite: nil, contingent: false,
            rescinded: false,
            relocated: false, relocationDistanceKm: nil, credentialDay: nil, licenceDay: nil,
            startDay: student.start, rotationSites: []))
      }
      return ReplicationMetrics()
    }
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: model))
    let rows = records(plan.outputDirectory, .cohorts).dropFirst().map {
      $0.split(separator: ",").map(String.init)
    }
    func cell(_ year: String, _ metric: String) -> [String] {
      rows.first { $0[2] == year && $0[3] == metric }.map { [$0[4], $0[5]] } ?? []
    }
    #expect(cell("2024", "graduates") == ["2", "4.0"])
    #expect(cell("2024", "placed_6m") == ["2", "0.5"])
    #expect(cell("2024", "placed_12m") == ["2", "0.75"])
    #expect(cell("2025", "graduates") == ["2", "2.0"])
    #expect(cell("2025", "placed_6m") == ["0", "NaN"])
  }
}
