import SimKernel

/// Programs made from one template at random places in the region, for scenarios too large to
/// list every program (the national one has about 390). Each is named `program-<index>`.
public struct GeneratedPrograms: Sendable, Equatable {
  public var count = 0
  /// Every field but name and location applies to each generated program.
  public var template = ProgramParameters()

  public init() {}
}

extension GeneratedPrograms: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case count, template }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&count, .count, Allowed.count(in: 1...ScenarioLimits.programs))
    try reader.require(&template, .template)
  }
}
