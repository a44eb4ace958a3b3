/// Where a replication reports what happened, so the model records outcomes once and the
/// experiment decides where they go (columns in memory, CSV on disk, or nowhere).
///
/// The model calls `trace` only when `wantsTrace` is true, so an untraced run builds no strings.
public protocol ReplicationMonitor {
  /// True when the monitor keeps the event trace.
  var wantsTrace: Bool { get }
  /// True when the monitor keeps per-student outcomes.
  var wantsStudents: Bool { get }
  /// One traced event: `student` and `site` are indices, nil when not applicable.
  mutating func trace(_ record: TraceRecord)
  /// One student's outcome, reported once at the end of the replication.
  mutating func student(_ outcome: StudentOutcome)
  /// True when the monitor keeps per-requisition outcomes (default false).
  var wantsRequisitions: Bool { get }
  /// Every requisition approved from day 0 to the horizon, reported in one call at the end of
  /// the replication when `wantsRequisitions` is true (an empty list when there were none, so
  /// the call itself says the model reports them). Default: ignored.
  mutating func requisitions(_ outcomes: [RequisitionOutcome])
  /// With a current-students file, one outcome per listed student in file order, reported in
  /// one call at the end of the replication. Default: ignored.
  mutating func currentStudents(_ outcomes: [CurrentStudentOutcome])
  /// The sites the replication ran on, as the world built them (listed and generated, with
  /// their positions at the start), reported once when `wantsStudents` is true: the one world
  /// of the replication, so nobody builds it a second time to name its sites. Default: ignored.
  mutating func sites(_ sites: [Site])
}

extension ReplicationMonitor {
  public mutating func currentStudents(_ outcomes: [CurrentStudentOutcome]) {}
  public mutating func sites(_ sites: [Site]) {}
}

/// A monitor that keeps nothing: the default for Monte Carlo replications.
public struct DiscardingMonitor: ReplicationMonitor {
  public init() {}
  public var wantsTrace: Bool { false }
  public var wantsStudents: Bool { false }
  public mutating func trace(_ record: TraceRecord) {}
  public mutating func student(_ outcome: StudentOutcome) {}
}

/// A monitor that keeps everything in memory: for tests and small runs.
public struct CollectingMonitor: ReplicationMonitor {
  public var traces: [TraceRecord] = []
  public var students: [StudentOutcome] = []
  public init() {}
  public var wantsTrace: Bool { true }
  public var wantsStudents: Bool { true }
  public mutating func trace(_ record: TraceRecord) { traces.append(record) }
  public mutating func student(_ outcome: StudentOutcome) { students.append(outcome) }
}

/// One line of `trace.csv`: `time,event,student,site,detail,student_id`.
public struct TraceRecord: Sendable, Equatable {
  /// Days since the start of the run.
  public var time: Double
  public var event: String
  /// The student the event is about; nil for an event about no student.
  public var student: Int?
  /// The site the event happened at; nil for an event at no site.
  public var site: Int?
  public var detail: String
  /// The current-students file's id of a listed student; nil for a generated one or no student.
  public var studentId: String?

  public init(
    time: Double, event: String, student: Int?, site: Int?, detail: String, studentId: String? = nil
  ) {
    self.time = time
    self.event = event
    self.student = student
    self.site = site
    self.detail = detail
    self.studentId = studentId
  }
}
