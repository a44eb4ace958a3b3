import InputFormats
import SimKernel

/// One sonography program: where it is, whom it admits and when, how its clinical phase is laid
/// out, how it places students, and which credential pathway its graduates follow.
public struct ProgramParameters: Sendable, Equatable {
  public var name = ""
  /// Position in km; in a latitude/longitude scenario, filled in from `latitude`/`longitude`.
  public var xKm = 0.0
  public var yKm = 0.0
  /// Decimal degrees, when the scenario places by latitude/longitude.
  public var latitude: Double?
  public var longitude: Double?
  /// Students admitted per cohort (rounded; CAAHEP program pages show 10–20).
  public var cohortSize = Distribution.discrete(values: [10, 13, 16, 20], weights: [1, 1, 1, 1])
  /// Calendar years in which a cohort starts.
  public var intakeYears = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]
  /// Month (1–12) in which cohorts start.
  public var intakeMonth = 8
  /// Months from start to graduation (certificates ≈ 12–18, associate degrees ≈ 22).
  public var lengthMonths = 18.0
  /// Months from start to the first rotation.
  public var clinicalStartMonth = 6.0
  public var rotations = RotationPlan()
  /// Farthest a placement may be from the student's home.
  public var placementRadiusKm = 100.0
  /// The placement strategy's name (see `PlacementStrategies.all`); a run's strategy list
  /// overrides it for every program.
  public var strategy = "nearest-to-home"
  /// The key of this program's credential pathway in the scenario's `credentialPathways`.
  public var pathway = "ardms"
  /// The listed sites (by name) with which the program holds a clinical affiliation agreement:
  /// its students rotate only there. Nil: every listed site (MODEL.md 7.2).
  public var affiliates: [String]?
  /// Retention as programs publish it for their accreditor: the share of a starting cohort who
  /// graduate. Drawn once per program and replication (a constant states it); each cohort then
  /// varies around it by `cohortRetentionSd` on the logit scale (7.1b). Nil: the scenario's
  /// `students.withdrawalProbability` if it gives one (every cohort exactly 1 − it), else
  /// `defaultRetention`.
  public var retention: Distribution?
  /// Beta(9, 3): mean 0.75, sd 0.12, 5–95% about 0.53–0.91, as the published retention of
  /// sonography programs (MODEL.md 7.1b: 53–100% across program-years, JRC-DMS threshold 70%).
  public static let defaultRetention = Distribution.beta(alpha: 9, beta: 3)
  /// Sd, on the logit scale, of one cohort's retention around its program's (estimate).
  public var cohortRetentionSd = 0.3
  /// The program's shift of its students' exam ability (logit scale), drawn once per program and
  /// replication: programs prepare their students differently (estimate).
  public var examAbility = Distribution.normal(mean: 0, sd: 0.4)
  /// The program's published first-attempt pass rate on its pathway's first exam, when the
  /// director knows it: the program's shift is then the one that makes its students' average
  /// first-attempt pass probability this rate (instead of a draw from `examAbility`).
  public var firstAttemptPass: Double?
  /// Sd, on the logit scale, of one cohort's shift of exam ability around its program's
  /// (estimate).
  public var cohortExamAbilitySd = 0.2

  public init() {}

  /// First and last day of rotation `rotation` of a cohort admitted on `admissionDay`. Both come
  /// from one expression, so with no gap a rotation's end is bit for bit the next one's start and
  /// the same-instant priorities order them; a separately summed end could land a rounding error
  /// late and hold the place. The one statement of the rotation calendar: the model, the warm
  /// start and `describe` all read it here.
  func rotationDays(admissionDay: Double, rotation: Int) -> (start: Double, end: Double) {
    let first = admissionDay + clinicalStartMonth * (365.25 / 12)
    let period = (rotations.lengthWeeks + rotations.gapWeeks) * 7
    return (first + Double(rotation) * period, first + Double(rotation + 1) * period - rotations.gapWeeks * 7)
  }

  /// Where the program is (on the globe when it has a latitude and longitude).
  public var location: Location { Location(xKm: xKm, yKm: yKm, geodetic: geoPoint(latitude, longitude)) }
}

/// The clinical rotations of a program.
public struct RotationPlan: Sendable, Equatable {
  /// Five rotations of 9.5 weeks with 1-week gaps: 51.5 weeks, a clinical year (MODEL.md,
  /// "Calibration status", step 1; the split into five sites is an estimate).
  public var count = 5
  public var lengthWeeks = 9.5
  /// Weeks between consecutive rotations.
  public var gapWeeks = 1.0

  /// Weeks in the longest program a scenario may declare (`lengthMonths` at most 60).
  static let longestWeeks = (60 * 365.25 / 12 / 7).rounded(.down)

