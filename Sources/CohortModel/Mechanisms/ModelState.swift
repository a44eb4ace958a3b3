import SimKernel

typealias SimKernelPriority = EventPriority

/// Who holds an impression of a student: one site's staff, or a hospital system's word of mouth.
enum ImpressionHolder: Equatable {
  case site(Int32)
  case system(Int32)
}

/// What one site's staff, or one system's word of mouth, think of a student: a smoothed average
/// of weekly observations that fades after the rotation ends.
struct Impression {
  var holder: ImpressionHolder
  var value: Double
  /// Day of the last observation (or of the news, for a system reputation).
  var lastDay: Double
  var active: Bool
}

/// One admitted student: drawn traits and their state. Stored by value in one array.
struct Student {
  // What every hiring scan reads (`isCandidate`, `reachKm`) comes first and together, so that
  // a scan over thousands of students touches two or three cache lines of each rather than the
  // five or six these fields spread over in a 360-byte record (Swift lays a struct out in
  // declaration order). The initialiser below keeps the order in which admission draws traits.
  var home: Location
  var graduationDay: Double
  /// No site may offer the student a job before this day: a listed student's as-of date.
  var unavailableUntil = -Double.infinity
  var relocationWillingnessKm: Double
  /// Will not move for a job at all (`students.unwillingToRelocateShare`).
  var refusesToRelocate = false
  /// Where they are on their path; changed only through its transitions.
  var lifecycle = StudentLifecycle()
  var cohort: Int32
  var program: Int32
  var aptitude: Double
  var reliability: Double
  var rapport: Double
  var composure: Double
  var relationshipBuilding: Double
  var examAbility: Double
  var admissionDay: Double
  var weeksOfExperience = 0.0
  var rotationEnd = 0.0
  var rotationSites: [Int32] = []
  var impressions: [Impression] = []
  // Credential.
  var examsPassed: UInt32 = 0
  /// Day each exam's current pass was made (nil: not passed, or the pass expired).
  var examPassDays: [Double?] = []
  var examAttempts: [Int32] = []
  /// Day the graduate left the job they started (within its first year, 7.8a), or NaN. Their
  /// lifecycle stays `working`: placement counts the first start.
  var firstJobQuitDay: Double?
  /// Row in the current-students file, or nil for a generated student (WarmStart.swift).
  var listedRow: Int32?

  /// A newly admitted student, with parameters in the order admission draws them.
  init(
    cohort: Int32, program: Int32, home: Location, aptitude: Double, reliability: Double, rapport: Double,
    composure: Double, relationshipBuilding: Double, relocationWillingnessKm: Double, examAbility: Double,
    admissionDay: Double, graduationDay: Double
  ) {
    self.cohort = cohort
    self.program = program
    self.home = home
    self.aptitude = aptitude
    self.reliability = reliability
    self.rapport = rapport
    self.composure = composure
    self.relationshipBuilding = relationshipBuilding
    self.relocationWillingnessKm = relocationWillingnessKm
    self.examAbility = examAbility
    self.admissionDay = admissionDay
    self.graduationDay = graduationDay
  }

  var isCredentialed: Bool { lifecycle.isCredentialed }
  var examsExhausted: Bool { lifecycle.record.examsExhausted }

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
/// A listed hire's requisition (`WarmStart.swift`) records a hire the current-students file
/// reports, made before the run: it is no opening, and no count or output includes it.
enum RequisitionOrigin: UInt8 {
  case exit, growth, chain, newHireQuit, listedHire

  var isJobToJob: Bool { self == .chain || self == .newHireQuit }
  var traceName: String {
    switch self {
    case .exit, .growth: "budget"
    case .chain: "chain"
    case .newHireQuit: "new_hire_quit"
    case .listedHire: "listed_hire"
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
  /// Where it is on its path; changed only through its transitions.
  var lifecycle = RequisitionLifecycle()
  var origin = RequisitionOrigin.exit
  /// Moves in the vacancy chain up to and including the one that opened this requisition (0 for
  /// an exit or growth opening): the chain ends at `hiring.maxChainLength`.
  var chainLength: Int32 = 0
  /// Requests again the vacancy of a requisition a freeze cancelled: not a new opening, so
  /// neither opening count includes it.
  var isRepost = false
  /// What its keyed draws are about: (site, ordinal of the site's own approvals) for an exit or
  /// growth requisition, derived from the requisition that caused it for a vacancy chain. Unlike
  /// the array position it does not depend on how placement went elsewhere.
  var identity: UInt64 = 0

  var filledDay: Double? { lifecycle.filledDay }
  var isFilled: Bool { filledDay != nil }
  /// A job-to-job vacancy, not one of the BLS openings `openings_per_year` counts.
  var isChain: Bool { origin.isJobToJob }
  var isCancelled: Bool { lifecycle.stateName == .cancelled }
  /// What a freeze may cancel: approved and not yet searched, with a candidate told to apply, or
  /// posted (an offer already out is left to the student's decision).
  var isCancellable: Bool {
    switch lifecycle.stateName {
    case .approved, .inside, .held, .posted: true
    default: false
    }
  }
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
}

/// One admitted cohort of a program.
struct Cohort {
  var program: Int32
  var intakeYear: Int
  var admissionDay: Double
  var firstStudent: Int
  var studentCount: Int
  /// Drawn at admission (7.1b): this cohort's chance that a student withdraws, and the shift of
  /// its students' exam ability (program's plus cohort's, logit scale).
  var outcomes = CohortOutcomes(withdrawalProbability: 0, examAbilityShift: 0)
}

/// How a cohort differs from others in its program and from other programs' (7.1b).
struct CohortOutcomes: Equatable {
  var withdrawalProbability: Double
  var examAbilityShift: Double
}
