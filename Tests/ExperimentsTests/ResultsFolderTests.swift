import Experiments
import Foundation
import TestSupport
import Testing

/// A completed run of `plan` with the synthetic model.
private func runSynthetic(_ plan: ExperimentPlan) throws {
  _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
}

/// The setup error a run of `plan` is refused with, or nil when it runs.
private func refusal(_ plan: ExperimentPlan) -> OutputError? {
  do {
    try runSynthetic(plan)
    return nil
  } catch let error as OutputError {
    return error
  } catch {
    Issue.record("not an OutputError: \(error)")
    return nil
  }
}

@Suite("a results folder is one locked, verified unit")
struct ResultsFolderTests {
  @Test("a non-empty folder without a cohortsim run.json is refused and left untouched")
  func foreignFolderRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory)
    try FileManager.default.createDirectory(atPath: plan.outputDirectory, withIntermediateDirectories: true)
    try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: plan.outputDirectory + "/students.csv"))
    let before = snapshot(plan.outputDirectory)
    let error = try #require(refusal(plan))
    #expect(error.isSetup)
    #expect(error.description.contains("no run.json"))
    #expect(snapshot(plan.outputDirectory) == before)
    #expect(stagingFolders(of: "out", in: directory).isEmpty)
  }

  @Test(
    "a folder holding a run with another seed is refused without overwrite, naming the seed and the remedy")
  func otherRunRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    try runSynthetic(plan)
    let before = snapshot(plan.outputDirectory)
    plan.masterSeed = 7
    let error = try #require(refusal(plan))
    #expect(error.isSetup)
    #expect(error.description.contains("seed 7 (the folder holds seed 42)"))
    #expect(error.remedy == .overwrite)
    #expect(snapshot(plan.outputDirectory) == before)
  }

  @Test("with overwrite a folder holding another run is replaced")
  func overwriteReplaces() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    try runSynthetic(plan)
    plan.masterSeed = 7
    plan.replications = 2
    plan.overwrite = true
    try runSynthetic(plan)
    let json =
      try JSONSerialization.jsonObject(with: contents(plan.outputDirectory, .provenance)!) as! [String: Any]
    #expect(json["master_seed"] as? Int == 7)
    #expect(records(plan.outputDirectory, .replications).count == 3)
  }

  @Test("a rerun with identical settings replaces its folder without overwrite, byte for byte")
  func identicalRerunAccepted() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    plan.writeStudents = true
    try runSynthetic(plan)
    let before = snapshot(plan.outputDirectory)
    try runSynthetic(plan)
    let after = snapshot(plan.outputDirectory)
    #expect(after.keys.sorted() == before.keys.sorted())
    for name in before.keys where name != "run.json" { #expect(after[name] == before[name], "\(name)") }
  }

  @Test("a file cohortsim did not write is never deleted, even with overwrite")
  func userFileKept() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    try runSynthetic(plan)
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: plan.outputDirectory + "/notes.txt"))
    let before = snapshot(plan.outputDirectory)
    plan.overwrite = true
    let error = try #require(refusal(plan))
    #expect(error.description.contains("notes.txt"))
    #expect(snapshot(plan.outputDirectory) == before)
  }

  @Test("a symbolic link as the output folder is refused and what it points to is untouched")
  func symbolicLinkRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    plan.outputDirectory = directory + "/real"
    try runSynthetic(plan)
    let before = snapshot(directory + "/real")
    try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: "real")
    plan.outputDirectory = directory + "/link"
    let error = try #require(refusal(plan))
    #expect(error.description.contains("symbolic link"))
    #expect(snapshot(directory + "/real") == before)
  }

  @Test("run.json lists every other file of the folder with its size and SHA-256")
  func manifestListsEveryFile() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, strategies: ["a", "b"])
    plan.writeStudents = true
    plan.writeTrace = true
    plan.reference = "a"
    try runSynthetic(plan)
    let json =
      try JSONSerialization.jsonObject(with: contents(plan.outputDirectory, .provenance)!) as! [String: Any]
    let files = try #require(json["files"] as? [String: [String: Any]])
    #expect(files.keys.sorted() == listing(plan.outputDirectory).filter { $0 != "run.json" })
    for (name, digest) in files {
      let bytes = try #require(FileManager.default.contents(atPath: plan.outputDirectory + "/" + name))
      #expect(digest["bytes"] as? Int == bytes.count, "\(name)")
      #expect(digest["sha256"] as? String == SHA256.hexDigest(of: bytes), "\(name)")
    }
  }

  @Test("a folder mixing files of two runs is refused by check, naming the file and the folder")
  func mixedFolderRefusedByCheck() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    try runSynthetic(plan)
    var other = plan
    other.masterSeed = 7
    other.outputDirectory = directory + "/other"
    try runSynthetic(other)
    try FileManager.default.removeItem(atPath: plan.outputDirectory + "/summary.csv")
    try FileManager.default.copyItem(
      atPath: other.outputDirectory + "/summary.csv", toPath: plan.outputDirectory + "/summary.csv")
    plan.overwrite = false
    #expect {
      _ = try Baseline.read(from: plan.outputDirectory)
    } throws: { error in
      let problem = (error as? BaselineError)?.problem ?? ""
      return problem.contains(plan.outputDirectory + "/summary.csv does not match")
        && problem.contains(plan.outputDirectory + "/run.json")
    }
  }

  @Test("a results file run.json does not list is refused by check as from another run")
  func unlistedFileRefusedByCheck() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory)
    try runSynthetic(plan)
    try Data("strategy\r\n".utf8).write(to: URL(fileURLWithPath: plan.outputDirectory + "/students.csv"))
    #expect {
      _ = try Baseline.read(from: plan.outputDirectory)
    } throws: { error in
      ((error as? BaselineError)?.problem ?? "").contains("students.csv is not listed")
    }
  }

  @Test("a run on a folder another process holds locked is refused at once, naming its pid and command")
  func lockedFolderRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory)
    let lockPath = directory + "/.out.cohortsim-lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
    defer { close(descriptor) }
    #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    let record = "4242\ncohortsim run other.json\n"
    #expect(write(descriptor, record, record.utf8.count) == record.utf8.count)
    let error = try #require(refusal(plan))
    #expect(error.isSetup)
    #expect(error.description.contains("pid 4242: cohortsim run other.json"))
    #expect(!FileManager.default.fileExists(atPath: plan.outputDirectory))
  }

  @Test("staging leftovers of a killed run on the same folder are removed by the next run")
  func leftoversRemoved() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory)
    let stale = directory + "/.out.cohortsim-staging-99999-dead"
    try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
    try Data("half".utf8).write(to: URL(fileURLWithPath: stale + "/summary.csv"))
    try runSynthetic(plan)
    #expect(stagingFolders(of: "out", in: directory).isEmpty)
  }

  @Test("a link planted at a staging name is removed, never followed")
  func plantedLinkNotFollowed() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory)
    try FileManager.default.createDirectory(atPath: directory + "/victim", withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: URL(fileURLWithPath: directory + "/victim/summary.csv"))
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/.out.cohortsim-staging-1-planted", withDestinationPath: "victim")
    try runSynthetic(plan)
    #expect(listing(directory + "/victim") == ["summary.csv"])
    #expect(FileManager.default.contents(atPath: directory + "/victim/summary.csv") == Data("keep".utf8))
    #expect(stagingFolders(of: "out", in: directory).isEmpty)
  }

  @Test("an old folder set aside by a run killed mid-swap is put back before anything else")
  func interruptedSwapRestored() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory)
    try runSynthetic(plan)
    let before = snapshot(plan.outputDirectory)
    try FileManager.default.moveItem(
      atPath: plan.outputDirectory, toPath: directory + "/.out.cohortsim-old-1-x")
    plan.masterSeed = 7
    let error = try #require(refusal(plan))
    #expect(error.description.contains("seed 7"))
    #expect(snapshot(plan.outputDirectory) == before)
  }
}
