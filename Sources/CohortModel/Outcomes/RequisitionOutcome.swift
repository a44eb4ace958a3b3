/// What happened to one requisition, for the per-year figures of `timeline.csv` (openings,
/// chain openings, outside hires, openings unfilled at the year's end). Days are since the
/// start of the run.
public struct RequisitionOutcome: Sendable, Equatable {
  /// Who filled it.
  public enum Filler: Sendable, Equatable {
    /// A student or graduate of a modelled program accepted its offer.
    case student
    /// An applicant from outside the modelled programs was hired.
    case outsideHire
  }

  public var site: Int
  public var approvedDay: Double
  /// Opened by a sonographer moving to another site of the region (a vacancy chain).
  public var isChain: Bool
  /// Nil while unfilled at the horizon.
  public var filledDay: Double?
  /// Nil while unfilled at the horizon.
  public var filledBy: Filler?
  /// The day a hiring freeze cancelled it (7.4), if it did by the horizon: from then on it is
  /// no open requisition (its vacancy is requested again by a repost, a requisition of its own).
  public var cancelledDay: Double?

  public init(
    site: Int, approvedDay: Double, isChain: Bool, filledDay: Double?, filledBy: Filler?,
    cancelledDay: Double? = nil
  ) {
    self.site = site
    self.approvedDay = approvedDay
    self.isChain = isChain
    self.filledDay = filledDay
    self.filledBy = filledBy
    self.cancelledDay = cancelledDay
  }
}

extension ReplicationMonitor {
  /// Monitors that do not say otherwise keep no requisitions.
  public var wantsRequisitions: Bool { false }
  /// Monitors that do not keep requisitions ignore them.
  public mutating func requisitions(_ outcomes: [RequisitionOutcome]) {}
}
