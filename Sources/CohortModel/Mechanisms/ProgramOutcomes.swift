import Foundation
import SimKernel

/// Programs that differ (MODEL.md 7.1b). Accredited programs publish their retention and
/// credential results every year, and those figures differ widely between programs and move
/// from year to year. Each program draws its retention and its shift of exam ability once per
/// replication (or takes the director's stated figures), and each cohort varies around them on
/// the logit scale. The draws are keyed by program and by cohort, never by what placement did,
/// so every strategy sees the same programs and cohorts.
extension Roster {
  /// The cohort's withdrawal probability and exam-ability shift.
  func cohortOutcomes(_ cohortIndex: Int, _ streams: inout RandomStreamBank) -> CohortOutcomes {
    let programIndex = Int(cohorts[cohortIndex].program)
    let program = world.programs[programIndex]
    let legacy = scenario.students.withdrawalProbability
    let firstExam = scenario.pathway(named: program.pathway)?.exams.first?.firstAttemptPass
    let ability = scenario.students.examAbility
    // A program's own retention, else the legacy single probability, else the sourced default.
    let retentionDistribution =
      program.retention ?? (legacy == nil ? ProgramParameters.defaultRetention : nil)
    let (retention, programShift) = streams.withStream(
      keyed: WorldDraw.programOutcomes(program: programIndex).key
    ) { stream in
      let retention = retentionDistribution.map { min(1, max(0, $0.sample(&stream))) }
      let drawn = program.examAbility.sample(&stream)
      return (retention, drawn)
    }
    let shift =
      program.firstAttemptPass.map { rate in
        CohortDynamics.examShift(meeting: rate, firstAttemptPass: firstExam ?? 0.5, ability: ability)
      } ?? programShift
    let (retentionNoise, examNoise) = streams.withStream(
      keyed: WorldDraw.cohortOutcomes(cohort: cohortIndex).key
    ) { stream in
      (
        stream.normal(mean: 0, standardDeviation: 1),
        stream.normal(mean: 0, standardDeviation: 1)
      )
    }
    // The single probability of scenarios written before programs differed has no variation.
    let withdrawal =
      retention.map { 1 - CohortDynamics.varied($0, by: program.cohortRetentionSd * retentionNoise) }
      ?? legacy ?? 0
    return CohortOutcomes(
      withdrawalProbability: withdrawal, examAbilityShift: shift + program.cohortExamAbilitySd * examNoise)
  }
}

extension CohortDynamics {
  /// `rate` moved by `shift` on the logit scale, `logistic(logit(rate) + shift)`; 0 and 1 stay
  /// where they are. One formula for a cohort's retention (7.1b) and an exam attempt's pass
  /// probability (7.9).
  static func varied(_ rate: Double, by shift: Double) -> Double {
    guard rate > 0, rate < 1 else { return rate }
    return 1 / (1 + exp(-(log(rate / (1 - rate)) + shift)))
  }

  /// The shift s of exam ability at which the average first-attempt pass probability of a
  /// program's students, E[logistic(logit(p) + s + a)] over their own ability a, equals `rate`.
  /// The expectation is the mean over 199 quantiles of the ability distribution (its
  /// (i + 0.5)/199 quantiles); s is found by bisection on [−20, 20], where the mean is
  /// increasing in s.
  static func examShift(meeting rate: Double, firstAttemptPass p: Double, ability: Distribution) -> Double {
    let count = 199
    let abilities = (0..<count).map { ability.quantile((Double($0) + 0.5) / Double(count)) }
    let base = log(p / (1 - p))
    func mean(_ shift: Double) -> Double {
      abilities.reduce(0) { $0 + 1 / (1 + exp(-(base + shift + $1))) } / Double(count)
    }
    var low = -20.0
    var high = 20.0
    for _ in 0..<100 {
      let middle = (low + high) / 2
      if mean(middle) < rate { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }
}
