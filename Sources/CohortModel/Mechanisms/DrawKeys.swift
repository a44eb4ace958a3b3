import SimKernel

/// Every keyed draw of the model, named by a typed key: what it is about (a student, a
/// requisition, or a place, programme or period of the world), what it is for, and what tells
/// its occurrences apart. Each key becomes the kernel's `DrawKey` here and nowhere else, so no
/// mechanism packs integers by hand and two purposes cannot share a stream by accident.
///
/// The purposes' names and the packings below are part of the model's definition: every
/// committed result depends on them (MODEL.md §4, Stochasticity), so changing one is a
/// deliberate change of the draws, made in its own commit and re-blessed.
enum StudentDraw: Equatable {
  /// A generated student's traits and home, at admission.
  case traits
  /// Whether the student refuses to move for a job at all.
  case relocationRefusal
  /// Whether, and when, the student withdraws (7.1a).
  case withdrawal
  /// The processing time of the state licence (7.10).
  case licenceProcessing
  /// The processing time of a temporary licence sought for the job of `requisition` (7.10a).
  case temporaryLicence(requisition: Int)
  /// When the pathway's `exam`th exam is first sat.
  case examSitting(exam: Int)
  /// Whether the `attempt`th sitting of the pathway's `exam`th exam is passed.
  case examAttempt(exam: Int, attempt: Int)
  /// What staff see in the student's `week`th week on rotation.
  case observation(week: Int)
  /// Whether, and when, word of the `rotation`th rotation spreads in its system.
  case rotationEnd(rotation: Int)

  func key(student: Int) -> DrawKey {
    switch self {
    case .traits: DrawKey(Purpose.traits, entity: student)
    case .relocationRefusal: DrawKey(Purpose.relocationRefusal, entity: student)
    case .withdrawal: DrawKey(Purpose.withdrawal, entity: student)
    case .licenceProcessing: DrawKey(Purpose.licenceProcessing, entity: student)
    case .temporaryLicence(let requisition):
      DrawKey(Purpose.temporaryLicenceProcessing, entity: student, occurrence: requisition + 1)
    case .examSitting(let exam): DrawKey(Purpose.examSitting, entity: student, occurrence: exam)
    case .examAttempt(let exam, let attempt):
      DrawKey(Purpose.examAttempt, entity: student, occurrence: exam << 32 | attempt)
    case .observation(let week): DrawKey(Purpose.observation, entity: student, occurrence: week)
    case .rotationEnd(let rotation): DrawKey(Purpose.rotationEnd, entity: student, occurrence: rotation)
    }
  }
}

/// A requisition's draws. Its entity is the requisition's placement-independent identity, not
/// its array position; a student in the key is counted from one.
enum RequisitionDraw: Equatable {
  /// How long the `posting`th public posting stays open.
  case postingLength(posting: Int)
  /// How long after `candidate` is told to apply at `tier` the inside offer comes.
  case insideOfferDelay(tier: RequisitionTier, candidate: Int)
  /// Whether sonographers at site `contact` recommend `candidate`.
  case recommendation(contact: Int, candidate: Int)
  /// Whether `student` applies to the `posting`th posting, and their interview noise.
  case applicant(posting: Int, student: Int)
  /// The outside applicants to the `posting`th posting and their scores.
  case externalApplicants(posting: Int)
  /// `student`'s onboarding time after accepting.
  case onboarding(student: Int)
  /// Whether a freeze cancels it in budget period `period`.
  case freezeCancel(period: Int)
  /// Whether an outside hire moves from a nearby site, and from which (7.7a).
  case vacancyChain

  func key(identity: UInt64) -> DrawKey {
    switch self {
    case .postingLength(let posting): Self.key(Purpose.postingLength, identity, posting)
    case .insideOfferDelay(let tier, let candidate):
      Self.key(Purpose.insideOfferDelay, identity, Int(tier.rawValue) << 32 | (candidate + 1))
    case .recommendation(let contact, let candidate):
      Self.key(Purpose.recommendation, identity, contact << 32 | (candidate + 1))
    case .applicant(let posting, let student):
      Self.key(Purpose.applicant, identity, posting << 32 | (student + 1))
    case .externalApplicants(let posting): Self.key(Purpose.externalApplicants, identity, posting)
    case .onboarding(let student): Self.key(Purpose.onboarding, identity, student + 1)
    case .freezeCancel(let period): Self.key(Purpose.freezeCancel, identity, period)
    case .vacancyChain: Self.key(Purpose.vacancyChain, identity, 0)
    }
  }

  private static func key(_ purpose: DrawPurpose, _ identity: UInt64, _ occurrence: Int) -> DrawKey {
    DrawKey(purpose, entity: identity, occurrence: UInt64(truncatingIfNeeded: occurrence))
  }
}

