import CohortModel
import Foundation
import SimKernel
import Testing

/// The hiring-place, seeking-placement, retention, exam and quit metrics, on tiny scenarios
/// where the answer can be reasoned out or recomputed from the trace and students.
@Suite("placement and credential metrics follow their definitions")
struct PlacementMetricsTests {
  /// One program and the given sites only.
  func scenario(_ sites: [(name: String, system: Int?, staff: Int, capacity: Int)]) -> Scenario {
    var scenario = smallScenario()
    scenario.sites = sites.enumerated().map { index, listed in
      var site = SiteListing()
      site.name = listed.name
      site.kind = .hospital
      site.xKm = 100 + Double(index) * 5
      site.yKm = 100
      site.system = listed.system
      site.staff = listed.staff
      site.capacity = listed.capacity
      return site
    }
    return scenario
  }

  @Test("with a single site every hire is at a rotation site")
  func singleSiteHiresAreAllAtRotationSites() {
    let runs = metrics(of: scenario([("only", 0, 40, 40)]), replications: 4)
    #expect(runs.allSatisfy { $0[.hiredAtRotationSite] == 1 && $0[.hiredInRotationSystem] == 1 })
  }

  @Test("hires at a site that takes no students are not at a rotation site")
  func hiresAwayFromRotationSitesAreNotCounted() {
    // Rotations only at "teaching"; "hiring" takes no students, so its hires are never counted.
    let runs = metrics(of: scenario([("teaching", nil, 1, 40), ("hiring", nil, 40, 0)]), replications: 4)
    #expect(runs.allSatisfy { $0[.hiredAtRotationSite] < 1 })
    #expect(runs.allSatisfy { $0[.hiredInRotationSystem] == $0[.hiredAtRotationSite] })
  }

  @Test("a hire at another site of the system the student rotated in counts as in the rotation system")
  func sameSystemHiresCountInRotationSystem() {
    let runs = metrics(of: scenario([("teaching", 0, 1, 40), ("hiring", 0, 40, 0)]), replications: 4)
    #expect(runs.allSatisfy { $0[.hiredAtRotationSite] < 1 })
    #expect(runs.allSatisfy { $0[.hiredInRotationSystem] == 1 })
  }

  @Test("hiring-place shares match the trace's acceptances and rotations")
  func hiringPlaceSharesMatchTheTrace() {
    let small = smallScenario()
    let world = World(
      scenario: small, replicationSeed: SeedDerivation.replicationSeed(master: small.seed, replication: 0))
    let (result, monitor) = collected(small)
    var rotated: [Int: [Int]] = [:]
    var accepted = 0
    var atSite = 0
    var inSystem = 0
    for record in monitor.traces {
      if record.event == "rotation_start" { rotated[record.student!, default: []].append(record.site!) }
      guard record.event == "offer_accepted", record.time >= 0 else { continue }
      accepted += 1
      let sites = rotated[record.student!] ?? []
      let system = world.sites[record.site!].system
      if sites.contains(record.site!) { atSite += 1 }
      if sites.contains(record.site!)
        || (system != nil && sites.contains { world.sites[$0].system == system })
      {
        inSystem += 1
      }
    }
    #expect(accepted > 20 && atSite > 0 && inSystem > atSite)
    #expect(result.metrics[.hiredAtRotationSite] == Double(atSite) / Double(accepted))
    #expect(result.metrics[.hiredInRotationSystem] == Double(inSystem) / Double(accepted))
  }

  @Test("graduates who will not move are left out of seeking placement only when unplaced")
  func seekingPlacementMatchesTheStudents() {
    var small = smallScenario()
    small.students.relocationWillingnessKm = .discrete(values: [0, 500], weights: [0.5, 0.5])
    let (result, monitor) = collected(small)
    let horizon = small.horizonDays
    for (window, metric) in [(183.0, Metric.placed6mSeeking), (365.0, .placed12mSeeking)] {
      let followed = monitor.students.filter {
        $0.graduationDay.map { $0 >= 0 && $0 + window <= horizon } ?? false
      }
      let placed = followed.filter { ($0.startDay ?? .infinity) <= $0.graduationDay! + window }
      let seeking = followed.filter { outcome in
        (outcome.startDay ?? .infinity) <= outcome.graduationDay! + window
          || !(outcome.unwillingToRelocate || outcome.leftSearch)
      }
      #expect(placed.count < followed.count && seeking.count < followed.count)
      #expect(result.metrics[metric] == Double(placed.count) / Double(seeking.count))
    }
  }

  @Test("when nobody will move every unplaced graduate is out of the seeking denominator")
  func nobodyMovingMakesSeekingPlacementOne() {
    var small = smallScenario()
    small.students.relocationWillingnessKm = .constant(value: 0)
    let runs = metrics(of: small, replications: 4)
    #expect(runs.allSatisfy { $0[.placed6mSeeking] == 1 && $0[.placed12mSeeking] == 1 })
    #expect(mean(.placed12m, runs) < 1)
  }

