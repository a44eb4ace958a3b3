import Foundation
import SimKernel

/// Registry exams: each attempt passes with a probability set by the pathway's pass rate and
/// the student's exam ability (on the logit scale); failures wait out the retake period; the
/// credential is earned when every exam of the pathway is passed.
extension Roster {
  func pathway(of student: Int) -> CredentialPathway {
    programPathways[Int(students[student].program)]
  }

  mutating func scheduleFirstExams(
    _ student: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let exams = pathway(of: student).exams
    students[student].examAttempts = Array(repeating: 0, count: exams.count)
    students[student].examPassDays = Array(repeating: nil, count: exams.count)
    let admission = students[student].admissionDay
    let graduation = students[student].graduationDay
    for (number, exam) in exams.enumerated() {
      let day: Double
      if let months = exam.monthsAfterStart {
        day = admission + months * CohortDynamics.daysPerMonth
      } else {
        day =
          graduation
          + withStudentStream(student, .examSitting(exam: number), &streams) {
            exam.daysAfterGraduation!.sample(&$0)
          }
      }
      simulation.schedule(
        .examAttempt(student: Int32(student), exam: Int32(number)),
        at: max(listedExamDay(student, exam: number, scheduled: day), simulation.now))
    }
  }

  /// Sits exam `number`: draws the result (or takes the one a current-students file fixes),
  /// schedules the retake or exhausts the exams, and returns what the dispatcher must count and
  /// whether the credential was earned; nil when the student's path absorbed the attempt.
  mutating func attemptExam(
    _ student: Int, _ number: Int, _ streams: inout RandomStreamBank,
    _ simulation: inout Simulation<CohortEvent>
  ) -> ExamSitting? {
    guard students[student].lifecycle.apply(.sitExam) != .ignored else { return nil }
    let pathway = pathway(of: student)
    let exam = pathway.exams[number]
    students[student].examAttempts[number] += 1
    let attempt = Int(students[student].examAttempts[number])
    let base = min(max(attempt == 1 ? exam.firstAttemptPass : exam.retakePass, 1e-9), 1 - 1e-9)
    let probability = CohortDynamics.varied(base, by: students[student].examAbility)
    let drawn = withStudentStream(student, .examAttempt(exam: number, attempt: attempt), &streams) {
      $0.chance(probability)
    }
    let passed = fixedExamOutcome(student, exam: number, now: simulation.now) ?? drawn
    var sitting = ExamSitting(exam: exam, pathway: pathway, attempt: attempt, passed: passed)
    trace(
      simulation.now, passed ? "exam_pass" : "exam_fail", student: student, "\(exam.name) attempt=\(attempt)")
    if passed {
      students[student].examsPassed |= 1 << UInt32(number)
      students[student].examPassDays[number] = simulation.now
      if pathway.window == .betweenPasses { expireOldPasses(student, now: simulation.now, &simulation) }
      sitting.earnsCredential = students[student].examsPassed == (1 << UInt32(pathway.exams.count)) - 1
      return sitting
    }
    let retakeDay = simulation.now + exam.retakeWaitDays
    // Under the between-passes rule no day bounds the retakes: only the attempt limit does.
    let lastDay =
      pathway.window == .betweenPasses
      ? Double.infinity : students[student].graduationDay + pathway.windowYears * 365.25
    if CohortDynamics.mayRetake(exam, after: attempt) && retakeDay <= lastDay {
      simulation.schedule(.examAttempt(student: Int32(student), exam: Int32(number)), at: retakeDay)
    } else {
      exhaustExams(student, exam, now: simulation.now)
    }
    return sitting
  }

  /// The student can no longer earn the credential: no more contingent offers (7.5).
  private mutating func exhaustExams(_ student: Int, _ exam: ExamParameters, now: Double) {
    students[student].lifecycle.record(.exhaustExams)
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
      guard let passDay = students[student].examPassDays[number], passDay < oldest else { continue }
      students[student].examPassDays[number] = nil
      students[student].examsPassed &= ~(1 << UInt32(number))
      trace(now, "exam_pass_expired", student: student, exam.name)
      if CohortDynamics.mayRetake(exam, after: Int(students[student].examAttempts[number])) {
        simulation.schedule(
          .examAttempt(student: Int32(student), exam: Int32(number)), at: now + exam.retakeWaitDays)
      } else if !students[student].examsExhausted {
        exhaustExams(student, exam, now: now)
      }
    }
  }
}

/// One exam attempt as the dispatcher needs it: what the first-attempt figures count, and
/// whether it completed the pathway (the credential reaches held jobs and licences, which the
/// roster does not own).
struct ExamSitting {
  let exam: ExamParameters
  let pathway: CredentialPathway
  let attempt: Int
  let passed: Bool
  var earnsCredential = false
}

extension CohortDynamics {
  /// Routes an exam attempt to the roster, counts it, and carries a credential it earns to the
  /// student's job and held jobs.
  mutating func attemptExam(_ student: Int, _ number: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard let sitting = roster.attemptExam(student, number, &streams, &simulation) else { return }
    recordExamAttempt(
      sitting.exam, of: sitting.pathway, attempt: sitting.attempt, passed: sitting.passed, at: simulation.now)
    if sitting.earnsCredential { earnCredential(student, &simulation) }
  }

  /// Whether `exam` may be sat again after `attempts` attempts: `maxAttempts` 0 sets no limit.
  static func mayRetake(_ exam: ExamParameters, after attempts: Int) -> Bool {
    exam.maxAttempts == 0 || attempts < exam.maxAttempts
  }

  private mutating func earnCredential(_ student: Int, _ simulation: inout Simulation<CohortEvent>) {
    trace(simulation.now, "credential", student: student)
    let action = roster.students[student].lifecycle.apply(.earnCredential(day: simulation.now))
    forgetIfPastHiring(student)
    if action == .applyForLicence {
      roster.applyForLicence(student, &streams, &simulation)
    }
    reviewHolds(for: student, &simulation)
  }
}
