import CohortModel
import SimKernel
import Testing

@Suite("replications are reproducible and strategies share random numbers")
struct ReproducibilityTests {
  @Test("the same seed gives the same metrics and the same trace")
  func sameSeedSameOutcome() {
    let scenario = smallScenario()
    let (first, firstMonitor) = collected(scenario)
    let (second, secondMonitor) = collected(scenario)
    #expect(first.metrics.values.map(\.bitPattern) == second.metrics.values.map(\.bitPattern))
    #expect(firstMonitor.traces == secondMonitor.traces)
  }

  @Test("different replications give different outcomes")
  func differentReplicationsDiffer() {
    let scenario = smallScenario()
    #expect(collected(scenario, replication: 0).1.traces != collected(scenario, replication: 1).1.traces)
  }

  @Test("two strategies under one seed admit the same students with the same exam luck")
  func strategiesShareStudentsAndExams() {
    let scenario = smallScenario()
    let nearest = collected(scenario, strategy: "nearest-to-home").1.students
    let random = collected(scenario, strategy: "random").1.students
    #expect(nearest.count == random.count)
    #expect(nearest.map(\.credentialDay) == random.map(\.credentialDay))
    #expect(nearest.map(\.graduationDay) == random.map(\.graduationDay))
    #expect(nearest.map(\.rotationSites) != random.map(\.rotationSites))
  }
}
