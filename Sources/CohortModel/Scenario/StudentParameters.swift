import InputFormats
import SimKernel

/// How a cohort's students differ. Traits in [0, 1] unless the name gives a unit; each student
/// draws each trait once, from their own stream, at admission.
public struct StudentParameters: Sendable, Equatable {
  /// Scanning aptitude: the skill the learning curve tends to.
  public var aptitude = Distribution.beta(alpha: 5, beta: 3)
  /// Shows up, prepared, every shift.
  public var reliability = Distribution.beta(alpha: 6, beta: 2)
  /// Way with anxious patients and with the team.
  public var rapport = Distribution.beta(alpha: 5, beta: 2.5)
  /// Composure when watched: added to observed performance (positive: rises when watched;
  /// negative: tightens up). Unbounded.
  public var composure = Distribution.normal(mean: 0, sd: 0.08)
  /// How strongly staff remember and recommend the student (0: forgotten fast, never
  /// recommended; 1: remembered and recommended readily).
  public var relationshipBuilding = Distribution.beta(alpha: 3, beta: 3)
  /// Extra distance beyond commuting a student who would move (see `unwillingToRelocateShare`)
  /// would go for a job, before any widening.
  public var relocationWillingnessKm = Distribution.discrete(values: [150, 500, 2000], weights: [4, 3, 2])
  /// Farthest daily commute.
  public var commuteKm = 80.0
  /// Distance of a student's home from their program, in km, in a uniformly random direction.
  public var homeDistanceKm = Distribution.gamma(shape: 2, scale: 15)
  /// Exam ability on the logit scale (0: an average candidate), the student's own part: their
  /// program's and cohort's shifts (`programs[].examAbility`, `cohortExamAbilitySd`) are added.
  /// The three parts' variances sum to about the 0.8² of the single trait before programs
  /// differed (0.66² + 0.4² + 0.2² = 0.64), so the all-candidate pass rate stays where row 11
  /// puts it.
  public var examAbility = Distribution.normal(mean: 0, sd: 0.66)
  /// Share of students who will not move for a job at all, whatever `relocationWillingnessKm`
  /// says and however long they search (drawn once per student, apart from the other traits).
  public var unwillingToRelocateShare = 0.5946644570935743
  /// How far the reach of a graduate who would move widens each month (30.4375 days) of
  /// searching after graduation. 0: reach stays at commute plus willingness.
  public var relocationWideningKmPerMonth = 10.0
  /// One withdrawal probability for every student of every program and cohort, as before
  /// programs differed (0: nobody withdraws). Nil (the default): each program's `retention`
  /// decides, varied per cohort (7.1b). A program's own `retention` wins over it.
  public var withdrawalProbability: Double?
  /// When a withdrawing student leaves, as a fraction of the program's length: mostly early.
  public var withdrawalTiming = Distribution.beta(alpha: 1, beta: 3)

  public init() {}
}

extension StudentParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case aptitude, reliability, rapport, composure, relationshipBuilding, relocationWillingnessKm, commuteKm
    case homeDistanceKm, examAbility, unwillingToRelocateShare, relocationWideningKmPerMonth
    case withdrawalProbability, withdrawalTiming
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&aptitude, .aptitude, Allowed.draws(in: 0, 1))
    try reader.read(&reliability, .reliability, Allowed.draws(in: 0, 1))
    try reader.read(&rapport, .rapport, Allowed.draws(in: 0, 1))
    try reader.read(&composure, .composure)
    try reader.read(&relationshipBuilding, .relationshipBuilding, Allowed.draws(in: 0, 1))
    try reader.read(&relocationWillingnessKm, .relocationWillingnessKm, Allowed.draws(in: 0))
    try reader.read(&commuteKm, .commuteKm, Allowed.within(0, ScenarioLimits.distanceKm))
    try reader.read(&homeDistanceKm, .homeDistanceKm, Allowed.draws(in: 0))
    try reader.read(&examAbility, .examAbility)
    try reader.read(&unwillingToRelocateShare, .unwillingToRelocateShare, Allowed.probability)
    try reader.read(&relocationWideningKmPerMonth, .relocationWideningKmPerMonth, Allowed.atLeast(0))
    try reader.read(&withdrawalProbability, .withdrawalProbability) { $0.flatMap(Allowed.probability) }
    try reader.read(&withdrawalTiming, .withdrawalTiming, Allowed.draws(in: 0, 1))
  }
}