  public init() {}
}

extension RotationPlan: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case count, lengthWeeks, gapWeeks }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&count, .count) { (1...12).contains($0) ? nil : "must be from 1 to 12" }
    // No rotation or gap outlasts the longest program (60 months), so a huge value is reported
    // at its own field, not as a plan ending in a month hundreds of digits long.
    try reader.read(&lengthWeeks, .lengthWeeks, Allowed.above(0, atMost: Self.longestWeeks))
    try reader.read(&gapWeeks, .gapWeeks, Allowed.within(0, Self.longestWeeks))
  }
}

extension ProgramParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, xKm, yKm, latitude, longitude, cohortSize, intakeYears, intakeMonth, lengthMonths,
      clinicalStartMonth, rotations
    case placementRadiusKm, strategy, pathway, affiliates
    case retention, cohortRetentionSd, examAbility, firstAttemptPass, cohortExamAbilitySd
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    let isTemplate = decoder.codingPath.last?.stringValue == "template"
    if isTemplate {
      for key in [CodingKeys.name, .xKm, .yKm, .latitude, .longitude] where reader.has(key) {
        try decoder.reject(
          "a template's programs are named and placed by the generator; remove this field", at: key)
      }
    } else {
      try reader.require(&name, .name) { $0.isEmpty ? "must not be empty" : nil }
      try readPlace(
        reader, x: .xKm, y: .yKm, latitude: .latitude, longitude: .longitude, &xKm, &yKm, &latitude,
        &longitude)
    }
    try reader.read(&cohortSize, .cohortSize, Allowed.draws(in: 0, 500))
    try reader.read(&intakeYears, .intakeYears) { years in
      years.isEmpty
        ? "must list at least one year"
        : years.allSatisfy({ (1900...2200).contains($0) }) ? nil : "must be calendar years"
    }
    try reader.read(&intakeMonth, .intakeMonth) {
      (1...12).contains($0) ? nil : "must be a month from 1 to 12"
    }
    try reader.read(&lengthMonths, .lengthMonths) {
      (3...60).contains($0) ? nil : "must be from 3 to 60 months"
    }
    try reader.read(&clinicalStartMonth, .clinicalStartMonth, Allowed.within(0, 60))
    try reader.read(&rotations, .rotations)
    try reader.read(
      &placementRadiusKm, .placementRadiusKm, Allowed.above(0, atMost: ScenarioLimits.distanceKm))
    try reader.read(&strategy, .strategy, Allowed.oneOf(PlacementStrategies.names))
    try reader.read(&pathway, .pathway)
    try reader.read(&affiliates, .affiliates) { names in
      guard let names else { return nil }
      if names.isEmpty { return "must name at least one listed site (leave it out for every listed site)" }
      return Set(names).count == names.count ? nil : "must name each site once"
    }
    try reader.read(&retention, .retention) { $0.flatMap(Allowed.draws(in: 0, 1)) }
    try reader.read(&cohortRetentionSd, .cohortRetentionSd, Allowed.within(0, 10))
    if reader.has(.examAbility) && reader.has(.firstAttemptPass) {
      try decoder.reject(
        "give either examAbility (a distribution of the program's shift) or firstAttemptPass (the program's "
          + "published rate), not both", at: CodingKeys.firstAttemptPass)
    }
    try reader.read(&examAbility, .examAbility)
    try reader.read(&firstAttemptPass, .firstAttemptPass) {
      $0.flatMap { (0.001...0.999).contains($0) ? nil : "must be a rate in [0.001, 0.999]" }
    }
    try reader.read(&cohortExamAbilitySd, .cohortExamAbilitySd, Allowed.within(0, 10))
    let clinicalWeeks =
      Double(rotations.count) * rotations.lengthWeeks + Double(rotations.count - 1) * rotations.gapWeeks
    let clinicalEndMonth = clinicalStartMonth + clinicalWeeks * 7 / (365.25 / 12)
    if clinicalEndMonth > lengthMonths + 1e-9 {
      let changed =
        reader.has(.rotations)
        ? ""
        : "; the default rotations changed on 2026-12-06 from 3 × 16 weeks to 5 × 9.5 weeks: give "
          + "\"rotations\": {\"count\": 3, \"lengthWeeks\": 16} to keep the old plan, or a plan that fits"
      try decoder.reject(
        "the rotations (\(rotations.count) × \(format(rotations.lengthWeeks)) weeks with \(format(rotations.gapWeeks))-week gaps from month \(format(clinicalStartMonth)), ending in month \(String(format: "%.1f", clinicalEndMonth))) must end by graduation (month \(format(lengthMonths)))\(changed)",
        at: CodingKeys.rotations)
    }
  }
}
