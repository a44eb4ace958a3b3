import InputFormats
import SimKernel

/// Programs made from one template at random places in the region, for scenarios too large to
/// list every program (the national one has about 390). Each is named `program-<index>`.
public struct GeneratedPrograms: Sendable, Equatable {
  public var count = 0
  /// Every field but name and location applies to each generated program.
  public var template = ProgramParameters()
  /// Share of the region's generated sites placed around a generated program's town rather than
  /// uniformly: programs sit where hospitals and imaging centres cluster (a metro area), so a
  /// program's graduates find most jobs within commuting distance. 0 (the default): every site
  /// uniform, as before this field existed.
  public var sitesNearPrograms = 0.0
  /// A clustered site's distance from its program's town, in a uniform direction.
  public var nearProgramKm = Distribution.gamma(shape: 2, scale: 15)

  public init() {}
}

extension GeneratedPrograms: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case count, template, sitesNearPrograms, nearProgramKm }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&count, .count, Allowed.count(in: 1...ScenarioLimits.programs))
    try reader.require(&template, .template)
    try reader.read(&sitesNearPrograms, .sitesNearPrograms, Allowed.probability)
    try reader.read(&nearProgramKm, .nearProgramKm, Allowed.draws(in: 0))
  }
}