/// How staff form, keep and pass on impressions of a student: the months-long interview.
public struct EvaluationParameters: Sendable, Equatable {
  /// Weights of skill, reliability and rapport in what staff observe each week.
  public var skillWeight = 0.5
  public var reliabilityWeight = 0.25
  public var rapportWeight = 0.25
  /// Noise of one week's observation (sd).
  public var observationNoise = 0.15
  /// How far one week's observation moves the impression toward it (exponential smoothing).
  public var learningRate = 0.2
  /// Weeks of clinical experience for skill to reach 63% of aptitude (observe → assist →
  /// supervised → independent).
  public var learningCurveWeeks = 16.0
  /// Chance of a clash in a week for a student with rapport 0 (scaled by 1 − rapport).
  public var clashProbabilityPerWeek = 0.03
  /// How much a clash lowers the impression.
  public var clashPenalty = 0.35
  /// Half-life of an impression after the rotation ends, for a student with relationship
  /// building 0.5 (scaled by 2 × relationship building).
  public var memoryHalfLifeDays = 558.7833334455457
  /// Chance that an impression travels to the other sites of the same hospital system.
  public var spreadProbability = 0.5
  /// Days word takes to travel through the system.
  public var spreadDelayDays = Distribution.gamma(shape: 2, scale: 15)
  /// Share of an impression's distance from neutral (0.5) that survives the retelling.
  public var spreadAttenuation = 0.7

  public init() {}
}

extension EvaluationParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case skillWeight, reliabilityWeight, rapportWeight, observationNoise, learningRate, learningCurveWeeks
    case clashProbabilityPerWeek, clashPenalty, memoryHalfLifeDays, spreadProbability, spreadDelayDays
    case spreadAttenuation
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&skillWeight, .skillWeight, Allowed.atLeast(0))
    try reader.read(&reliabilityWeight, .reliabilityWeight, Allowed.atLeast(0))
    try reader.read(&rapportWeight, .rapportWeight, Allowed.atLeast(0))
    try reader.read(&observationNoise, .observationNoise, Allowed.atLeast(0))
    try reader.read(&learningRate, .learningRate) { $0 > 0 && $0 <= 1 ? nil : "must be in (0, 1]" }
    try reader.read(&learningCurveWeeks, .learningCurveWeeks, Allowed.above(0))
    try reader.read(&clashProbabilityPerWeek, .clashProbabilityPerWeek, Allowed.probability)
    try reader.read(&clashPenalty, .clashPenalty, Allowed.atLeast(0))
    try reader.read(&memoryHalfLifeDays, .memoryHalfLifeDays, Allowed.above(0))
    try reader.read(&spreadProbability, .spreadProbability, Allowed.probability)
    try reader.read(&spreadDelayDays, .spreadDelayDays, Allowed.draws(in: 0))
    try reader.read(&spreadAttenuation, .spreadAttenuation, Allowed.probability)
    if skillWeight + reliabilityWeight + rapportWeight <= 0 {
      try decoder.reject("skillWeight + reliabilityWeight + rapportWeight must be > 0")
    }
  }
}

/// Who knows whom: sonographers' contacts between sites, through which recommendations travel.
public struct NetworkParameters: Sendable, Equatable {
  /// Chance that two sites of the same system are in contact.
  public var withinSystemProbability = 0.6
  /// Mean number of contacts a site has outside its own system (Poisson).
  public var crossSystemContactsMean = 1.5
  /// Extra contacts listed by site index, each pair `[a, b]` (both ways).
  public var contacts: [[Int]] = []
  /// Chance that staff who think highly of a student recommend them for a contact's opening,
  /// for a student with relationship building 1.
  public var recommendationProbability = 0.6

  public init() {}
}

extension NetworkParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case withinSystemProbability, crossSystemContactsMean, contacts, recommendationProbability
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&withinSystemProbability, .withinSystemProbability, Allowed.probability)
    try reader.read(&crossSystemContactsMean, .crossSystemContactsMean) { mean in
      (0...ScenarioLimits.contactsPerSite).contains(mean)
        ? nil : "must be from 0 to \(format(ScenarioLimits.contactsPerSite)) (contacts a site draws)"
    }
    try reader.read(&contacts, .contacts) { pairs in
      pairs.allSatisfy { $0.count == 2 && $0[0] >= 0 && $0[1] >= 0 }
        ? nil : "must be a list of pairs of site indices [a, b]"
    }
    try reader.read(&recommendationProbability, .recommendationProbability, Allowed.probability)
  }
}
