import CohortModel
import Foundation
import SimKernel
import Testing

/// Decodes a scenario written inline.
private func scenario(_ json: String) throws -> Scenario {
  try Scenario.decode(Data(json.utf8), file: "test.json")
}

/// A program admitting `cohort` students a year for the 100 years 2024–2123.
private func program(_ name: String, cohort: Int) -> String {
  let years = (2024..<2124).map(String.init).joined(separator: ", ")
  return #"{"name": "\#(name)", "xKm": 1, "yKm": 1, "cohortSize": \#(cohort), "intakeYears": [\#(years)]}"#
}

@Suite("validate's resource estimate")
struct ResourceEstimateTests {
  @Test("students are the mean cohort times the intakes that start before the horizon")
  func studentsCountIntakesInsideTheRun() throws {
    let estimate = ResourceEstimate(
      try scenario(#"{"name": "x", "years": 10, "programs": [\#(program("A", cohort: 12))]}"#))
    // Intakes 2024…2033 start before 1 January 2034, the horizon of ten years from 2024.
    #expect(estimate.students == 120)
    #expect(estimate.problems.isEmpty)
  }

  @Test(
    "a scenario within every field's bound but too many students in all is refused at the largest program")
  func tooManyStudentsNamesTheProgram() throws {
    // 50 programs of 400 students a year over 100 years: 2,000,000, and one of 500: over the limit.
    let programs = (0..<50).map { program("P\($0)", cohort: 400) } + [program("Big", cohort: 500)]
    let estimate = ResourceEstimate(
      try scenario(#"{"name": "x", "years": 100, "programs": [\#(programs.joined(separator: ", "))]}"#))
    #expect(estimate.students > ScenarioLimits.studentsPerReplication)
    #expect(estimate.problems.first?.path == "programs[50].intakeYears")
    #expect(estimate.problems.first?.message.contains("students a replication, above the limit") == true)
  }

  @Test("many sites under the Mersenne Twister cost memory through their streams, named at the largest kind")
  func siteStreamsDriveMemory() throws {
    let json = #"""
      {"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1}],
       "region": {"hospitals": {"count": 10000}, "clinics": {"count": 9000}}}
      """#
    let twister = ResourceEstimate(try scenario(json))
    let tausworthe = ResourceEstimate(
      try scenario(
        json.replacingOccurrences(of: #""name": "x","#, with: #""name": "x", "generator": "taus2","#)))
    #expect(twister.memoryDriver == "region.hospitals.count")
    // Three streams of about 5 kB each per site against about 60 bytes: the state dominates.
    #expect(twister.memoryBytes > 3 * tausworthe.memoryBytes)
  }

  @Test(
    "openings over the limit are named at the national openings when they moved furthest from their default")
  func tooManyOpeningsNamesTheDemandField() throws {
    let estimate = ResourceEstimate(
      try scenario(
        #"{"name": "x", "years": 100, "demand": {"nationalOpeningsPerYear": 1000000, "nationalPositions": 10000000, "regionShare": 1}, "programs": [{"name": "A", "xKm": 1, "yKm": 1}]}"#
      ))
    // 1,000,000 openings a year for 100 years.
    #expect(estimate.openings == 100_000_000)
    #expect(estimate.problems.map(\.path).contains("demand.nationalOpeningsPerYear"))
  }
}
