import Foundation

/// A JSON Schema (draft 2020-12) of the scenario format, for editors: a scenario that names it
/// with `"$schema"` gets its keys completed and misspelt ones flagged as it is typed.
///
/// Built from the decoders' own key lists (`CodingKeys.allCases`), so it cannot name a key the
/// decoder refuses or miss one it reads. It describes the *shape*: which keys each object takes
/// (no others, as the decoder insists) and which are lists or maps. Values are left open (a number,
/// a distribution object, a string), since their ranges depend on one another; `cohortsim
/// validate` remains the judge of a scenario and says what is allowed where.
public enum ScenarioSchema {
  /// The schema as pretty-printed JSON with sorted keys.
  public static var json: Data {
    // Plain property-list values: serialisable by construction.
    try! JSONSerialization.data(
      withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
  }

  static var document: [String: Any] {
    var root = object(
      Scenario.CodingKeys.self,
      nested: [
        "demand": object(DemandParameters.CodingKeys.self),
        "region": object(
          RegionParameters.CodingKeys.self,
          nested: [
            "states": list(object(StateShare.CodingKeys.self, required: ["code", "share"])),
            "hospitals": object(SiteKindParameters.CodingKeys.self),
            "imagingCenters": object(SiteKindParameters.CodingKeys.self),
            "clinics": object(SiteKindParameters.CodingKeys.self),
            "bounds": object(GeoBounds.CodingKeys.self, required: ["south", "west", "north", "east"]),
          ]),
        "sites": list(object(SiteListing.CodingKeys.self, required: ["name", "kind", "staff", "capacity"])),
        "network": object(NetworkParameters.CodingKeys.self),
        "programs": list(program(required: ["name"])),
        "generatedPrograms": object(
          GeneratedPrograms.CodingKeys.self, nested: ["template": program(required: [])],
          required: ["count", "template"]),
        "students": object(StudentParameters.CodingKeys.self),
        "evaluation": object(EvaluationParameters.CodingKeys.self),
        "hiring": object(HiringParameters.CodingKeys.self),
        "credentialPathways": map(
          object(
            CredentialPathway.CodingKeys.self,
            nested: [
              "exams": list(object(ExamParameters.CodingKeys.self, required: ["name", "firstAttemptPass"]))
            ],
            required: ["exams"])),
        "licensure": object(
          LicensureParameters.CodingKeys.self,
          nested: [
            "states": list(["type": "string"]), "processingDays": map([:]),
            "temporaryLicences": map(object(TemporaryLicence.CodingKeys.self)),
          ]),
        "modelDefaults": ["enum": ModelDefaults.revisions],
        "name": ["type": "string"], "description": ["type": "string"],
      ],
      required: ["name"])
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    root["title"] = "cohortsim scenario"
    root["description"] =
      "A cohortsim scenario (docs/MODEL.md, Parameters). Keys only: 'cohortsim validate' checks the values."
    return root
  }

  private static func program(required: [String]) -> [String: Any] {
    object(
      ProgramParameters.CodingKeys.self, nested: ["rotations": object(RotationPlan.CodingKeys.self)],
      required: required)
  }

  /// An object taking exactly the keys of `keys`, each open unless `nested` describes it.
  private static func object<Keys: CodingKey & CaseIterable>(
    _ keys: Keys.Type, nested: [String: Any] = [:], required: [String] = []
  ) -> [String: Any] {
    var properties: [String: Any] = [:]
    for key in keys.allCases { properties[key.stringValue] = nested[key.stringValue] ?? [String: Any]() }
    var schema: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
    if !required.isEmpty { schema["required"] = required }
    return schema
  }

  private static func list(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }

  private static func map(_ values: [String: Any]) -> [String: Any] {
    ["type": "object", "additionalProperties": values]
  }
}
