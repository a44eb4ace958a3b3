import SimKernel

/// Students and their cohorts, with one owner: every student admitted so far (traits, history,
/// lifecycle), every cohort (its program, intake, members and drawn outcomes) and each program's
/// credential pathway.
///
/// Its mechanisms (admission and traits, exams, licences, weekly observation and impressions,
/// attrition's scheduling) are methods on it that take the run's fixed inputs, the stream bank and
/// the simulation as arguments, so none of them can reach a requisition, a hiring list or a
/// rotation place. The dispatcher (`CohortDynamics`) routes the student events here; the
/// mechanisms that join students to requisitions or lists (offers, filling, holds, the open market,
/// listed hires) read and advance students through `students`.
struct Roster {
  let scenario: Scenario
  let world: World
  /// Where student-level trace lines go (`TraceSink`); nil when the run keeps no trace.
  let traceSink: TraceSink?
  /// Per program: its credential pathway, looked up by name once (`pathway(of:)` is asked at
  /// every exam).
  let programPathways: [CredentialPathway]
  /// Every cohort due by the horizon, in order of scheduling (program, then intake year); an
  /// index here is its identity in events.
  var cohorts: [Cohort] = []
  /// Every student admitted so far, in order of admission; an index here is their identity in
  /// events, lists and outputs.
  var students: [Student] = []

  init(scenario: Scenario, world: World, traceSink: TraceSink?) {
    self.scenario = scenario
    self.world = world
    self.traceSink = traceSink
    programPathways = world.programs.map { scenario.pathway(named: $0.pathway)! }
  }

  /// Records a trace line about a student when the run keeps a trace, with their current-students
  /// id when a file lists them.
  func trace(
    _ time: Double, _ event: String, student: Int, site: Int? = nil, _ detail: @autoclosure () -> String = ""
  ) {
    traceSink?.record(
      time, event, student: student, studentId: listedStudent(student)?.id, site: site, detail())
  }

  /// Draws from the short-lived stream `draw` of student `student`.
  func withStudentStream<R>(
    _ student: Int, _ draw: StudentDraw, _ streams: inout RandomStreamBank, _ body: (inout RandomStream) -> R
  ) -> R {
    streams.withStream(keyed: draw.key(student: student), body)
  }
}
