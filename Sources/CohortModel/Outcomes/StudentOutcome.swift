/// Where an accepted offer came from.
public enum OfferSource: String, Sendable, CaseIterable {
  case ownSite = "own_site"
  case sameSystem = "same_system"
  case recommendation = "recommendation"
  case openMarket = "open_market"
}

/// What happened to one student, as `students.csv` lists it. Days are relative to the start of
/// the run unless the name says otherwise; nil means it never happened before the horizon.
public struct StudentOutcome: Sendable, Equatable {
  public var student: Int
  public var program: String
  public var intakeYear: Int
  public var graduationDay: Double?
  /// Day of the accepted offer minus the graduation day (negative: offered before graduating).
  public var daysFromGraduationToOffer: Double?
  public var offerSource: OfferSource?
  public var offerSite: Int?
  public var contingent: Bool
  public var rescinded: Bool
  public var relocated: Bool
  public var relocationDistanceKm: Double?
  public var credentialDay: Double?
  public var licenceDay: Double?
  public var startDay: Double?
  public var rotationSites: [Int]
  /// Will not move at all for a job (relocation willingness 0 km): left out of the
  /// placed_*_seeking denominators when not placed in the window.
  public var unwillingToRelocate: Bool
  /// Stopped looking for work (nobody does yet): left out of the placed_*_seeking denominators
  /// when not placed in the window.
  public var leftSearch: Bool
  /// The id the current-students file gives a listed student (`--current-students`); nil for a
  /// generated one.
  public var studentId: String?

  public init(
    student: Int, program: String, intakeYear: Int, graduationDay: Double?,
    daysFromGraduationToOffer: Double?,
    offerSource: OfferSource?, offerSite: Int?, contingent: Bool, rescinded: Bool, relocated: Bool,
    relocationDistanceKm: Double?, credentialDay: Double?, licenceDay: Double?, startDay: Double?,
    rotationSites: [Int], unwillingToRelocate: Bool = false, leftSearch: Bool = false,
    studentId: String? = nil
  ) {
    self.student = student
    self.program = program
    self.intakeYear = intakeYear
    self.graduationDay = graduationDay
    self.daysFromGraduationToOffer = daysFromGraduationToOffer
    self.offerSource = offerSource
    self.offerSite = offerSite
    self.contingent = contingent
    self.rescinded = rescinded
    self.relocated = relocated
    self.relocationDistanceKm = relocationDistanceKm
    self.credentialDay = credentialDay
    self.licenceDay = licenceDay
    self.startDay = startDay
    self.rotationSites = rotationSites
    self.unwillingToRelocate = unwillingToRelocate
    self.leftSearch = leftSearch
    self.studentId = studentId
  }
}
