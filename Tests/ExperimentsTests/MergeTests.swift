import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

/// Runs `plan` whole into `plan.outputDirectory`, and as `count` shards into `<out>-shard-K`;
/// returns the shard folders.
private func runWholeAndShards(
  _ plan: ExperimentPlan, shards count: Int, replicate: ReplicationFunction? = nil
) throws -> [String] {
  _ = try completedReport(ExperimentRunner(plan: plan, replicate: replicate))
  return try (0..<count).map { index in
    var shardPlan = plan
    shardPlan.shard = Shard(index: index, count: count)
    shardPlan.outputDirectory += "-shard-\(index)"
    _ = try completedReport(ExperimentRunner(plan: shardPlan, replicate: replicate))
    return shardPlan.outputDirectory
  }
}

/// Merges `folders` into `output`.
@discardableResult
private func merge(_ folders: [String], into output: String) throws -> RunReport {
  try ShardMerge(
    shardDirectories: folders, outputDirectory: output,
    provenance: ProvenanceInfo(version: "test", commandLine: ["test"])
  ).run()
}

/// The message `merge` refuses `folders` with, or nil when it merges them.
private func refusal(_ folders: [String], into output: String) -> String? {
  do {
    try merge(folders, into: output)
    return nil
  } catch {
    return (error as? MergeError)?.description ?? "not a MergeError: \(error)"
  }
}

