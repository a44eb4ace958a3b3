import CohortModel
import Experiments
import Testing

@Suite("the regression check on a changed or unchanged model")
struct CheckRegressionTests {
  @Test("the statistical check passes when nothing changed")
  func unchangedPasses() throws {
    let result = try check(against: sharedCheckBaseline).statistical()
    #expect(!result.moved)
    #expect(result.verdicts.count == Metric.allCases.count)
  }

  @Test("the exact check passes when nothing changed")
  func unchangedPassesExactly() throws {
    #expect(try check(against: sharedCheckBaseline).exact().differences.isEmpty)
  }

  @Test("20% fewer openings a year moves openings_per_year")
  func fewerOpeningsMove() throws {
    let result = try check(against: sharedCheckBaseline) { $0.demand.nationalOpeningsPerYear *= 0.8 }
      .statistical()
    #expect(result.moved)
    #expect(result.verdicts.contains { $0.metric == .openingsPerYear && $0.outcome == .moved })
  }

  @Test("SPI pass rates 10 points lower, first attempt and retakes, move the check")
  func harderSPIMoves() throws {
    let result = try check(against: sharedCheckBaseline) { scenario in
      var pathway = CredentialPathway.ardms
      pathway.exams[0].firstAttemptPass -= 0.10
      pathway.exams[0].retakePass -= 0.10
      scenario.credentialPathways["ardms"] = pathway
    }.statistical()
    #expect(result.moved)
  }

  @Test("a different master seed passes the statistical check")
  func newSeedPassesStatistically() throws {
    let result = try check(against: sharedCheckBaseline) { $0.seed += 1 }.statistical()
    #expect(!result.moved, "moved: \(result.table(onlyMoved: true))")
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
