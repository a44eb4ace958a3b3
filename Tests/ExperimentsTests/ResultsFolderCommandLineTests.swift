import Experiments
import Foundation
import TestSupport
import Testing

@Suite(
  "results folders and options on the command line",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct ResultsFolderCommandLineTests {
  @Test(
    "a second run on the same --out exits 2 while the first runs, and the first's files equal a solo run's")
  func concurrentRuns() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let arguments = ["run", "tiny.json", "--replications", "300", "--students", "--quiet", "--jobs", "1"]
    let (first, _, _) = try launchCohortsim(arguments + ["--out", "out"], in: directory)
    #expect(waitFor(seconds: 30) { !stagingFolders(of: "out", in: directory).isEmpty })
    let secondDirectory = directory + "/second"
    try FileManager.default.createDirectory(atPath: secondDirectory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: directory + "/tiny.json", toPath: secondDirectory + "/tiny.json")
    let (status, _, stderr) = try runCohortsim(arguments + ["--out", "../out"], in: secondDirectory)
    let firstStillRunning = first.isRunning
    first.waitUntilExit()
    #expect(status == 2)
    #expect(firstStillRunning, "the first run ended before the second was refused; make it longer")
    #expect(stderr.contains("pid \(first.processIdentifier): cohortsim run tiny.json"), "\(stderr)")
    #expect(first.terminationStatus == 0)
    let (solo, _, _) = try runCohortsim(arguments + ["--out", "solo"], in: directory)
    #expect(solo == 0)
    let concurrent = snapshot(directory + "/out")
    let alone = snapshot(directory + "/solo")
    #expect(concurrent.keys.sorted() == alone.keys.sorted())
    for name in alone.keys where name != "run.json" { #expect(concurrent[name] == alone[name], "\(name)") }
  }

  @Test("run without --out refuses to replace Results/<name> holding a run with other settings")
  func defaultFolderProtected() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (first, _, _) = try runCohortsim(["run", "tiny.json", "--quiet", "--students"], in: directory)
    #expect(first == 0)
    let before = snapshot(directory + "/Results/tiny")
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--replications", "2", "--quiet"], in: directory)
    #expect(status == 2)
    #expect(
      stderr.contains("replications 2 (the folder holds replications 4)") && stderr.contains("--overwrite"))
    #expect(snapshot(directory + "/Results/tiny") == before)
    let (again, _, _) = try runCohortsim(["run", "tiny.json", "--quiet", "--students"], in: directory)
    #expect(again == 0, "a rerun of the same settings is accepted")
  }

  @Test("--out with an empty string is refused as empty")
  func emptyOut() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(["run", "tiny.json", "--out", ""], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--out needs a folder name, got an empty string"))
  }

  @Test("an unknown short option is named as an unknown option")
  func unknownShortOption() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(["run", "tiny.json", "-r", "5"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("unknown option -r for 'run'"))
  }
}