  @Test("when everyone would move seeking placement equals placement")
  func everyoneMovingMakesSeekingPlacementPlacement() {
    var small = smallScenario()
    small.students.relocationWillingnessKm = .constant(value: 500)
    small.students.unwillingToRelocateShare = 0
    let runs = metrics(of: small, replications: 4)
    #expect(
      runs.allSatisfy { $0[.placed6mSeeking] == $0[.placed6m] && $0[.placed12mSeeking] == $0[.placed12m] })
  }

  @Test("offer at graduation counts graduates whose first acceptance is on or before their graduation day")
  func offerAtGraduationMatchesTheTrace() {
    // A long decision window: offers made shortly before graduation are accepted after it.
    var small = smallScenario()
    small.hiring.decisionDays = 60
    // Students considered from 270 days before graduating, so some accept before it.
    small.hiring.lookaheadDays = 270
    let (result, monitor) = collected(small)
    var firstAcceptance: [Int: Double] = [:]
    for record in monitor.traces
    where record.event == "offer_accepted" && firstAcceptance[record.student!] == nil {
      firstAcceptance[record.student!] = record.time
    }
    let graduates = monitor.students.filter { $0.graduationDay.map { $0 >= 0 } ?? false }
    let early = graduates.filter { (firstAcceptance[$0.student] ?? .infinity) <= $0.graduationDay! }
    #expect(early.count > 0 && early.count < graduates.count)
    #expect(result.metrics[.offerAtGraduation] == Double(early.count) / Double(graduates.count))
  }

  @Test("retention is one when nobody withdraws and zero when everybody does")
  func retentionFollowsAttrition() {
    var staying = smallScenario()
    staying.students.withdrawalProbability = 0
    #expect(metrics(of: staying, replications: 2).allSatisfy { $0[.retention] == 1 })
    var leaving = smallScenario()
    leaving.students.withdrawalProbability = 1
    #expect(metrics(of: leaving, replications: 2).allSatisfy { $0[.retention] == 0 })
  }

  @Test("retention has no data when no cohort graduates within the horizon")
  func retentionCountsOnlyCohortsGraduatingInTheHorizon() {
    var small = smallScenario()
    small.years = 1
    small.programs[0].intakeYears = [small.startYear]
    #expect(metrics(of: small, replications: 2).allSatisfy { $0[.retention].isNaN && $0[.graduates] == 0 })
  }

  @Test("first-attempt pass rates tell the SPI from the specialty exam")
  func firstAttemptPassRatesTellTheExamsApart() {
    var small = smallScenario()
    var pathway = CredentialPathway.ardms
    pathway.exams[0].firstAttemptPass = 1
    pathway.exams[1].firstAttemptPass = 0
    small.credentialPathways = ["ardms": pathway]
    let runs = metrics(of: small, replications: 2)
    #expect(runs.allSatisfy { $0[.spiFirstAttemptPass] > 0.99 && $0[.specialtyFirstAttemptPass] < 0.01 })
  }

  @Test("first-attempt pass rates match the trace's first attempts from day 0")
  func firstAttemptPassRatesMatchTheTrace() {
    // Intakes before the run starts sit their SPI in the warm-up, which is not counted.
    var small = smallScenario()
    small.programs[0].intakeYears = [2022, 2023, 2024, 2025, 2026]
    let (result, monitor) = collected(small)
    var attempts: [Bool: [String: Int]] = [:]
    var passes: [Bool: [String: Int]] = [:]
    for record in monitor.traces
    where (record.event == "exam_pass" || record.event == "exam_fail")
      && record.detail.hasSuffix(" attempt=1")
    {
      let exam = String(record.detail.dropLast(" attempt=1".count))
      attempts[record.time >= 0, default: [:]][exam, default: 0] += 1
      if record.event == "exam_pass" { passes[record.time >= 0, default: [:]][exam, default: 0] += 1 }
    }
    func rate(_ exam: String, includingWarmUp: Bool) -> Double {
      let sat = attempts[true]![exam]! + (includingWarmUp ? attempts[false]?[exam] ?? 0 : 0)
      let passed = (passes[true]?[exam] ?? 0) + (includingWarmUp ? passes[false]?[exam] ?? 0 : 0)
      return Double(passed) / Double(sat)
    }
    #expect(attempts[true]!["SPI"]! > 20 && attempts[true]!["specialty"]! > 20)
    // The warm-up's SPI attempts would change the figure, so leaving them out is tested.
    #expect(rate("SPI", includingWarmUp: true) != rate("SPI", includingWarmUp: false))
    #expect(result.metrics[.spiFirstAttemptPass] == rate("SPI", includingWarmUp: false))
    #expect(result.metrics[.specialtyFirstAttemptPass] == rate("specialty", includingWarmUp: false))
  }

  @Test("exams of a pathway without an SPI count towards neither pass rate")
  func pathwaysWithoutAnSPIHaveNoPassRates() {
    var small = smallScenario()
    small.programs[0].pathway = "arrt"
    let runs = metrics(of: small, replications: 2)
    #expect(runs.allSatisfy { $0[.spiFirstAttemptPass].isNaN && $0[.specialtyFirstAttemptPass].isNaN })
    #expect(runs.allSatisfy { $0[.credentialed12m] > 0 })
  }

  @Test("the first-year quit share is 0 without quits, 1 when every new hire quits, NaN without follow-up")
  func firstYearQuitShareFollowsQuits() {
    var staying = smallScenario()
    staying.hiring.firstYearQuitProbability = 0
    #expect(metrics(of: staying, replications: 2).allSatisfy { $0[.newHireFirstYearQuit] == 0 })
    var leaving = smallScenario()
    leaving.hiring.firstYearQuitProbability = 1
    #expect(metrics(of: leaving, replications: 2).allSatisfy { $0[.newHireFirstYearQuit] == 1 })
    var short = smallScenario()
    short.years = 2
    #expect(metrics(of: short, replications: 2).allSatisfy { $0[.newHireFirstYearQuit].isNaN })
  }
}
