import InputFormats
import SimKernel

/// How a requisition is filled and how offers are made and accepted.
///
/// The defaults of `strongImpressionThreshold`, `recentStudentDays`, `lookaheadDays`,
/// `applyProbability`, `externalApplicants`' mean, `contingentHireProbability`, `holdWindowDays`,
/// `finalTermApplyDays` and `knowledgeWeight` are particle 3 of the last generation of the joint
/// calibration in `Results/calibration-joint` (revision 2026-12 of `ModelDefaults`), written in
/// full so that the defaults are exactly the particle the calibration simulated.
public struct HiringParameters: Sendable, Equatable {
  /// Impression (0–1) that staff must think a student is above before telling them to apply
  /// ahead of the posting. Above neutral (0.5), so a forgotten student is never "strong".
  public var strongImpressionThreshold = 0.5099523372320011
  /// Days after a rotation ends during which the site still thinks of the student as "theirs".
  public var recentStudentDays = 481.49140954354084
  /// A student is considered only from this many days before their graduation.
  public var lookaheadDays = 29.18097431131021
  /// Days from approval to an inside offer (the manager's "apply now" to the offer).
  public var insideOfferDays = Distribution.uniform(lower: 7, upper: 21)
  /// Days a public posting stays open before the manager chooses.
  public var postingDays = Distribution.uniform(lower: 21, upper: 45)
  /// Chance that a searching graduate within commuting distance applies to a posting.
  public var applyProbability = 0.7084690713398181
  /// Multiplies `applyProbability` for a posting beyond commuting distance (but within the
  /// graduate's relocation willingness): moving is a bigger step than applying nearby.
  public var relocationApplyFactor = 0.25
  /// Experienced sonographers and graduates of unmodelled programs applying to one posting.
  public var externalApplicants = Distribution.poisson(mean: 1.1414464515723743)
  /// How an external applicant scores (the same 0–1 scale as a student's observed quality).
  public var externalCandidateScore = Distribution.beta(alpha: 5, beta: 3)
  /// Share of outside hires who are sonographers from another site within commuting distance,
  /// whose move opens a vacancy there (a vacancy chain). An assumption: about 40% of openings
  /// go to job switchers (calibration estimate), many of them local.
  public var externalFromRegionShare = 0.5
  /// Score bonus of an applicant who already holds the credential.
  public var credentialBonus = 0.1
  /// Chance that a site will hire a graduate who has not yet earned the credential, on
  /// condition of earning it within `contingentWindowDays` of starting.
  public var contingentHireProbability = 0.7476474453875012
  public var contingentWindowDays = 180.0
  /// Days a student takes to decide on offers in hand.
  public var decisionDays = 10.0
  /// Days from acceptance (or graduation, if later) to the start date.
  public var onboardingDays = Distribution.uniform(lower: 14, upper: 30)
  /// A requisition with no candidate at the own-site or same-system tier is held, rather than
  /// passed on, for a strong known student who will qualify (be within `lookaheadDays` of
  /// graduating and, where the site needs it, credentialed) within this many days of approval.
  /// 0 switches holding off.
  public var holdWindowDays = 294.83731089417176
  /// Known candidates tried at each inside tier (own site, same system, recommendation) before
  /// the requisition moves on: when one declines or is no longer a candidate, the next best is
  /// tried. 1 is the old rule (one per tier).
  public var knownCandidatesPerTier = 3
  /// Students apply to public postings from this many days before graduating (0: graduates
  /// only).
  public var finalTermApplyDays = 49.197504177705945
  /// Weight of what the hiring site already knows of an applicant (its own impression, else its
  /// system's reputation of them) against the posting's interview score. 0: the interview alone.
  public var knowledgeWeight = 0.6032646055566104
  /// Probability that a graduate leaves their job within a year of starting it (0: nobody does).
  public var firstYearQuitProbability = 0.175
  /// Most job-to-job moves one opening can set off: a chain's last link is filled without
  /// opening another (the mover came from outside the modelled sites).
  public var maxChainLength = 4

  public init() {}
}

extension HiringParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case strongImpressionThreshold, recentStudentDays, lookaheadDays, insideOfferDays, postingDays
    case applyProbability, relocationApplyFactor, externalApplicants, externalFromRegionShare,
      externalCandidateScore, credentialBonus
    case contingentHireProbability, contingentWindowDays, decisionDays, onboardingDays
    case holdWindowDays, knownCandidatesPerTier, finalTermApplyDays, knowledgeWeight
    case firstYearQuitProbability, maxChainLength
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&strongImpressionThreshold, .strongImpressionThreshold) {
      (0.5..<1).contains($0)
        ? nil : "must be in [0.5, 1): above neutral, which a forgotten impression fades to"
    }
    try reader.read(&recentStudentDays, .recentStudentDays, Allowed.atLeast(0))
    try reader.read(&lookaheadDays, .lookaheadDays, Allowed.atLeast(0))
    try reader.read(&insideOfferDays, .insideOfferDays, Allowed.draws(in: 0))
    try reader.read(&postingDays, .postingDays, Allowed.draws(in: 1))
    try reader.read(&applyProbability, .applyProbability, Allowed.probability)
    try reader.read(&relocationApplyFactor, .relocationApplyFactor, Allowed.probability)
    try reader.read(&externalApplicants, .externalApplicants, Allowed.draws(in: 0))
    try reader.read(&externalFromRegionShare, .externalFromRegionShare, Allowed.probability)
    try reader.read(&externalCandidateScore, .externalCandidateScore, Allowed.draws(in: 0, 1))
    try reader.read(&credentialBonus, .credentialBonus, Allowed.atLeast(0))
    try reader.read(&contingentHireProbability, .contingentHireProbability, Allowed.probability)
    try reader.read(&contingentWindowDays, .contingentWindowDays, Allowed.above(0))
    try reader.read(&decisionDays, .decisionDays, Allowed.atLeast(0))
    try reader.read(&onboardingDays, .onboardingDays, Allowed.draws(in: 0))
    try reader.read(&holdWindowDays, .holdWindowDays, Allowed.atLeast(0))
    try reader.read(&knownCandidatesPerTier, .knownCandidatesPerTier) {
      $0 >= 1 ? nil : "must be a whole number ≥ 1 (1: one known candidate per tier)"
    }
    try reader.read(&finalTermApplyDays, .finalTermApplyDays, Allowed.atLeast(0))
    try reader.read(&knowledgeWeight, .knowledgeWeight, Allowed.probability)
    try reader.read(&firstYearQuitProbability, .firstYearQuitProbability, Allowed.probability)
    try reader.read(&maxChainLength, .maxChainLength) {
      (1...1000).contains($0) ? nil : "must be a whole number from 1 to 1000"
    }
  }
}