/// Draws about the world rather than one student or requisition.
enum WorldDraw: Equatable {
  /// A site's growth positions in fiscal year `year`, and the committee's delay.
  case fiscalGrowth(site: Int, year: Int)
  /// Whether hospital system `system` freezes hiring in budget period `period`.
  case systemFreeze(system: Int, period: Int)
  /// The placement of cohort `cohort`'s `rotation`th rotation by a strategy that does not draw.
  case placement(cohort: Int, rotation: Int)
  /// Whether `student` leaves, within its first year, the job of the requisition with identity
  /// `job`, and when (7.8a).
  case firstYearQuit(student: Int, job: UInt64)
  /// The approval delay of a job-to-job vacancy or a repost, by its requisition identity.
  case approvalDelay(identity: UInt64)
  /// A programme's retention and exam-ability shift (7.1b).
  case programOutcomes(program: Int)
  /// A cohort's variation around its programme's (7.1b).
  case cohortOutcomes(cohort: Int)
  /// A listed current student's traits and home, by their row in the file (5.1).
  case currentStudentTraits(row: Int)
  /// A listed current student's exam ability, conditioned on what the file reports (5.1).
  case currentStudentExams(row: Int)

  var key: DrawKey {
    switch self {
    case .fiscalGrowth(let site, let year): DrawKey(Purpose.fiscalGrowth, entity: site, occurrence: year)
    case .systemFreeze(let system, let period):
      DrawKey(Purpose.systemFreeze, entity: system, occurrence: period)
    case .placement(let cohort, let rotation):
      DrawKey(Purpose.placement, entity: cohort, occurrence: rotation)
    case .firstYearQuit(let student, let job):
      DrawKey(Purpose.firstYearQuit, entity: UInt64(student), occurrence: job)
    case .approvalDelay(let identity): DrawKey(Purpose.approvalDelay, entity: identity)
    case .programOutcomes(let program): DrawKey(Purpose.programOutcomes, entity: program)
    case .cohortOutcomes(let cohort): DrawKey(Purpose.cohortOutcomes, entity: cohort)
    case .currentStudentTraits(let row): DrawKey(Purpose.currentStudentTraits, entity: row)
    case .currentStudentExams(let row): DrawKey(Purpose.currentStudentExams, entity: row)
    }
  }

  /// The seed of the stream a drawing strategy places cohort `cohort`'s `rotation`th rotation
  /// with: a seeded stream (`StreamKey`), which a strategy may draw from at length. A programme
  /// has fewer than 64 rotations (`ModelLimits`).
  static func placementStream(cohort: Int, rotation: Int) -> StreamKey {
    StreamKey("placement", cohort * 64 + rotation)
  }
}

extension RandomStreamBank {
  /// Draws from the short-lived stream of the world draw `draw`: the one way every owner reaches
  /// a world-keyed stream, so its key is packed in one place (`WorldDraw.key`).
  mutating func withStream<R>(_ draw: WorldDraw, _ body: (inout RandomStream) -> R) -> R {
    withStream(keyed: draw.key, body)
  }
}

/// How a requisition caused by another gets its identity, so that its draws are its own and do
/// not depend on where in the array it lands.
enum DerivedRequisition {
  /// The next link of a vacancy chain, from the outside hire's requisition.
  case vacancyChainLink
  /// A repost of a requisition a freeze cancelled.
  case repost
  /// The replacement of a new hire who left, from the job they left.
  case newHireQuit

  func identity(from cause: UInt64) -> UInt64 {
    let purpose =
      switch self {
      case .vacancyChainLink: Purpose.vacancyChain
      case .repost: Purpose.freezeCancel
      case .newHireQuit: Purpose.firstYearQuit
      }
    return SeedDerivation.splitmix64(cause ^ purpose.hash)
  }
}

/// The purposes' names, each hashed into its streams' seeds.
private enum Purpose {
  static let approvalDelay = DrawPurpose("chain approval delay")
  static let postingLength = DrawPurpose("posting length")
  static let insideOfferDelay = DrawPurpose("inside offer delay")
  static let recommendation = DrawPurpose("recommendation")
  static let applicant = DrawPurpose("applicant")
  static let externalApplicants = DrawPurpose("external applicants")
  static let vacancyChain = DrawPurpose("vacancy chain")
  static let onboarding = DrawPurpose("onboarding")
  static let licenceProcessing = DrawPurpose("licence processing")
  static let temporaryLicenceProcessing = DrawPurpose("temporary licence processing")
  static let rotationEnd = DrawPurpose("rotation end")
  static let traits = DrawPurpose("traits")
  static let examSitting = DrawPurpose("exam sitting")
  static let examAttempt = DrawPurpose("exam attempt")
  static let observation = DrawPurpose("observation")
  static let relocationRefusal = DrawPurpose("relocation refusal")
  static let withdrawal = DrawPurpose("withdrawal")
  static let firstYearQuit = DrawPurpose("first-year quit")
  static let fiscalGrowth = DrawPurpose("fiscal-year growth")
  static let systemFreeze = DrawPurpose("system freeze")
  static let freezeCancel = DrawPurpose("freeze cancellation")
  static let programOutcomes = DrawPurpose("program outcomes")
  static let cohortOutcomes = DrawPurpose("cohort outcomes")
  static let placement = DrawPurpose("placement")
  static let currentStudentTraits = DrawPurpose("current student traits")
  static let currentStudentExams = DrawPurpose("current student exam ability")
}
