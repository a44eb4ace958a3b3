import CohortModel
import SimKernel
import Testing

@Suite("the shipped scenarios reproduce the figures they are seeded from")
struct CalibrationTests {
  @Test(
    "national.json averages about 5,800 openings a year and grows positions about 13% over 2024–2034",
    .enabled(if: HeavyTests.enabled, HeavyTests.reason))
  func nationalOpeningsAndGrowth() throws {
    let scenario = try shippedScenario("national")
    #expect(scenario.startYear == 2024 && scenario.years == 10)
    var monitor = DiscardingMonitor()
    let seed = SeedDerivation.replicationSeed(master: scenario.seed, replication: 0)
    let result = Replication.run(
      scenario: scenario, strategy: PlacementStrategies.programDefault, replicationSeed: seed,
      monitor: &monitor)
    // Tolerances from the issue: openings within 5% of 5,800; growth within 1.5 points of 13%.
    #expect(
      abs(result.metrics[.openingsPerYear] / 5800 - 1) < 0.05, "openings \(result.metrics[.openingsPerYear])")
    #expect(
      abs(result.metrics[.positionsGrowth] - 0.13) < 0.015, "growth \(result.metrics[.positionsGrowth])")
  }

  @Test(
    "the baseline trace shows a student rotating, noticed, told to apply, sitting exams, offered a contingent job and starting"
  )
  func baselineTraceTellsTheStory() throws {
    let scenario = try shippedScenario("baseline")
    let (_, monitor) = collected(scenario)
    let byStudent = Dictionary(grouping: monitor.traces.filter { $0.student != nil }, by: { $0.student! })
    let story = byStudent.values.first { records in
      let events = Set(records.map(\.event))
      return ["rotation_start", "noticed", "told_to_apply", "exam_pass", "offer_accepted", "job_start"]
        .allSatisfy(events.contains)
        && records.contains { $0.event == "offer" && $0.detail.contains("contingent=true") }
    }
    #expect(story != nil)
  }
}
