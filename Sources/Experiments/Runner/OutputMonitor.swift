import CohortModel

/// The monitor a replication reports to when the run keeps per-student rows or the event trace.
///
/// It keeps one replication's records in memory, on the worker thread that runs it, and the
/// runner streams them to disk when that replication's turn comes in order. Memory therefore
/// holds at most a window's worth of replications (2 × jobs), never the whole run; the trace is
/// kept for one replication only. What it asks for is fixed at creation, so an untraced
/// replication builds no trace strings.
public struct OutputMonitor: ReplicationMonitor, Sendable {
  public let wantsTrace: Bool
  public let wantsStudents: Bool
  public let wantsRequisitions: Bool
  public private(set) var traces: [TraceRecord] = []
  public private(set) var students: [StudentOutcome] = []
  /// Nil until the model reports its requisitions (it may not: then the timeline has no
  /// requisition figures).
  public private(set) var requisitionOutcomes: [RequisitionOutcome]?
  /// What the model reported of the listed current students (empty without a file).
  public private(set) var currentStudentOutcomes: [CurrentStudentOutcome] = []
  /// The sites the replication ran on (`ReplicationMonitor.sites`), empty until reported.
  public private(set) var sites: [Site] = []

  public init(wantsTrace: Bool, wantsStudents: Bool, wantsRequisitions: Bool = false) {
    self.wantsTrace = wantsTrace
    self.wantsStudents = wantsStudents
    self.wantsRequisitions = wantsRequisitions
  }

  public mutating func requisitions(_ outcomes: [RequisitionOutcome]) {
    if wantsRequisitions { requisitionOutcomes = outcomes }
  }

  public mutating func currentStudents(_ outcomes: [CurrentStudentOutcome]) {
    currentStudentOutcomes = outcomes
  }

  public mutating func sites(_ sites: [Site]) { self.sites = sites }

  public mutating func trace(_ record: TraceRecord) {
    if wantsTrace { traces.append(record) }
  }

  public mutating func student(_ outcome: StudentOutcome) {
    if wantsStudents { students.append(outcome) }
  }
}
