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

  public init() {}

  /// Where the program is (on the globe when it has a latitude and longitude).
  public var location: Location { Location(xKm: xKm, yKm: yKm, geodetic: geoPoint(latitude, longitude)) }
}

/// The clinical rotations of a program.
public struct RotationPlan: Sendable, Equatable {
  public var count = 3
  public var lengthWeeks = 16.0
  /// Weeks between consecutive rotations.
  public var gapWeeks = 1.0

  public init() {}
}

extension RotationPlan: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case count, lengthWeeks, gapWeeks }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&count, .count) { (1...12).contains($0) ? nil : "must be from 1 to 12" }
    try reader.read(&lengthWeeks, .lengthWeeks, Allowed.above(0))
    try reader.read(&gapWeeks, .gapWeeks, Allowed.atLeast(0))
  }
}

extension ProgramParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, xKm, yKm, latitude, longitude, cohortSize, intakeYears, intakeMonth, lengthMonths,
      clinicalStartMonth, rotations
    case placementRadiusKm, strategy, pathway
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
    try reader.read(&clinicalStartMonth, .clinicalStartMonth, Allowed.atLeast(0))
    try reader.read(&rotations, .rotations)
    try reader.read(
      &placementRadiusKm, .placementRadiusKm, Allowed.above(0, atMost: ScenarioLimits.distanceKm))
    try reader.read(&strategy, .strategy, Allowed.oneOf(PlacementStrategies.names))
    try reader.read(&pathway, .pathway)
    let clinicalWeeks =
      Double(rotations.count) * rotations.lengthWeeks + Double(rotations.count - 1) * rotations.gapWeeks
    let clinicalEndMonth = clinicalStartMonth + clinicalWeeks * 7 / (365.25 / 12)
    if clinicalEndMonth > lengthMonths + 1e-9 {
      try decoder.reject(
        "the rotations (\(rotations.count) × \(format(rotations.lengthWeeks)) weeks from month \(format(clinicalStartMonth)), ending in month \(String(format: "%.1f", clinicalEndMonth))) must end by graduation (month \(format(lengthMonths)))",
        at: CodingKeys.rotations)
    }
  }
}
