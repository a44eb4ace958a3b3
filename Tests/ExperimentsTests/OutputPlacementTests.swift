import Experiments
import Foundation
import TestSupport
import Testing

/// Every file in `root` and below, with its bytes ("" for a folder), hidden ones included.
private func tree(_ root: String) -> [String: Data] {
  var files: [String: Data] = [:]
  let enumerator = FileManager.default.enumerator(atPath: root)
  while let name = enumerator?.nextObject() as? String {
    guard !name.hasPrefix(".std") else { continue }
    files[name] =
      FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(name)) ?? Data()
  }
  return files
}

@Suite(
  "nothing cohortsim did not write is replaced",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct OutputPlacementTests {
  @Test("report --out naming a folder of the user's files exits 2 and leaves the folder as it was")
  func reportOutFolderRefused() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try FileManager.default.createDirectory(atPath: root + "/mine", withIntermediateDirectories: true)
    try Data("notes\n".utf8).write(to: URL(fileURLWithPath: root + "/mine/notes.txt"))
    let before = tree(root)
    let (status, _, stderr) = try runCohortsim(["report", folder, "--out", "mine"], in: root)
    #expect(status == 2)
    #expect(stderr.contains("mine") && stderr.contains("is a folder"))
    #expect(tree(root) == before)
  }

  @Test("report --out naming the results folder reported on exits 2 and leaves the folder as it was")
  func reportOutOwnFolderRefused() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let before = tree(root)
    let (status, _, stderr) = try runCohortsim(["report", folder, "--out", folder], in: root)
    #expect(status == 2)
    #expect(stderr.contains("is a folder"))
    #expect(tree(root) == before)
  }

  @Test(
    "report --out naming a file inside a results folder exits 2 and changes nothing",
    arguments: ["summary.csv", "run.json", "page.html"])
  func reportOutInsideResultsFolderRefused(name: String) throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let before = tree(root)
    let (status, _, stderr) = try runCohortsim(["report", folder, "--out", "out/" + name], in: root)
    #expect(status == 2)
    #expect(stderr.contains("inside results folder"))
    #expect(tree(root) == before)
  }

  @Test("report --out naming report.html of another results folder exits 2 and changes nothing")
  func reportOutOtherResultsFolderRefused() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try FileManager.default.copyItem(atPath: folder, toPath: root + "/other")
    let before = tree(root)
    let (status, _, stderr) = try runCohortsim(["report", folder, "--out", "other/report.html"], in: root)
    #expect(status == 2)
    #expect(stderr.contains("inside results folder"))
    #expect(tree(root) == before)
  }

  @Test("report --out naming a file cohortsim did not write exits 2 and leaves the file as it was")
  func reportOutForeignFileRefused() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try Data("<html>my page</html>\n".utf8).write(to: URL(fileURLWithPath: root + "/page.html"))
    let before = tree(root)
    let (status, _, stderr) = try runCohortsim(["report", folder, "--out", "page.html"], in: root)
    #expect(status == 2)
    #expect(stderr.contains("not a report page cohortsim wrote"))
    #expect(tree(root) == before)
  }

  @Test("report --out replaces a page an earlier report wrote there")
  func reportReplacesItsOwnPage() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    let (first, _, _) = try runCohortsim(["report", folder, "--out", "page.html"], in: root)
    let (second, _, _) = try runCohortsim(["report", folder, "--out", "page.html"], in: root)
    #expect(first == 0 && second == 0)
    #expect(listing(root).filter { $0.contains("page.html") } == ["page.html"])
  }

  @Test("a partial page left by a killed report does not block a rerun of the same run into its folder")
  func partialPageDoesNotBlockRerun() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let arguments = ["run", "tiny.json", "--replications", "2", "--out", "out", "--quiet"]
    #expect(try runCohortsim(arguments, in: directory).0 == 0)
    // What `kill -9` during `report` leaves: the page's partial file, its writer gone.
    try Data("<!DOCTYPE html>".utf8).write(
      to: URL(fileURLWithPath: directory + "/out/.report.html.cohortsim-partial-999999999-1"))
    let (status, _, stderr) = try runCohortsim(arguments, in: directory)
    #expect(status == 0, "\(stderr)")
  }

  @Test("run --out inside a results folder exits 2 and creates nothing there")
  func runOutInsideResultsFolderRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    #expect(
      try runCohortsim(["run", "tiny.json", "--replications", "2", "--out", "out", "--quiet"], in: directory)
        .0 == 0)
    let before = tree(directory)
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--replications", "2", "--out", "out/inner/deeper", "--quiet"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("inside results folder"))
    #expect(tree(directory) == before)
  }

  @Test("a run refused for an output name too long leaves none of the folders it would have made")
  func longOutputNameLeavesNoFolders() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let before = tree(directory)
    let (status, _, stderr) = try runCohortsim(
      [
        "run", "tiny.json", "--replications", "2", "--out", "a/b/c/" + String(repeating: "x", count: 300),
        "--quiet",
      ],
      in: directory)
    #expect(status == 2)
    #expect(stderr.contains("at most 200"))
    #expect(tree(directory) == before)
  }

  @Test("a planted set-aside symbolic link is never renamed onto the output folder")
  func plantedAsideLinkIsNotRestored() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try FileManager.default.createDirectory(
      atPath: directory + "/elsewhere", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/.out.cohortsim-old-1-1", withDestinationPath: directory + "/elsewhere")
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--replications", "2", "--out", "out", "--quiet"], in: directory)
    #expect(status == 0, "\(stderr)")
    var out = stat()
    #expect(lstat(directory + "/out", &out) == 0 && out.st_mode & S_IFMT == S_IFDIR)
    #expect(listing(directory + "/elsewhere").isEmpty)
  }

  @Test(
    "calibrate --apply naming a folder, a missing folder's file or the scenario exits 2 before calibrating",
    arguments: ["mine", "missing/calibrated.json", "tiny.json", "calibration/calibrated.json"])
  func unusableApplyPathRefusedFirst(apply: String) throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try FileManager.default.createDirectory(atPath: directory + "/mine", withIntermediateDirectories: true)
    let targets = """
      {"parameters": [{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.1, "upper": 1}}}],
       "targets": [{"metric": "placed_6m", "low": 0.1, "high": 0.9, "source": "test"}]}
      """
    try Data(targets.utf8).write(to: URL(fileURLWithPath: directory + "/targets.json"))
    let before = tree(directory)
    let (status, _, stderr) = try runCohortsim(
      [
        "calibrate", "tiny.json", "--targets", "targets.json", "--particles", "2", "--generations", "1",
        "--replications", "1", "--out", "calibration", "--apply", apply, "--quiet",
      ], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--apply"))
    #expect(tree(directory) == before)
  }

  @Test("a single output file may not replace a file that is not of its kind")
  func singleOutputFileRefusesForeignFile() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try Data("{}".utf8).write(to: URL(fileURLWithPath: directory + "/scenario.json"))
    #expect(throws: OutputError.self) {
      try SingleOutputFile.calibratedScenario(directory + "/scenario.json").write(Data("x".utf8))
    }
    #expect(FileManager.default.contents(atPath: directory + "/scenario.json") == Data("{}".utf8))
  }

  @Test("check with a missing TMPDIR exits 2 naming it and does not create it")
  func checkDoesNotCreateTemporaryFolder() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    #expect(
      try runCohortsim(["run", "tiny.json", "--replications", "2", "--out", "out", "--quiet"], in: directory)
        .0 == 0)
    let process = Process()
    process.executableURL = try #require(cohortsimExecutable)
    process.arguments = ["check", "tiny.json", "--baseline", "out", "--quiet"]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = directory + "/missing-tmp"
    process.environment = environment
    let stderr = Pipe()
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    #expect(message.contains("missing-tmp") && message.contains("TMPDIR"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/missing-tmp"))
  }
}