@Suite("merging shards")
struct MergeTests {
  @Test(
    "merging 1, 2, 3, 7 or 13 shards (some then empty), in any order, reproduces the one-machine files byte for byte",
    arguments: [1, 2, 3, 7, 13])
  func anySplitReproducesTheRun(shards: Int) throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    // Synthetic metrics with missing values, 11 replications: blocks of uneven sizes.
    let plan = try tinyPlan(in: directory, replications: 11, strategies: ["a", "b"], jobs: 2)
    let folders = try runWholeAndShards(plan, shards: shards, replicate: syntheticModel())
    for (attempt, order) in [folders, folders.reversed(), folders.shuffled()].enumerated() {
      let merged = directory + "/merged-\(attempt)"
      try merge(order, into: merged)
      for file in [OutputFile.summary, .replications, .timeToOffer, .cohorts, .timeline] {
        #expect(contents(merged, file) != nil)
        #expect(contents(merged, file) == contents(plan.outputDirectory, file), "\(file.rawValue) differs")
      }
      #expect(listing(merged) == listing(plan.outputDirectory))
    }
  }

  @Test(
    "merging a sharded comparison of the cohort model reproduces comparison.csv, the over-time files, students.csv and sites.csv"
  )
  func comparisonAndStudents() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(
      in: directory, replications: 5, strategies: ["nearest-to-home", "random"], jobs: 2)
    plan.reference = "nearest-to-home"
    plan.writeStudents = true
    let folders = try runWholeAndShards(plan, shards: 3)
    let merged = directory + "/merged"
    let report = try merge(folders.reversed(), into: merged)
    #expect(report.replications == 5)
    for file in [
      OutputFile.summary, .replications, .comparison, .timeToOffer, .cohorts, .timeline, .students, .sites,
    ] {
      #expect(contents(merged, file) != nil)
      #expect(contents(merged, file) == contents(plan.outputDirectory, file), "\(file.rawValue) differs")
    }
  }

  @Test("an --out that is one of the shard folders, however spelt, is refused and the shard kept")
  func outputIsAShard() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let folders = try runWholeAndShards(
      try tinyPlan(in: directory, replications: 4, strategies: ["a"]), shards: 2, replicate: syntheticModel())
    let before = snapshot(folders[1])
    let spelt = directory + "/./out-shard-0/../out-shard-1"
    #expect(
      refusal(folders, into: spelt)
        == "the output folder \(spelt) is the shard folder \(folders[1])/; merge into another folder")
    #expect(snapshot(folders[1]) == before)
  }

  @Test("a missing shard is refused, naming it")
  func missingShard() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let folders = try runWholeAndShards(
      try tinyPlan(in: directory, replications: 8, strategies: ["a"]), shards: 4, replicate: syntheticModel())
    let merged = directory + "/merged"
    #expect(refusal([folders[0], folders[1], folders[3]], into: merged) == "shard 2 of 4 is missing")
    #expect(refusal([folders[3]], into: merged) == "shards 0, 1, 2 of 4 are missing")
    #expect(!FileManager.default.fileExists(atPath: merged + "/summary.csv"))
  }

  @Test("a shard given twice is refused, naming both folders")
  func repeatedShard() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let folders = try runWholeAndShards(
      try tinyPlan(in: directory, replications: 8, strategies: ["a"]), shards: 2, replicate: syntheticModel())
    let copy = directory + "/copy"
    try FileManager.default.copyItem(atPath: folders[1], toPath: copy)
    #expect(
      refusal(folders + [copy], into: directory + "/merged")
        == "shard 1 of 2 given twice: \(folders[1])/ and \(copy)/")
  }

  @Test("a shard of a different scenario is refused, naming both hashes")
  func foreignScenario() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 8, strategies: ["a"])
    let folders = try runWholeAndShards(plan, shards: 2, replicate: syntheticModel())
    var other = plan
    other.scenarioFile.sha256 = String(repeating: "0", count: 64)
    other.outputDirectory = directory + "/other"
    let foreign = try runWholeAndShards(other, shards: 2, replicate: syntheticModel())
    #expect(
      refusal([folders[0], foreign[1]], into: directory + "/merged")
        == "shard \(foreign[1])/ is from a different scenario (sha \(other.scenarioFile.sha256) vs sha "
        + "\(plan.scenarioFile.sha256) in \(folders[0])/)")
  }

  @Test("a shard of a run with a different seed is refused")
  func foreignSeed() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 8, strategies: ["a"])
    let folders = try runWholeAndShards(plan, shards: 2, replicate: syntheticModel())
    var other = plan
    other.masterSeed = 7
    other.outputDirectory = directory + "/other"
    let foreign = try runWholeAndShards(other, shards: 2, replicate: syntheticModel())
    #expect(
      refusal([folders[0], foreign[1]], into: directory + "/merged")
        == "shard \(foreign[1])/ is from a run with a different seed (seed 7 vs seed 42 in \(folders[0])/)")
  }

  @Test("an edited or truncated replications.csv is refused with the file and line")
  func malformedRows() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let folders = try runWholeAndShards(
      try tinyPlan(in: directory, replications: 6, strategies: ["a"]), shards: 2, replicate: syntheticModel())
    let file = folders[1] + "/replications.csv"
    let original = try String(contentsOfFile: file, encoding: .utf8)
    var rows = original.components(separatedBy: "\r\n")
    rows[2] = rows[2].split(separator: ",").enumerated().map { $0 == 4 ? "x" : String($1) }.joined(
      separator: ",")
    try rows.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
    // With run.json's "files" made to agree, the row check is what the damage meets.
    try recordFiles(in: folders[1])
    let message = refusal(folders, into: directory + "/merged")
    #expect(message?.hasPrefix("\(file) line 3, column ") == true, "\(message ?? "merged")")
    try String(original.dropLast(5)).write(toFile: file, atomically: true, encoding: .utf8)
    try recordFiles(in: folders[1])
    #expect(
      refusal(folders, into: directory + "/merged")?.hasPrefix("\(file) does not end with a complete row")
        == true)
  }

  @Test("a shard with one number edited is refused by its run.json's hashes, naming the file and the folder")
  func editedNumberRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let folders = try runWholeAndShards(
      try tinyPlan(in: directory, replications: 6, strategies: ["a"]), shards: 2, replicate: syntheticModel())
    let file = folders[1] + "/replications.csv"
    var rows = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\r\n")
    var fields = rows[1].components(separatedBy: ",")
    fields[5] = fields[5] == "0.5" ? "0.25" : "0.5"
    rows[1] = fields.joined(separator: ",")
    try rows.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
    let message = refusal(folders, into: directory + "/merged") ?? "merged"
    #expect(message.hasPrefix("\(file) does not match \(folders[1])/run.json"), "\(message)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/merged"))
  }

  @Test("shards that disagree on writing students.csv are refused, naming both")
  func studentsDisagreementRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 6, strategies: ["a"])
    let plain = try runWholeAndShards(plan, shards: 2, replicate: syntheticModel())
    plan.writeStudents = true
    plan.outputDirectory = directory + "/students"
    let withStudents = try runWholeAndShards(plan, shards: 2, replicate: syntheticModel())
    let message = refusal([plain[0], withStudents[1]], into: directory + "/merged") ?? "merged"
    #expect(
      message
        == "shard \(withStudents[1])/ has students.csv but \(plain[0])/ does not: the shards were run with different output options; rerun them all alike"
    )
  }

  @Test("a folder without run.json, or holding a whole run, is refused")
  func notAShard() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 4, strategies: ["a"])
    let folders = try runWholeAndShards(plan, shards: 2, replicate: syntheticModel())
    #expect(
      refusal([folders[0], plan.outputDirectory], into: directory + "/merged")
        == "\(plan.outputDirectory)/ holds a whole run, not a shard: its run.json has no \"shard\"")
    try FileManager.default.removeItem(atPath: folders[1] + "/run.json")
    #expect(
      refusal(folders, into: directory + "/merged")?.hasPrefix("\(folders[1])/ has no run.json") == true)
  }
}
