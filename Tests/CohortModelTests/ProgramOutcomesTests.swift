import Foundation
import SimKernel
import Testing

@testable import CohortModel

/// Runs replication `replication` of `scenario` under `strategy` to its horizon and returns what
/// each cohort drew at admission (its withdrawal probability and exam-ability shift), in cohort
/// order, with the run's trace.
private func cohortOutcomes(
  _ scenario: Scenario, strategy: String = PlacementStrategies.programDefault, replication: Int = 0
) -> (outcomes: [CohortOutcomes], traces: [TraceRecord]) {
  let seed = SeedDerivation.replicationSeed(master: scenario.seed, replication: replication)
  let world = World(scenario: scenario, replicationSeed: seed)
  var model = CohortDynamics(
    scenario: scenario, world: world, strategy: strategy, replicationSeed: seed, tracing: true)
  var simulation = Simulation<CohortEvent>(
    start: CohortDynamics.firstAdmissionDay(scenario: scenario, world: world))
  model.start(&simulation)
  simulation.run(until: scenario.horizonDays, &model)
  return (model.roster.cohorts.map(\.outcomes), model.traceSink?.records ?? [])
}

private func logit(_ p: Double) -> Double { log(p / (1 - p)) }

/// The tiny region with one cohort of `size` students whose withdrawal is left to the program
/// (no legacy `students.withdrawalProbability`).
private func tinyCohort(size: Double) -> Scenario {
  var scenario = TinyRegion.scenario()
  scenario.students.withdrawalProbability = nil
  scenario.programs[0].cohortSize = .constant(value: size)
  return scenario
}

/// The tiny region with three intakes in each of two programs, for comparing cohorts.
private func sixCohorts() -> Scenario {
  var scenario = TinyRegion.scenario()
  scenario.students.withdrawalProbability = nil
  scenario.programs[0].intakeYears = [2024, 2025, 2026]
  var second = scenario.programs[0]
  second.name = "North"
  second.yKm = 150
  scenario.programs.append(second)
  return scenario
}

@Suite("programs that differ: retention and exam ability per program and cohort (7.1b)")
struct ProgramOutcomesTests {
  @Test("a program stating retention 1 with no cohort variation loses nobody")
  func fullRetentionLosesNobody() {
    var scenario = tinyCohort(size: 30)
    scenario.programs[0].retention = .constant(value: 1)
    scenario.programs[0].cohortRetentionSd = 0
    let run = TinyRegion.run(scenario)
    #expect(run.events("admitted").count == 30)
    #expect(run.events("withdrawn").isEmpty)
    #expect(run.metrics[.graduates] == 30)
  }

  @Test("a program stating retention 0 graduates nobody")
  func zeroRetentionGraduatesNobody() {
    var scenario = tinyCohort(size: 30)
    scenario.programs[0].retention = .constant(value: 0)
    let run = TinyRegion.run(scenario)
    #expect(run.events("withdrawn").count == 30)
    #expect(run.events("graduated").isEmpty)
    #expect(run.metrics[.graduates] == 0)
  }

  @Test("the legacy students.withdrawalProbability gives every cohort exactly that probability")
  func legacyProbabilityHasNoVariation() {
    var scenario = sixCohorts()
    scenario.students.withdrawalProbability = 0.3
    for index in scenario.programs.indices { scenario.programs[index].cohortRetentionSd = 0.5 }
    let outcomes = cohortOutcomes(scenario).outcomes
    #expect(outcomes.count == 6)
    #expect(outcomes.map(\.withdrawalProbability) == Array(repeating: 0.3, count: 6))
  }

  @Test("cohorts of one program differ in retention when cohortRetentionSd is above 0")
  func cohortsVaryAroundTheirProgram() {
    var scenario = sixCohorts()
    for index in scenario.programs.indices {
      scenario.programs[index].retention = .constant(value: 0.8)
      scenario.programs[index].cohortRetentionSd = 0.5
    }
    let probabilities = cohortOutcomes(scenario).outcomes.map(\.withdrawalProbability)
    #expect(probabilities.count == 6)
    #expect(Set(probabilities).count == 6, "\(probabilities)")
    // A logit-scale sd of 0.5 keeps every cohort's retention inside 0.8 ± 4 sd on that scale.
    #expect(probabilities.allSatisfy { $0 > 0 && $0 < 0.7 }, "\(probabilities)")
  }

  @Test("cohorts of a program with constant retention and cohortRetentionSd 0 are identical")
  func cohortsAreIdenticalWithoutVariation() {
    var scenario = sixCohorts()
    for index in scenario.programs.indices {
      scenario.programs[index].retention = .constant(value: 0.8)
      scenario.programs[index].cohortRetentionSd = 0
    }
    let probabilities = cohortOutcomes(scenario).outcomes.map(\.withdrawalProbability)
    #expect(probabilities.count == 6)
    #expect(probabilities.allSatisfy { abs($0 - 0.2) < 1e-12 }, "\(probabilities)")
  }

