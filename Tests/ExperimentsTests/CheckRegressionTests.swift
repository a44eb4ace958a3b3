import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

@Suite("the regression check on a changed or unchanged model")
struct CheckRegressionTests {
  @Test("a rerun with the baseline's seeds is tested paired, and unchanged it differs by nothing")
  func unchangedRerunIsPaired() throws {
    let result = try check(against: sharedCheckBaseline).statistical()
    #expect(result.method == "paired t")
    #expect(result.verdicts.count == Metric.allCases.count)
    #expect(result.verdicts.allSatisfy { $0.test.difference == 0 || $0.test.difference.isNaN })
  }

  @Test(
    "a rerun under another master seed is tested with Welch's test",
    .enabled(if: HeavyTests.enabled, HeavyTests.reason))
  func otherSeedsUseWelch() throws {
    let result = try check(against: sharedCheckBaseline) { $0.seed += 1 }.statistical()
    #expect(result.method == "Welch")
  }

  @Test(
    "a real but negligible change (1% fewer openings) is within tolerance, not moved",
    .enabled(if: HeavyTests.enabled, HeavyTests.reason))
  func negligibleChangePasses() throws {
    let result = try check(against: sharedCheckBaseline) { $0.demand.nationalOpeningsPerYear *= 0.99 }
      .statistical()
    // The change did reach the metric, so the pass is the tolerance's doing, not determinism.
    let openings = try #require(result.verdicts.first { $0.metric == .openingsPerYear })
    #expect(openings.test.difference != 0)
    #expect(!result.moved, "moved: \(result.table(onlyMoved: true))")
  }

  @Test("the exact check passes when nothing changed")
  func unchangedPassesExactly() throws {
    #expect(try check(against: sharedCheckBaseline).exact().differences.isEmpty)
  }

  @Test(
    "20% fewer openings a year moves openings_per_year",
    .enabled(if: HeavyTests.enabled, HeavyTests.reason))
  func fewerOpeningsMove() throws {
    let result = try check(against: sharedCheckBaseline) { $0.demand.nationalOpeningsPerYear *= 0.8 }
      .statistical()
    #expect(result.moved)
    #expect(result.verdicts.contains { $0.metric == .openingsPerYear && $0.outcome == .moved })
  }

  @Test(
    "SPI pass rates 10 points lower, first attempt and retakes, move the check",
    .enabled(if: HeavyTests.enabled, HeavyTests.reason))
  func harderSPIMoves() throws {
    let result = try check(against: sharedCheckBaseline) { scenario in
      var pathway = CredentialPathway.ardms
      pathway.exams[0].firstAttemptPass -= 0.10
      pathway.exams[0].retakePass -= 0.10
      scenario.credentialPathways["ardms"] = pathway
    }.statistical()
    #expect(result.moved)
  }

  /// Holm at α = 0.01 over the metrics (and the practical tolerance on top) bounds the chance
  /// that an unchanged model rerun with other seeds is called moved by 1%. One rerun can still
  /// be that 1% (seed +1 was, after the hiring-pipeline change re-drew every number: its
  /// contingent_rate lay 3.6 standard errors from the baseline's, while 20 other seeds showed the
  /// check's noise model right: the spread of run means 0.0146 against a mean standard error of
  /// 0.0138). So four reruns with seeds +1 … +4 are checked and at most one may raise an alarm.
  /// It catches a check that calls noise a move (significance ignored: every rerun moves); it
  /// does not catch a missing multiplicity correction alone, which the tolerance mostly absorbs.
  @Test(
    "a different master seed passes the statistical check (at most one alarm in four reseeded reruns)",
    .enabled(if: HeavyTests.enabled, HeavyTests.reason))
  func newSeedPassesStatistically() throws {
    var alarms: [String] = []
    for offset in UInt64(1)...4 {
      let result = try check(against: sharedCheckBaseline) { $0.seed += offset }.statistical()
      if result.moved { alarms.append("seed +\(offset): \(result.table(onlyMoved: true))") }
    }
    #expect(alarms.count <= 1, "moved: \(alarms.joined(separator: "\n"))")
  }

  @Test("a different master seed fails the exact check at the first data row of summary.csv")
  func newSeedFailsExactly() throws {
    let result = try check(against: sharedCheckBaseline) { $0.seed += 1 }.exact()
    #expect(result.differs)
    let first = try #require(result.differences.first)
    #expect(first.file == .summary)
    #expect(first.line == 2)
    #expect(first.baselineLine != first.newLine)
  }

  @Test("a bless rewrites the baseline so that the changed scenario then passes exactly")
  func blessAcceptsAChange() throws {
    let baseline = try copyOfCheckBaseline()
    let fewerOpenings = { (scenario: inout Scenario) in scenario.demand.nationalOpeningsPerYear *= 0.8 }
    let (moved, problem) = try check(against: baseline, fewerOpenings).bless()
    #expect(problem == nil)
    #expect(moved?.moved == true)
    #expect(try check(against: baseline, fewerOpenings).exact().differences.isEmpty)
  }
}

@Suite("the check's temporary folders")
struct CheckScratchTests {
  /// The pid of a process that has ended (and been reaped), so no process has it for now.
  func deadPid() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test(
    "a killed check's folder, staging folder and lock are removed, while a live process's and a foreign name are kept"
  )
  func staleFoldersOfDeadChecksAreRemoved() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let pid = try deadPid()
    let dead = "\(CheckScratch.prefix)\(pid)-AAAA"
    let deadStaging = ".\(dead).cohortsim-staging-\(pid)-0123"
    let deadLock = ".\(dead).cohortsim-lock"
    let live = "\(CheckScratch.prefix)\(getpid())-BBBB"
    let liveStaging = ".\(live).cohortsim-staging-\(getpid())-4567"
    let foreign = "\(CheckScratch.prefix)notapid"
    for name in [dead, deadStaging, live, liveStaging, foreign] {
      try FileManager.default.createDirectory(
        atPath: directory + "/" + name + "/inner", withIntermediateDirectories: true)
    }
    try Data().write(to: URL(fileURLWithPath: directory + "/" + deadLock))
    #expect(CheckScratch.removeStale(in: directory) == [deadLock, deadStaging, dead].sorted())
    #expect(listing(directory) == [foreign, live, liveStaging].sorted())
  }

  @Test("a new folder's name carries this process's pid, so a later check can tell it is alive")
  func newFolderNamesThePid() {
    let name = (CheckScratch.newFolder(in: "/tmp") as NSString).lastPathComponent
    #expect(name.hasPrefix("\(CheckScratch.prefix)\(getpid())-"))
    #expect(CheckScratch.isAlive(getpid()))
  }
}
