import SimKernel

typealias SimKernelPriority = EventPriority

/// Where a student stands in the path from admission to a job.
enum StudentStatus: UInt8 {
  case inProgram
  /// Graduated, no accepted job: applies to open postings.
  case searching
  /// Accepted an offer (started or waiting to start).
  case hired
}

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
  var unwillingToRelocate = false
  var examAbility: Double
  var admissionDay: Double
  var graduationDay: Double
  var status = StudentStatus.inProgram
  /// Searches started (a rescinded hire searches again; a final-term student's early applying
  /// is a search of its own).
  var searches: Int32 = 0
  /// In the final term and applying to public postings (`hiring.finalTermApplyDays`).
  var applyingEarly = false
  var weeksOfExperience = 0.0
  var currentSite: Int32 = -1
  var rotationEnd = 0.0
  var rotationSites: [Int32] = []
  var impressions: [Impression] = []
  // Credential.
  var examsPassed: UInt32 = 0
  var examAttempts: [Int32] = []
  var credentialDay = Double.nan
  var examsExhausted = false
  // Offers and the job.
  var pendingOffers: [Int32] = []
  var decisionPending = false
  var jobRequisition: Int32 = -1
  var jobSite: Int32 = -1
  var offerDay = Double.nan
  var offerSource = OfferSource.openMarket
  var contingent = false
  var everContingent = false
  var rescinded = false
  var relocated = false
  var relocationKm = Double.nan
  var licenceDay = Double.nan
  var licencePending = false
  var waitingToStart = false
  var startDay = Double.nan

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
  var tier = RequisitionTier.ownSite
  var filledDay = Double.nan
  var postings: Int32 = 0
  /// Day the current offer was made.
  var offerDay = Double.nan
  /// Opened by a sonographer moving to another site (a vacancy chain), not by an exit from the
  /// occupation or growth: not one of the BLS openings `openings_per_year` counts.
  var isChain = false
  /// What its keyed draws are about: (site, ordinal of the site's own approvals) for an exit or
  /// growth requisition, derived from the requisition that caused it for a vacancy chain. Unlike
  /// the array position it does not depend on how placement went elsewhere.
  var identity: UInt64 = 0
  /// Students already offered (or told to apply to) this requisition: not tried again.
  var tried: [Int32] = []
  /// Known candidates tried at the current tier (`hiring.knownCandidatesPerTier`).
  var triedAtTier: Int32 = 0
  /// The student the requisition is held for, or -1 (`hiring.holdWindowDays`).
  var heldFor: Int32 = -1
  /// Last day of the hold.
  var holdUntil = Double.nan
  /// A requisition is held at most once.
  var wasHeld = false

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
