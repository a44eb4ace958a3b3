import InputFormats
import SimKernel

/// A registry's route to the credential: the exams, when they are sat, how often they are
/// passed, the wait between attempts and the limits. ARDMS (SPI plus a specialty exam), ARRT
/// (one sonography exam, three attempts in three years) and CCI are parameter sets of this one
/// type, not separate code.
public struct CredentialPathway: Sendable, Equatable {
  public var exams: [ExamParameters] = []
  /// The window's length in years; what it bounds is `window`.
  public var windowYears = 5.0
  /// How the window applies: retakes stop `windowYears` after graduation (ARRT's eligibility
  /// window), or every exam must be passed within `windowYears` of the others, in any order
  /// (the ARDMS five-year rule: an older pass expires and that exam is sat again).
  public var window = ExamWindow.fromGraduation

  public init(exams: [ExamParameters], windowYears: Double, window: ExamWindow = .fromGraduation) {
    self.exams = exams
    self.windowYears = windowYears
    self.window = window
  }

  /// ARDMS: SPI during the program, a specialty exam after graduating; 60-day retake wait; no
  /// attempt limit found (calibration rows 11, 13–15; specialty pass rates an estimate).
  public static let ardms = CredentialPathway(
    exams: [
      ExamParameters(
        name: "SPI", monthsAfterStart: 10, daysAfterGraduation: nil, firstAttemptPass: 0.74, retakePass: 0.47,
        retakeWaitDays: 60, maxAttempts: 0),
      ExamParameters(
        name: "specialty", monthsAfterStart: nil, daysAfterGraduation: .uniform(lower: -30, upper: 45),
        firstAttemptPass: 0.70, retakePass: 0.47, retakeWaitDays: 60, maxAttempts: 0),
    ], windowYears: 5, window: .betweenPasses)

  /// ARRT sonography: one exam after graduation, three attempts within three years (row 16).
  public static let arrt = CredentialPathway(
    exams: [
      ExamParameters(
        name: "ARRT sonography", monthsAfterStart: nil, daysAfterGraduation: .uniform(lower: 7, upper: 60),
        firstAttemptPass: 0.72, retakePass: 0.47, retakeWaitDays: 90, maxAttempts: 3)
    ], windowYears: 3)

  /// CCI (RCS/RDCS): no national pass rates or retake wait found (row 17): SPI-like estimates.
  public static let cci = CredentialPathway(
    exams: [
      ExamParameters(
        name: "CCI registry", monthsAfterStart: nil, daysAfterGraduation: .uniform(lower: 7, upper: 60),
        firstAttemptPass: 0.70, retakePass: 0.47, retakeWaitDays: 60, maxAttempts: 0)
    ], windowYears: 5)

  /// The pathways every scenario knows without declaring them.
  public static let builtIn: [String: CredentialPathway] = ["ardms": .ardms, "arrt": .arrt, "cci": .cci]
}

/// One registry exam.
public struct ExamParameters: Sendable, Equatable {
  public var name: String
  /// First sat this many months after the program starts (an exam taken during the program).
  public var monthsAfterStart: Double?
  /// Or first sat this many days after graduating (negative: before, as ARDMS allows).
  public var daysAfterGraduation: Distribution?
  /// Pass probability of an average candidate (exam ability 0) at the first attempt.
  public var firstAttemptPass: Double
  /// ... and at a retake.
  public var retakePass: Double
  public var retakeWaitDays: Double
  /// 0 for no limit.
  public var maxAttempts: Int

  public init(
    name: String, monthsAfterStart: Double?, daysAfterGraduation: Distribution?, firstAttemptPass: Double,
    retakePass: Double, retakeWaitDays: Double, maxAttempts: Int
  ) {
    self.name = name
    self.monthsAfterStart = monthsAfterStart
    self.daysAfterGraduation = daysAfterGraduation
    self.firstAttemptPass = firstAttemptPass
    self.retakePass = retakePass
    self.retakeWaitDays = retakeWaitDays
    self.maxAttempts = maxAttempts
  }
}

extension ExamParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, monthsAfterStart, daysAfterGraduation, firstAttemptPass, retakePass, retakeWaitDays,
      maxAttempts
  }

  public init(from decoder: any Decoder) throws {
    self.init(
      name: "", monthsAfterStart: nil, daysAfterGraduation: nil, firstAttemptPass: 0.7, retakePass: 0.47,
      retakeWaitDays: 60, maxAttempts: 0)
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&name, .name) { $0.isEmpty ? "must not be empty" : nil }
    try reader.read(&monthsAfterStart, .monthsAfterStart) { ($0 ?? 0) >= 0 ? nil : "must be ≥ 0" }
    try reader.read(&daysAfterGraduation, .daysAfterGraduation)
    if (monthsAfterStart == nil) == (daysAfterGraduation == nil) {
      try decoder.reject(
        "give exactly one of monthsAfterStart (sat during the program) or daysAfterGraduation")
    }
    try reader.require(&firstAttemptPass, .firstAttemptPass, Allowed.probability)
    try reader.read(&retakePass, .retakePass, Allowed.probability)
    try reader.read(&retakeWaitDays, .retakeWaitDays, Allowed.atLeast(0))
    try reader.read(&maxAttempts, .maxAttempts, Allowed.count(in: 0...ScenarioLimits.examAttempts))
    // Without an attempt limit only the wait bounds the retakes: a failing candidate (pass
    // probabilities are floored at 1e-9, not 0) would otherwise retake without end at one instant.
    if maxAttempts == 0 && retakeWaitDays < ScenarioLimits.unlimitedRetakeWaitDays {
      try decoder.reject(
        "must be ≥ \(format(ScenarioLimits.unlimitedRetakeWaitDays)) day when maxAttempts is 0 (no limit), "
          + "else a failing candidate retakes without end; got \(format(retakeWaitDays)) (or give maxAttempts, "
          + "1 to \(ScenarioLimits.examAttempts))", at: CodingKeys.retakeWaitDays)
    }
  }
}

