import SimKernel

typealias SimKernelPriority = EventPriority

/// Where a student stands in the path from admission to a job.
enum StudentStatus: UInt8 {
  case inProgram
  /// Graduated, no accepted job: applies to open postings.
  case searching
  /// Accepted an offer (started or waiting to start).
  case hired
  /// Left the program before graduating (`Student.withdrawal` says when): never graduates.
  case withdrawn
}

/// A student's withdrawal from the program.
struct Withdrawal {
  var day: Double
  /// The rotation place the withdrawal freed (its site), or -1: that rotation's end, when it
  /// comes, frees nothing more.
  var freedSite: Int32
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
  var examAbility: Double
  var admissionDay: Double
  var graduationDay: Double
  var status = StudentStatus.inProgram
  /// Searches started (a rescinded hire searches again).
  var searches: Int32 = 0
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
  var withdrawal: Withdrawal?
  /// Day the graduate left the job they started (within its first year), or NaN.
  var firstJobQuitDay = Double.nan

  /// Still in the program or searching: someone a site could hire.
  var isAvailable: Bool { status == .inProgram || status == .searching }
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

/// Why a requisition exists: the BLS openings (`openings_per_year`) are exits and growth; the
/// job-to-job vacancies (`chain_openings_per_year`) are a mover's old job and a new hire's quit.
enum RequisitionOrigin: UInt8 {
  case exit, growth, chain, newHireQuit

  var isJobToJob: Bool { self == .chain || self == .newHireQuit }
  var traceName: String {
    switch self {
    case .exit, .growth: "budget"
    case .chain: "chain"
    case .newHireQuit: "new_hire_quit"
    }
  }
}

/// A job-to-job vacancy held by a freeze: requested when the freeze ends.
struct DeferredVacancy {
  var identity: UInt64
  var origin: RequisitionOrigin
  var chainLength: Int32
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
  var origin = RequisitionOrigin.exit
  /// Moves in the vacancy chain up to and including the one that opened this requisition (0 for
  /// an exit or growth opening): the chain ends at `hiring.maxChainLength`.
  var chainLength: Int32 = 0
  /// Cancelled by a freeze before it was filled: its vacancy is requested again (as a repost)
  /// once the freeze ends.
  var cancelled = false
  /// Requests again the vacancy of a cancelled requisition: not a new opening, so neither
  /// opening count includes it.
  var isRepost = false
  /// What its keyed draws are about: (site, ordinal of the site's own approvals) for an exit or
  /// growth requisition, derived from the requisition that caused it for a vacancy chain. Unlike
  /// the array position it does not depend on how placement went elsewhere.
  var identity: UInt64 = 0

  var isChain: Bool { origin.isJobToJob }
  var isFilled: Bool { !filledDay.isNaN }
  /// Waiting for approval or searching: what a freeze may cancel.
  var isOpen: Bool { !isFilled && !cancelled }
}

/// A site's budget state between reviews.
struct SiteBudget {
  var hold = FreezeHold.none
  var deferredExits = 0
  var deferredGrowth = 0
  /// Job-to-job vacancies (a mover's old job, a new hire's quit) held by a freeze.
  var deferredChains: [DeferredVacancy] = []
  /// Cancelled requisitions waiting for the freeze to end: requested again as reposts.
  var deferredReposts: [Int32] = []
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
