import SimKernel

/// The geography: a rectangle of `widthKm` × `heightKm`, divided west to east into states by
/// their shares, holding hospital systems and sites. Sites are generated from counts by kind
/// unless the scenario lists them (`sites` at the top level), as a program director would.
public struct RegionParameters: Sendable, Equatable {
  public var widthKm = 250.0
  public var heightKm = 250.0
  /// States west to east with their share of the width, e.g. `[{"code": "OR", "share": 0.5}, ...]`.
  public var states = [StateShare(code: "TX", share: 1)]
  /// Hospital systems in the region.
  public var systems = 3
  /// Generated sites by kind.
  public var hospitals = SiteKindParameters(
    count: 10, staff: .uniform(lower: 8, upper: 24), capacity: .discrete(values: [2, 3], weights: [1, 1]),
    independentShare: 0.1)
  public var imagingCenters = SiteKindParameters(
    count: 8, staff: .uniform(lower: 3, upper: 8), capacity: .constant(value: 1), independentShare: 0.5)
  public var clinics = SiteKindParameters(
    count: 10, staff: .uniform(lower: 1, upper: 3), capacity: .constant(value: 1), independentShare: 0.7)

  public init() {}
}

public struct StateShare: Sendable, Equatable {
  public var code: String
  public var share: Double

  public init(code: String, share: Double) {
    self.code = code
    self.share = share
  }
}

extension StateShare: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case code, share }

  public init(from decoder: any Decoder) throws {
    self.init(code: "US", share: 1)
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&code, .code, isStateCode)
    try reader.require(&share, .share, Allowed.above(0))
  }
}

/// Two upper-case letters, as a postal code ("OR"); nil when valid.
func isStateCode(_ code: String) -> String? {
  code.count == 2 && code.allSatisfy({ $0.isASCII && $0.isUppercase })
    ? nil : "must be a two-letter postal code such as \"OR\""
}

/// How many sites of one kind to generate and how they are staffed.
public struct SiteKindParameters: Sendable, Equatable {
  public var count: Int
  /// Relative staff size of a generated site. Positions are these draws rescaled so that the
  /// region totals `nationalPositions × regionShare` (demand is seeded from national figures),
  /// so only their proportions matter.
  public var staff: Distribution
  /// Students the site can host at once (rounded).
  public var capacity: Distribution
  /// Share of these sites that belong to no hospital system.
  public var independentShare: Double

  public init(count: Int, staff: Distribution, capacity: Distribution, independentShare: Double) {
    self.count = count
    self.staff = staff
    self.capacity = capacity
    self.independentShare = independentShare
  }
}

extension SiteKindParameters {
  enum CodingKeys: String, CodingKey, CaseIterable { case count, staff, capacity, independentShare }

  /// Decodes the fields a scenario gives onto `defaults` (the kind's own), so that giving only
  /// `count` keeps the kind's staffing and independence.
  init(from decoder: any Decoder, defaults: SiteKindParameters) throws {
    self = defaults
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&count, .count, Allowed.count(in: 0...ScenarioLimits.sitesPerKind))
    try reader.read(&staff, .staff, Allowed.draws(in: 0))
    try reader.read(&capacity, .capacity, Allowed.draws(in: 0))
    try reader.read(&independentShare, .independentShare, Allowed.probability)
  }
}

extension RegionParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case widthKm, heightKm, states, systems, hospitals, imagingCenters, clinics
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(&widthKm, .widthKm, Allowed.above(0, atMost: ScenarioLimits.regionKm))
    try reader.read(&heightKm, .heightKm, Allowed.above(0, atMost: ScenarioLimits.regionKm))
    try reader.read(&states, .states) { $0.isEmpty ? "must list at least one state" : nil }
    try reader.read(&systems, .systems, Allowed.count(in: 0...ScenarioLimits.systems))
    try reader.nested(.hospitals) { hospitals = try SiteKindParameters(from: $0, defaults: hospitals) }
    try reader.nested(.imagingCenters) {
      imagingCenters = try SiteKindParameters(from: $0, defaults: imagingCenters)
    }
    try reader.nested(.clinics) { clinics = try SiteKindParameters(from: $0, defaults: clinics) }
  }
}

/// A site listed explicitly in the scenario.
public struct SiteListing: Sendable, Equatable {
  public var name = ""
  public var kind = SiteKind.hospital
  public var xKm = 0.0
  public var yKm = 0.0
  /// Two-letter state code; derived from `xKm` and the region's states when omitted.
  public var state: String?
  /// Index of the hospital system (0-based), or nil when independent.
  public var system: Int?
  public var staff = 1
  public var capacity = 1

  public init() {}
}

extension SiteListing: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, kind, xKm, yKm, state, system, staff, capacity
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&name, .name) { $0.isEmpty ? "must not be empty" : nil }
    try reader.require(&kind, .kind)
    try reader.require(&xKm, .xKm, Allowed.within(0, ScenarioLimits.regionKm))
    try reader.require(&yKm, .yKm, Allowed.within(0, ScenarioLimits.regionKm))
    try reader.read(&state, .state) { $0.flatMap(isStateCode) }
    try reader.read(&system, .system) {
      ($0 ?? 0) >= 0 ? nil : "must be a system index ≥ 0, or omitted for an independent site"
    }
    try reader.require(&staff, .staff, Allowed.count(in: 1...ScenarioLimits.sitePositions))
    try reader.require(&capacity, .capacity, Allowed.count(in: 0...ScenarioLimits.siteCapacity))
  }
}

/// What kind of workplace a site is.
public enum SiteKind: String, Sendable, CaseIterable, Decodable {
  case hospital
  case imagingCenter = "imaging_center"
  case clinic

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let kind = SiteKind(rawValue: text) else {
      try decoder.reject(
        "unknown site kind \"\(text)\"; allowed: \(SiteKind.allCases.map(\.rawValue).joined(separator: ", "))"
      )
      self = .hospital
      return
    }
    self = kind
  }
}
