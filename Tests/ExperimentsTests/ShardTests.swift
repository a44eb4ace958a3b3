import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

@Suite("shards of a run")
struct ShardTests {
  @Test("the shards' blocks tile the replications in order, sizes differing by at most one")
  func blocksTile() {
    for total in [0, 1, 5, 8, 13, 100] {
      for count in [1, 2, 3, 7, 16] {
        let blocks = (0..<count).map { Shard(index: $0, count: count).replications(of: total) }
        #expect(blocks.flatMap { Array($0) } == Array(0..<total), "\(total) replications in \(count) shards")
        let sizes = blocks.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
      }
    }
  }

  @Test("a shard writes its replications' rows with the whole run's indices and seeds, and no summaries")
  func shardRowsMatchTheWholeRun() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let whole = try tinyPlan(in: directory, replications: 7, strategies: ["a", "b"])
    _ = try completedReport(ExperimentRunner(plan: whole, replicate: syntheticModel()))
    var plan = whole
    plan.shard = Shard(index: 1, count: 3)
    plan.outputDirectory += "-shard"
    let report = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    #expect(report.replications == 2)
    #expect(listing(plan.outputDirectory) == ["outcomes.csv", "replications.csv", "run.json"])
    let wholeRows = records(whole.outputDirectory, .replications)
    #expect(records(plan.outputDirectory, .replications) == [wholeRows[0]] + wholeRows[5...8])
  }

  @Test("a shard's run.json records the shard, its block and the whole run's replication count")
  func shardProvenance() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(in: directory, replications: 7, strategies: ["a"])
    plan.shard = Shard(index: 2, count: 3)
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    let json = try JSONSerialization.jsonObject(with: contents(plan.outputDirectory, .provenance) ?? Data())
    let object = try #require(json as? [String: Any])
    #expect(object["replications"] as? Int == 7)
    #expect(object["scenario_sha256"] as? String == plan.scenarioFile.sha256)
    let shard = try #require(object["shard"] as? [String: Int])
    #expect(shard == ["index": 2, "count": 3, "first_replication": 4, "end_replication": 7])
  }
}

@Suite("sharding from the command line", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct ShardCommandLineTests {
  @Test("--shard with --until is refused as bad usage")
  func shardWithUntil() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--shard", "0/2", "--until", "placed_12m=0.1", "--out", "out"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--shard and --until cannot be combined"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("run --shard then merge reproduces run's files, and merge exits 2 naming a missing shard")
  func runShardsThenMerge() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let common = ["tiny.json", "--replications", "5", "--strategies", "nearest-to-home,random", "--quiet"]
    #expect(try runCohortsim(["compare"] + common + ["--out", "whole"], in: directory).0 == 0)
    for shard in 0..<3 {
      let (status, _, stderr) = try runCohortsim(
        ["compare"] + common + ["--shard", "\(shard)/3", "--out", "s\(shard)"], in: directory)
      #expect(status == 0, "\(stderr)")
    }
    let (status, _, stderr) = try runCohortsim(["merge", "s2", "s0", "s1", "--out", "merged"], in: directory)
    #expect(status == 0, "\(stderr)")
    for file in [OutputFile.summary, .replications, .comparison] {
      #expect(
        contents(directory + "/merged", file) == contents(directory + "/whole", file), "\(file.rawValue)")
    }
    let (missingStatus, _, missing) = try runCohortsim(["merge", "s2", "s0", "--out", "m"], in: directory)
    #expect(missingStatus == 2)
    #expect(missing == "cohortsim: shard 1 of 3 is missing\n")
  }
}