  @Test("with every student of the same ability, the shift for rate r from base p is logit(r) − logit(p)")
  func examShiftWithConstantAbility() {
    // E[logistic(logit(p) + s + 0)] = r exactly when logit(p) + s = logit(r).
    for (rate, base) in [(0.8, 0.5), (0.5, 0.8), (0.95, 0.7), (0.3, 0.6)] {
      let shift = CohortDynamics.examShift(
        meeting: rate, firstAttemptPass: base, ability: .constant(value: 0))
      #expect(abs(shift - (logit(rate) - logit(base))) < 1e-9, "r \(rate), p \(base): \(shift)")
    }
    // logit(0.8) − logit(0.5) = ln 4.
    let shift = CohortDynamics.examShift(meeting: 0.8, firstAttemptPass: 0.5, ability: .constant(value: 0))
    #expect(abs(shift - log(4)) < 1e-9)
  }

  @Test("with a symmetric ability distribution, meeting a base rate of one half needs no shift")
  func examShiftWithSymmetricAbility() {
    // logistic(a) + logistic(−a) = 1, so at s = 0 the mean over a symmetric ability is 1/2.
    for ability in [Distribution.normal(mean: 0, sd: 1), .uniform(lower: -1, upper: 1)] {
      let shift = CohortDynamics.examShift(meeting: 0.5, firstAttemptPass: 0.5, ability: ability)
      #expect(abs(shift) < 1e-9, "\(ability.summary): \(shift)")
    }
  }

  @Test("with abilities uniform on [−1, 1], the shift meeting (ln(1 + e²) − ln 2) / 2 from one half is 1")
  func examShiftWithUniformAbility() {
    // For a ~ U(−1, 1), E[logistic(s + a)] = (softplus(s + 1) − softplus(s − 1)) / 2 with
    // softplus(y) = ln(1 + eʸ); at s = 1 that is (ln(1 + e²) − ln 2) / 2 ≈ 0.71689. The code
    // averages 199 midpoint quantiles: an error in the mean of about h²/24 · |f''| ≈ 1e-6 (h =
    // 2/199), ≈ 5e-6 in the shift; 1e-4 allows for it. Ignoring the spread would give
    // logit(0.71689) ≈ 0.929 instead.
    let rate = (log(1 + exp(2.0)) - log(2.0)) / 2
    let shift = CohortDynamics.examShift(
      meeting: rate, firstAttemptPass: 0.5, ability: .uniform(lower: -1, upper: 1))
    #expect(abs(shift - 1) < 1e-4, "\(shift)")
  }

  /// 400 students sit an exam whose pathway rate is 0.7, with their own ability normal(0, 0.66)
  /// and no cohort variation. Their first-attempt pass rate is a binomial share of mean 0.95
  /// (the quadrature's error is below 1e-5) and sd √(0.95 · 0.05 / 400) ≈ 0.011; the tolerance
  /// 0.035 is over three sds. Without the program's shift the rate would be about 0.68.
  @Test("a program stating firstAttemptPass 0.95 has a measured first-attempt pass rate near 0.95")
  func statedFirstAttemptPassIsMet() {
    var scenario = tinyCohort(size: 400)
    scenario.programs[0].retention = .constant(value: 1)
    scenario.programs[0].firstAttemptPass = 0.95
    scenario.programs[0].cohortExamAbilitySd = 0
    scenario.students.examAbility = .normal(mean: 0, sd: 0.66)
    scenario.credentialPathways["tiny"]!.exams[0].firstAttemptPass = 0.7
    scenario.credentialPathways["tiny"]!.exams[0].retakePass = 0.7
    let run = TinyRegion.run(scenario)
    let passes = run.events("exam_pass").filter { $0.detail.hasSuffix("attempt=1") }.count
    let fails = run.events("exam_fail").filter { $0.detail.hasSuffix("attempt=1") }.count
    #expect(passes + fails == 400)
    let rate = Double(passes) / 400
    #expect(abs(rate - 0.95) < 0.035, "first-attempt pass rate \(rate)")
  }

  @Test("the decoder refuses a program giving both examAbility and firstAttemptPass")
  func decoderRefusesBothExamFields() {
    let problems = decodingProblems(
      listedSitesJSON(
        programs:
          #"[{ "name": "College", "xKm": 100, "yKm": 50, "examAbility": 0.2, "firstAttemptPass": 0.9 }]"#
      ))
    #expect(problems.count == 1, "\(problems)")
    #expect(
      problems.first?.hasPrefix("programs[0].firstAttemptPass: give either examAbility") == true,
      "\(problems)")
    #expect(
      decodingProblems(
        listedSitesJSON(programs: #"[{ "name": "College", "xKm": 100, "yKm": 50, "firstAttemptPass": 0.9 }]"#)
      ).isEmpty)
  }

  @Test("every strategy draws the same program and cohort outcomes, so the same students withdraw")
  func outcomesAreCommonRandomNumbers() throws {
    let scenario = try CommonRandomNumbersTests.scenario()
    #expect(scenario.students.withdrawalProbability == nil)
    let runs = scenario.strategies.map { cohortOutcomes(scenario, strategy: $0) }
    let reference = runs[0]
    #expect(Set(reference.outcomes.map(\.withdrawalProbability)).count > 1)
    let withdrawn = { (traces: [TraceRecord]) in
      traces.filter { $0.event == "withdrawn" }.map { "\($0.time) \($0.student)" }
    }
    #expect(!withdrawn(reference.traces).isEmpty)
    for (strategy, run) in zip(scenario.strategies, runs).dropFirst() {
      #expect(run.outcomes == reference.outcomes, "\(strategy)")
      #expect(withdrawn(run.traces) == withdrawn(reference.traces), "\(strategy)")
    }
  }
}