/// What a credential pathway's window bounds.
public enum ExamWindow: String, Sendable, Equatable, CaseIterable {
  /// No attempt more than `windowYears` after graduation.
  case fromGraduation
  /// All exams passed within `windowYears` of each other, in either order (ARDMS, row 14).
  case betweenPasses
}

extension CredentialPathway: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case exams, windowYears, window }

  public init(from decoder: any Decoder) throws {
    self.init(exams: [], windowYears: 5)
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&exams, .exams) {
      (1...ScenarioLimits.examsPerPathway).contains($0.count)
        ? nil : "must list from 1 to \(ScenarioLimits.examsPerPathway) exams (got \($0.count))"
    }
    try reader.read(&windowYears, .windowYears, Allowed.above(0))
    var rule = window.rawValue
    try reader.read(&rule, .window, Allowed.oneOf(ExamWindow.allCases.map(\.rawValue)))
    window = ExamWindow(rawValue: rule)!
  }
}

/// State licences: which states require one and how long one takes once the credential is held.
public struct LicensureParameters: Sendable, Equatable {
  /// States requiring a sonographer licence (as of 2026: NM, NH, ND, OR).
  public var states = ["NM", "NH", "ND", "OR"]
  /// Processing days after the credential, by state (calibration rows 20–23 and estimates:
  /// OR ≈ 1 month, ND 2–3 weeks, NM 2–6 weeks, NH ≈ 4 months).
  public var processingDays: [String: Distribution] = [
    "OR": .uniform(lower: 21, upper: 40), "ND": .uniform(lower: 14, upper: 21),
    "NM": .uniform(lower: 14, upper: 42), "NH": .uniform(lower: 90, upper: 150),
  ]
  /// Processing days for a licensing state not listed in `processingDays`.
  public var defaultProcessingDays = Distribution.uniform(lower: 21, upper: 60)
  /// Temporary licences by state: they let a new graduate hired on contingency start work while
  /// the credential is still to come (calibration rows 20–22). New Mexico: 1 year, for
  /// graduates; Oregon: 6 months renewable once, obtainable up to 6 months before finishing;
  /// North Dakota: up to 180 days for new graduates awaiting exams. An empty table switches
  /// them off.
  public var temporaryLicences: [String: TemporaryLicence] = [
    "NM": TemporaryLicence(validDays: 365, applyBeforeGraduationDays: 0),
    "OR": TemporaryLicence(validDays: 365, applyBeforeGraduationDays: 182),
    "ND": TemporaryLicence(validDays: 180, applyBeforeGraduationDays: 0),
  ]

  public init() {}

  public func requiresLicence(_ state: String) -> Bool { states.contains(state) }

  public func processing(for state: String) -> Distribution { processingDays[state] ?? defaultProcessingDays }
}

/// A state's temporary licence for new graduates who are still waiting for the credential.
public struct TemporaryLicence: Sendable, Equatable {
  /// Days the licence lets its holder work after it is granted, renewals included.
  public var validDays: Double
  /// How long before graduating a student may apply (0: only once graduated).
  public var applyBeforeGraduationDays: Double

  public init(validDays: Double, applyBeforeGraduationDays: Double) {
    self.validDays = validDays
    self.applyBeforeGraduationDays = applyBeforeGraduationDays
  }
}

extension TemporaryLicence: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case validDays, applyBeforeGraduationDays }

  public init(from decoder: any Decoder) throws {
    self.init(validDays: 0, applyBeforeGraduationDays: 0)
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&validDays, .validDays, Allowed.above(0))
    try reader.read(&applyBeforeGraduationDays, .applyBeforeGraduationDays, Allowed.atLeast(0))
  }
}

extension LicensureParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case states, processingDays, defaultProcessingDays, temporaryLicences
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&states, .states) { codes in
      codes.allSatisfy { $0.count == 2 && $0.uppercased() == $0 }
        ? nil : "must be two-letter postal codes such as \"OR\""
    }
    try reader.read(&processingDays, .processingDays) { table in
      table.values.allSatisfy { $0.supportLowerBound >= 0 }
        ? nil : "every processing time must never draw below 0"
    }
    try reader.read(&defaultProcessingDays, .defaultProcessingDays, Allowed.draws(in: 0))
    try reader.read(&temporaryLicences, .temporaryLicences) { table in
      table.keys.allSatisfy { isStateCode($0) == nil }
        ? nil : "must be keyed by two-letter postal codes such as \"OR\""
    }
  }
}
