import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path
private let oregon = root + "/Scenarios/one-program-oregon.json"
private let oregonStudents = root + "/Scenarios/one-program-oregon-current-students.csv"

/// The commands `cohortsim --help` lists, read from its COMMANDS section.
private func commandNames() throws -> [String] {
  let directory = temporaryDirectory()
  defer { removeTemporaryDirectory(directory) }
  let (_, help, _) = try runCohortsim(["--help"], in: directory)
  let section = help.components(separatedBy: "COMMANDS\n")[1].components(separatedBy: "\n\n")[0]
  return section.split(separator: "\n").map { $0.split(separator: " ")[0] }.map(String.init)
    .filter { $0 != "help" }
}

/// A command's usage line and its options (`--name`), as `cohortsim help COMMAND` prints them
/// from the command's declarations.
private func declaration(_ command: String) throws -> (usage: String, options: Set<String>) {
  let directory = temporaryDirectory("help-\(command)")
  defer { removeTemporaryDirectory(directory) }
  let (_, help, _) = try runCohortsim(["help", command], in: directory)
  let usage = help.components(separatedBy: "USAGE\n")[1].split(separator: "\n")[0]
  let options = help.components(separatedBy: "\n").filter { $0.hasPrefix("  --") }.map {
    String($0.dropFirst(2).split(separator: " ")[0])
  }
  return (String(usage), Set(options))
}

/// The files in `directory`, without the hidden ones `runCohortsim` keeps its output in.
private func visibleFiles(_ directory: String) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
}

