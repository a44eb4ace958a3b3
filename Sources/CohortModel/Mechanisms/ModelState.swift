import SimKernel

typealias SimKernelPriority = EventPriority

/// What one site's staff think of a student: a smoothed average of weekly observations that
/// fades after the rotation ends. `site` < 0 encodes a hospital system's word-of-mouth
/// reputation: system s is stored as −(s + 1).
struct Impression {
  var site: Int32
  var value: Double
  /// Day of the last observation (or of the news, for a system reputation).
  var lastDay: Double
  var active: Bool
}

/// One admitted student: drawn traits and their state. Stored by value in one array.
struct Student {
  var cohort: Int32
  var program: Int32
  var home: Location
  var aptitude: Double
  var reliability: Double
  var rapport: Double
  var composure: Double
  var relationshipBuilding: Double
  var relocationWillingnessKm: Double
  /// Will not move for a job at all (`students.unwillingToRelocateShare`).
  var refusesToRelocate = false
  var examAbility: Double
  var admissionDay: Double
  var graduationDay: Double
  /// Where they are on their path; changed only through its transitions.
  var lifecycle = StudentLifecycle()
  var weeksOfExperience = 0.0
  var rotationEnd = 0.0
  var rotationSites: [Int32] = []
  var impressions: [Impression] = []
  // Credential.
  var examsPassed: UInt32 = 0
  var examAttempts: [Int32] = []
  var credentialDay = Double.nan
  var examsExhausted = false

  var isCredentialed: Bool { !credentialDay.isNaN }
}

/// The tiers a requisition tries in order: the site's own students, the system's word of
/// mouth, contacts' recommendations, then a public posting.
enum RequisitionTier: UInt8, Comparable {
  case ownSite, sameSystem, recommendation, openMarket

  static func < (lhs: RequisitionTier, rhs: RequisitionTier) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The tier tried after this one; the open market is the last and stays (a job is reposted).
  var next: RequisitionTier {
    switch self {
    case .ownSite: .sameSystem
    case .sameSystem: .recommendation
    case .recommendation: .openMarket
    case .openMarket: .openMarket
    }
  }

  var source: OfferSource {
    switch self {
    case .ownSite: .ownSite
    case .sameSystem: .sameSystem
    case .recommendation: .recommendation
    case .openMarket: .openMarket
    }
  }
}

/// A budget-approved opening at a site.
struct Requisition {
  var site: Int32
  var approvedDay: Double
  /// Where it is on its path; changed only through its transitions.
  var lifecycle = RequisitionLifecycle()
  /// Opened by a sonographer moving to another site (a vacancy chain), not by an exit from the
  /// occupation or growth: not one of the BLS openings `openings_per_year` counts.
  var isChain = false
  /// What its keyed draws are about: (site, ordinal of the site's own approvals) for an exit or
  /// growth requisition, derived from the requisition that caused it for a vacancy chain. Unlike
  /// the array position it does not depend on how placement went elsewhere.
  var identity: UInt64 = 0
  /// Students already told about (or held for) this requisition: not tried again.
  var tried: [Int32] = []
  /// The inside tier whose candidates `triedAtTier` counts (`hiring.knownCandidatesPerTier`).
  var triedTier = RequisitionTier.openMarket
  var triedAtTier: Int32 = 0
  /// Last day of the hold while the requisition is held for its inside candidate, else NaN
  /// (`hiring.holdWindowDays`); a requisition is held at most once (`wasHeld`).
  var holdUntil = Double.nan
  var wasHeld = false

  var filledDay: Double { lifecycle.filledDay }
  var isFilled: Bool { !filledDay.isNaN }
}

/// A site's budget state between reviews.
struct SiteBudget {
  var frozen = false
  var deferredExits = 0
  var deferredGrowth = 0
  /// Vacancies left by sonographers who moved to another site, held by a freeze.
  var deferredChains: [UInt64] = []
  /// Exit and growth requisitions approved so far: the ordinal in their identity.
  var approvals = 0
  var nextExit: EventHandle?
  var occupancy = 0
}

/// One admitted cohort of a program.
struct Cohort {
  var program: Int32
  var intakeYear: Int
  var admissionDay: Double
  var firstStudent: Int
  var studentCount: Int
}
