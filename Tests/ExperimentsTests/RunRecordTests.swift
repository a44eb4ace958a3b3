import Foundation
import Testing

@testable import Experiments

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The kind of a record, as a word, to compare in a test.
private func kindName(_ record: RunRecord) -> String {
  switch record.kind {
  case .run(_, .whole): "run"
  case .run(_, .shard): "run shard"
  case .run(_, .merged): "merged run"
  case .sweep(_, .whole): "sweep"
  case .sweep(_, .shard): "sweep shard"
  case .sweep(_, .merged): "merged sweep"
  case .calibrate: "calibrate"
  }
}

@Suite("one run record for every kind of run.json")
struct RunRecordTests {
  @Test(
    "a committed run.json of each kind reads back as that kind and writes back byte for byte",
    arguments: [
      ("Results/baseline", "run"), ("Results/strategies-posterior", "run"),
      ("Results/sweep-baseline/morris", "sweep"), ("Results/calibration-baseline", "calibrate"),
      ("Results/calibration-joint", "calibrate"),
    ])
  func committedFolders(folder: String, kind: String) throws {
    let data = try Data(contentsOf: root.appendingPathComponent(folder + "/run.json"))
    let record = try RunRecord.decode(data)
    #expect(kindName(record) == kind)
    #expect(record.json() == String(decoding: data, as: UTF8.self))
  }

  @Test(
    "a shard's or a merge's run.json written before the one record reads back as that and writes back byte for byte",
    arguments: [
      (OldRunRecords.runShard, "run shard"), (OldRunRecords.sweepShard, "sweep shard"),
      (OldRunRecords.mergedRun, "merged run"),
    ])
  func oldShardsAndMerges(json: String, kind: String) throws {
    let record = try RunRecord.decode(Data(json.utf8))
    #expect(kindName(record) == kind)
    #expect(record.json() == json + "\n")
  }

  @Test(
    "a calibration folder written before joint calibrations, without \"joint_scenarios\", still serves as a posterior"
  )
  func calibrationBeforeJoint() throws {
    let folder = root.appendingPathComponent("Results/calibration-baseline").path
    let posterior = try Posterior.load(folder)
    #expect(!posterior.particles.isEmpty)
  }

  @Test("a shard records its block in the unit it divides: replications of a run, points of a sweep")
  func shardUnits() throws {
    let run = try RunRecord.decode(Data(OldRunRecords.runShard.utf8))
    let sweep = try RunRecord.decode(Data(OldRunRecords.sweepShard.utf8))
    #expect(run.extent.shard == ShardRecord(Shard(index: 1, count: 2), of: 6, unit: .replications))
    #expect(sweep.extent.shard == ShardRecord(Shard(index: 1, count: 2), of: 4, unit: .points))
  }

  @Test("a shard record whose block ends before it starts is refused, naming the key")
  func backwardsBlock() {
    let json = OldRunRecords.runShard.replacingOccurrences(
      of: #""end_replication" : 6"#, with: #""end_replication" : 1"#)
    #expect(json != OldRunRecords.runShard)
    do {
      _ = try RunRecord.decode(Data(json.utf8))
      Issue.record("a backwards block was read")
    } catch DecodingError.dataCorrupted(let context) {
      #expect(context.codingPath.map(\.stringValue) == ["shard", "end_replication"])
    } catch {
      Issue.record("not a data error: \(error)")
    }
  }

  @Test("a run.json that records both a shard and the shards it merged is refused")
  func shardAndMerge() {
    let json = OldRunRecords.runShard.replacingOccurrences(
      of: #""jobs" : 1,"#, with: #""jobs" : 1, "merged_from" : ["/a"],"#)
    #expect(json != OldRunRecords.runShard)
    #expect(throws: DecodingError.self) { try RunRecord.decode(Data(json.utf8)) }
  }

  @Test("the settings of two kinds differ first in their kind")
  func kindsDiffer() throws {
    let data = try Data(contentsOf: root.appendingPathComponent("Results/calibration-baseline/run.json"))
    let calibration = try RunRecord.decode(data)
    var run = try RunRecord.decode(Data(OldRunRecords.mergedRun.utf8))
    run.header = calibration.header
    let files = ["summary.csv"]
    #expect(
      RunSettings(run, files: files).difference(from: RunSettings(calibration, files: files))
        == "kind run (the folder holds kind calibrate)")
  }
}
