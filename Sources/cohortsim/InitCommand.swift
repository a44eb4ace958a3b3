import CohortModel
import Experiments
import Foundation

/// `cohortsim init "PROGRAM" --state XX --latitude LAT --longitude LON`: a program director's
/// starting point, three files that validate as written.
struct InitCommand: Subcommand {
  static let name = "init"
  static let summary = "write a starter scenario, sites spreadsheet and current-students file for one program"
  static let usage = "PROGRAM --state XX --latitude LAT --longitude LON [--out DIR]"
  static let discussion = """
    Writes, for the program PROGRAM at LAT, LON in state XX, the files a program director starts \
    from: NAME.json (the scenario: the program, a region box around it whose other employers are \
    generated, and "$schema" for editors), NAME-sites.csv (the program's clinical affiliates: \
    example rows to replace with your own sites) and NAME-current-students.csv (today's students: \
    example rows to replace), where NAME is the program's name in lower case with dashes; and \
    cohortsim.schema.json beside them when the folder has none. Each file documents its columns in \
    comment lines or its description, and each validates as written, so 'cohortsim run' works \
    before anything is edited; replace the example rows, then validate and run. Refuses (exit 2, \
    nothing written) when any of the three files exists already.
    """
  static let state = Option.text(
    "state", "XX", "the program's state, a two-letter code (WI); the region's state")
  static let latitude = Option.number(
    "latitude", "LAT", in: -90...90, "the program's latitude in decimal degrees, north positive (43.04)")
  static let longitude = Option.number(
    "longitude", "LON", in: -180...180,
    "the program's longitude in decimal degrees, east positive: west is negative (-87.91)")
  static let out = Option.folder(
    "out", "DIR", "the folder to write in, created when missing (default: the current folder)")
  static let options: [any OptionDeclaration] = [state, latitude, longitude, out]
  static let examples = [
    "cohortsim init \"Lakeshore College\" --state WI --latitude 43.04 --longitude -87.91 --out my-program",
    "cohortsim validate my-program/lakeshore-college.json --current-students my-program/lakeshore-college-current-students.csv",
    "cohortsim run my-program/lakeshore-college.json --current-students my-program/lakeshore-college-current-students.csv",
  ]

  let starter: StarterProgram
  let folder: String

  init(_ arguments: ParsedArguments) throws {
    let programName = try arguments.requirePositionals(["PROGRAM"])[0].trimmingCharacters(in: .whitespaces)
    guard !programName.isEmpty, !programName.contains(where: { $0 == ";" || $0.isNewline }) else {
      throw UsageError(
        message: "PROGRAM must be the program's name: not empty, no \";\" or line break", command: Self.name)
    }
    guard let state = try arguments[Self.state] else {
      throw UsageError(
        message: "init needs --state XX, the program's two-letter state code", command: Self.name)
    }
    guard state.count == 2, state.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw UsageError(
        message: "--state must be a two-letter upper-case code such as WI, got '\(state)'", command: Self.name
      )
    }
    guard let latitude = try arguments[Self.latitude], let longitude = try arguments[Self.longitude]
    else {
      throw UsageError(
        message:
          "init needs --latitude and --longitude, the program's place in decimal degrees (west is negative: "
          + "--longitude -87.91)",
        command: Self.name)
    }
    starter = StarterProgram(programName: programName, state: state, latitude: latitude, longitude: longitude)
    folder = try arguments[Self.out] ?? "."
  }

  func run() throws -> ExitStatus {
    let manager = FileManager.default
    let url = URL(fileURLWithPath: folder, isDirectory: true)
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    let existing = [starter.scenarioFile, starter.sitesFile, starter.studentsFile].filter {
      manager.fileExists(atPath: path($0))
    }
    guard existing.isEmpty else {
      throw UsageError(
        message:
          "init writes nothing over existing files: \(existing.map(path).joined(separator: ", ")) "
          + "exist\(existing.count == 1 ? "s" : ""); choose another --out folder or move them",
        command: Self.name)
    }
    // The students' rows follow the program's calendar as the scenario states it.
    var program = ProgramParameters()
    program.name = starter.programName
    program.lengthMonths = StarterProgram.lengthMonths
    let files = [
      (starter.scenarioFile, starter.scenario), (starter.sitesFile, starter.sites),
      (starter.studentsFile, starter.students(program: program)),
    ]
    do {
      try manager.createDirectory(at: url, withIntermediateDirectories: true)
      for (name, text) in files {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)), options: .withoutOverwriting)
      }
      if !manager.fileExists(atPath: path(StarterProgram.schemaFile)) {
        try (ScenarioSchema.json + Data("\n".utf8)).write(
          to: URL(fileURLWithPath: path(StarterProgram.schemaFile)), options: .withoutOverwriting)
      }
    } catch {
      throw CommandFailure(.badInput, "could not write in \(folder): \(error.localizedDescription)")
    }
    // What was written must validate: a starter that fails its first command would be no start.
    var file = try ScenarioFile.load(path(starter.scenarioFile))
    try file.warmStart(from: path(starter.studentsFile), asOf: .flag(nil))
    print("wrote \(path(starter.scenarioFile)), \(path(starter.sitesFile)) and \(path(starter.studentsFile))")
    print("next: replace the example rows of both spreadsheets with your own, set demand.regionShare, then")
    print(
      "  cohortsim validate \(path(starter.scenarioFile)) --current-students \(path(starter.studentsFile))")
    print("  cohortsim run \(path(starter.scenarioFile)) --current-students \(path(starter.studentsFile))")
    return .done
  }
}