@Suite("a director's path: init, the same options everywhere", .enabled(if: cohortsimExecutable != nil))
struct DirectorPathTests {
  @Test("every command that reads a SCENARIO declares --current-students and --as-of")
  func warmStartEverywhere() throws {
    let names = try commandNames()
    #expect(names.contains("init") && names.contains("sweep") && names.count >= 12)
    var scenarioCommands: [String] = []
    for name in names {
      let (usage, options) = try declaration(name)
      guard usage.contains("SCENARIO") else {
        #expect(!options.contains("--current-students"), "\(name)")
        continue
      }
      scenarioCommands.append(name)
      #expect(options.contains("--current-students"), "\(name) forgets --current-students")
      #expect(options.contains("--as-of"), "\(name) forgets --as-of")
    }
    #expect(
      Set(scenarioCommands) == ["run", "compare", "validate", "describe", "check", "sweep", "calibrate"])
  }

  @Test("run, compare, check and calibrate all take --seed")
  func seedEverywhere() throws {
    for name in ["run", "compare", "check", "calibrate"] {
      #expect(try declaration(name).options.contains("--seed"), "\(name)")
    }
  }

  @Test("help spreadsheets documents every column of both files, booleans included")
  func cellFormatsDocumented() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, help, _) = try runCohortsim(["help", "spreadsheets"], in: directory)
    #expect(status == 0)
    for column in SitesSpreadsheet.columns + CurrentStudents.columns + [
      "impression", "hire_date", "start_date",
    ] {
      #expect(help.contains("\n  \(column) "), "\(column)")
    }
    #expect(help.contains("spi_passed        true or false, in any case"))
    #expect(help.contains("# as_of: YYYY-MM-DD") && help.contains("# complete: PROGRAM YEAR"))
  }

  @Test(
    "every output file with a student column carries student_id, so rows join back to the director's file")
  func studentIdEverywhere() {
    let withStudents = OutputSchema.all.filter { file in
      file.columns.contains { $0.name == "student" || $0.name == "student_id" }
    }
    #expect(withStudents.count >= 3)
    for file in withStudents {
      #expect(file.columns.contains { $0.name == "student_id" }, "\(file.file.rawValue)")
    }
  }

  @Test("calibrate refuses --current-students with a reason, exit 2")
  func calibrateRefuses() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      ["calibrate", "s.json", "--targets", "t.json", "--out", "o", "--current-students", "x.csv"],
      in: directory)
    #expect(status == 2)
    #expect(stderr.contains("calibrate does not take --current-students"))
  }

  @Test("init writes a scenario, a sites spreadsheet and a students file that validate together")
  func initValidates() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      [
        "init", "Lakeshore College", "--state", "WI", "--latitude", "43.04", "--longitude", "-87.91", "--out",
        "p",
      ],
      in: directory)
    #expect(status == 0, "\(stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/p").sorted()
    #expect(
      files == [
        "cohortsim.schema.json", "lakeshore-college-current-students.csv", "lakeshore-college-sites.csv",
        "lakeshore-college.json",
      ])
    let scenario = try String(contentsOfFile: directory + "/p/lakeshore-college.json", encoding: .utf8)
    #expect(scenario.contains("\"$schema\": \"cohortsim.schema.json\""))
    #expect(scenario.contains("\"modelDefaults\": \"\(ModelDefaults.current)\""))
    #expect(scenario.contains("\"code\": \"WI\""))
    let sites = try String(contentsOfFile: directory + "/p/lakeshore-college-sites.csv", encoding: .utf8)
    #expect(sites.hasPrefix("# Lakeshore College"))
    let (valid, stdout, warnings) = try runCohortsim(
      [
        "validate", "p/lakeshore-college.json", "--current-students",
        "p/lakeshore-college-current-students.csv",
      ],
      in: directory)
    #expect(valid == 0)
    #expect(warnings.isEmpty, "\(warnings)")
    #expect(stdout.contains("lists 4 current students"))
    #expect(stdout.contains("rotations: Lakeshore College rotates students only at the 7 listed sites"))
  }

  @Test("init refuses to write over an existing file, exit 2, and writes nothing")
  func initRefusesOverwrite() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: directory + "/lakeshore-college-sites.csv"))
    let (status, _, stderr) = try runCohortsim(
      ["init", "Lakeshore College", "--state", "WI", "--latitude", "43.04", "--longitude", "-87.91"],
      in: directory)
    #expect(status == 2)
    #expect(stderr.contains("lakeshore-college-sites.csv"))
    #expect(try visibleFiles(directory) == ["lakeshore-college-sites.csv"])
    #expect(
      try String(contentsOfFile: directory + "/lakeshore-college-sites.csv", encoding: .utf8) == "mine\n")
  }

  @Test("init refuses a longitude out of range and a state that is not two capitals")
  func initRefusesBadPlace() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (badLongitude, _, message) = try runCohortsim(
      ["init", "X", "--state", "WI", "--latitude", "43", "--longitude", "-187.9"], in: directory)
    #expect(badLongitude == 2 && message.contains("--longitude must be a number from -180.0 to 180.0"))
    let (badState, _, stateMessage) = try runCohortsim(
      ["init", "X", "--state", "Wisc", "--latitude", "43", "--longitude", "-87.9"], in: directory)
    #expect(badState == 2 && stateMessage.contains("--state must be a two-letter"))
    #expect(try visibleFiles(directory).isEmpty)
  }

  @Test("describe says where the students rotate and what was generated around the listed sites")
  func describeSaysWhereStudentsRotate() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, stdout, _) = try runCohortsim(["describe", oregon], in: directory)
    #expect(status == 0)
    #expect(stdout.contains("Where students rotate"))
    #expect(
      stdout.contains(
        "Calapooia Community College rotates students only at the 10 listed sites (clinical affiliates), which take 17 students at once"
      ))
    #expect(
      stdout.contains("generated around them (replication 0): 4 hospitals, 5 imaging_centers, 8 clinics"))
  }

  @Test("validate warns when the listed sites' places cannot hold the cohorts on rotation")
  func capacityWarning() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try runCohortsim(
      ["init", "Lakeshore College", "--state", "WI", "--latitude", "43.04", "--longitude", "-87.91"],
      in: directory)
    let path = directory + "/lakeshore-college.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: "\"cohortSize\": 10", with: "\"cohortSize\": 20")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let (status, _, stderr) = try runCohortsim(["validate", "lakeshore-college.json"], in: directory)
    #expect(status == 0)
    #expect(
      stderr.contains(
        "the listed sites take 12 students at once, but the listed programs have up to 20 on rotation at once"
      ))
  }

  @Test("sweep --current-students starts every point from the listed students")
  func sweepWarmStart() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try Data(#"{"method":"grid","factors":[{"path":"programs[0].intakeMonth","values":[1]}]}"#.utf8).write(
      to: URL(fileURLWithPath: directory + "/design.json"))
    // Moving the intake to January graduates the 2024 intake before the as-of date: the file no
    // longer fits that point's calendar, which only a sweep that reads the file can see.
    let (status, _, stderr) = try runCohortsim(
      [
        "sweep", oregon, "--design", "design.json", "--replications", "1", "--out", "out",
        "--current-students",
        oregonStudents,
      ], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("point 0 (programs[0].intakeMonth = 1.0)"))
    #expect(stderr.contains("the 2024 intake graduated before 2026-03-01"))
  }
}
