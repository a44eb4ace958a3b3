import CohortModel
import Foundation

/// `cohortsim schema`: the JSON Schema of the scenario format, for editors.
struct SchemaCommand: Subcommand {
  static let name = "schema"
  static let summary = "print the JSON Schema of the scenario format (for editors: name it in \"$schema\")"
  static let usage = ""
  static let discussion = """
    Prints a JSON Schema (draft 2020-12) of the scenario format to standard output, built from the \
    decoders' own key lists: every object's keys, with no others allowed, and which fields are lists \
    or maps. Save it beside your scenarios and name it in the scenario, "$schema": "cohortsim.schema.json", \
    so that an editor completes keys and flags misspelt ones as you type. Values are left open: \
    'cohortsim validate' checks them and says what is allowed where.
    """
  static let options: [any OptionDeclaration] = []
  static let examples = ["cohortsim schema > Scenarios/cohortsim.schema.json"]

  init(_ arguments: ParsedArguments) throws {
    _ = try arguments.requirePositionals([])
  }

  func run() throws -> ExitStatus {
    FileHandle.standardOutput.write(ScenarioSchema.json + Data("\n".utf8))
    return .done
  }
}
