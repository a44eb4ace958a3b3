import Foundation
import SimKernel

/// Registry exams: each attempt passes with a probability set by the pathway's pass rate and
/// the student's exam ability (on the logit scale); failures wait out the retake period; the
/// credential is earned when every exam of the pathway is passed.
extension CohortDynamics {
  func pathway(of student: Int) -> CredentialPathway {
    roster.programPathways[Int(roster.students[student].program)]
  }

  mutating func scheduleFirstExams(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    let exams = pathway(of: student).exams
    roster.students[student].examAttempts = Array(repeating: 0, count: exams.count)
    roster.students[student].examPassDays = Array(repeating: nil, count: exams.count)
    let admission = roster.students[student].admissionDay
    let graduation = roster.students[student].graduationDay
    for (number, exam) in exams.enumerated() {
      let day: Double
      if let months = exam.monthsAfterStart {
        day = admission + months * Self.daysPerMonth
      } else {
        day =
          graduation
          + withStudentStream(student, .examSitting(exam: number)) {
            exam.daysAfterGraduation!.sample(&$0)
          }
      }
      simulation.schedule(
        .examAttempt(student: Int32(student), exam: Int32(number)),
        at: max(listedExamDay(student, exam: number, scheduled: day), simulation.now))
    }
  }

  mutating func attemptExam(_ student: Int, _ number: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard roster.students[student].lifecycle.apply(.sitExam) != .ignored else { return }
    let pathway = pathway(of: student)
    let exam = pathway.exams[number]
    roster.students[student].examAttempts[number] += 1
    let attempt = Int(roster.students[student].examAttempts[number])
    let base = min(max(attempt == 1 ? exam.firstAttemptPass : exam.retakePass, 1e-9), 1 - 1e-9)
    let probability = Self.varied(base, by: roster.students[student].examAbility)
    let drawn = withStudentStream(student, .examAttempt(exam: number, attempt: attempt)) {
      $0.chance(probability)
    }
    let passed = fixedExamOutcome(student, exam: number, now: simulation.now) ?? drawn
    recordExamAttempt(exam, of: pathway, attempt: attempt, passed: passed, at: simulation.now)
    trace(
      simulation.now, passed ? "exam_pass" : "exam_fail", student: student, "\(exam.name) attempt=\(attempt)")
    if passed {
      roster.students[student].examsPassed |= 1 << UInt32(number)
      roster.students[student].examPassDays[number] = simulation.now
      if pathway.window == .betweenPasses { expireOldPasses(student, now: simulation.now, &simulation) }
      if roster.students[student].examsPassed == (1 << UInt32(pathway.exams.count)) - 1 {
        earnCredential(student, &simulation)
      }
      return
    }
    let retakeDay = simulation.now + exam.retakeWaitDays
    // Under the between-passes rule no day bounds the retakes: only the attempt limit does.
    let lastDay =
      pathway.window == .betweenPasses
      ? Double.infinity : roster.students[student].graduationDay + pathway.windowYears * 365.25
    if Self.mayRetake(exam, after: attempt) && retakeDay <= lastDay {
      simulation.schedule(.examAttempt(student: Int32(student), exam: Int32(number)), at: retakeDay)
    } else {
      exhaustExams(student, exam, now: simulation.now)
    }
  }

  /// Whether `exam` may be sat again after `attempts` attempts: `maxAttempts` 0 sets no limit.
  static func mayRetake(_ exam: ExamParameters, after attempts: Int) -> Bool {
    exam.maxAttempts == 0 || attempts < exam.maxAttempts
  }

  /// The student can no longer earn the credential: no more contingent offers (7.5).
  private mutating func exhaustExams(_ student: Int, _ exam: ExamParameters, now: Double) {
    roster.students[student].lifecycle.record(.exhaustExams)
    trace(now, "exams_exhausted", student: student, exam.name)
  }

  /// The ARDMS five-year rule: after a pass on `now`, every other pass made more than
  /// `windowYears` earlier expires, in exam order, and that exam is sat again after its retake
  /// wait (a retake: it counts as the next attempt), unless its attempts are used up: then the
  /// credential can no longer be earned and the student's exams are exhausted.
  private mutating func expireOldPasses(
    _ student: Int, now: Double, _ simulation: inout Simulation<CohortEvent>
  ) {
    let pathway = pathway(of: student)
    let oldest = now - pathway.windowYears * 365.25
    for (number, exam) in pathway.exams.enumerated() {
      guard let passDay = roster.students[student].examPassDays[number], passDay < oldest else { continue }
      roster.students[student].examPassDays[number] = nil
      roster.students[student].examsPassed &= ~(1 << UInt32(number))
      trace(now, "exam_pass_expired", student: student, exam.name)
      if Self.mayRetake(exam, after: Int(roster.students[student].examAttempts[number])) {
        simulation.schedule(
          .examAttempt(student: Int32(student), exam: Int32(number)), at: now + exam.retakeWaitDays)
      } else if !roster.students[student].examsExhausted {
        exhaustExams(student, exam, now: now)
      }
    }
  }

  private mutating func earnCredential(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    trace(simulation.now, "credential", student: student)
    let action = roster.students[student].lifecycle.apply(.earnCredential(day: simulation.now))
    forgetIfPastHiring(student)
    if action == .applyForLicence {
      applyForLicence(student, &simulation)
    }
    reviewHolds(for: student, &simulation)
  }
}
