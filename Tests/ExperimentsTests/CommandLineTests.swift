import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

/// Polls `condition` every 20 ms for up to `seconds`; true as soon as it holds.
func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while !condition() {
    if Date() > deadline { return false }
    usleep(20_000)
  }
  return true
}

@Suite("the cohortsim executable", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct CommandLineTests {
  @Test(
    "a run interrupted by SIGINT, SIGTERM or SIGHUP exits 130 and leaves the earlier folder as it was",
    arguments: [SIGINT, SIGTERM, SIGHUP])
  func interruptedBySignal(signal: Int32) throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (first, _, _) = try runCohortsim(
      ["run", "tiny.json", "--replications", "2", "--students", "--out", "out", "--quiet"], in: directory)
    #expect(first == 0)
    let earlier = snapshot(directory + "/out")
    let (process, _, stderr) = try launchCohortsim(
      ["run", "tiny.json", "--replications", "1000000", "--students", "--out", "out", "--overwrite"],
      in: directory)
    // Wait until the run has started writing its staging folder, then interrupt it.
    #expect(
      waitFor(seconds: 30) {
        stagingFolders(of: "out", in: directory).contains {
          FileManager.default.fileExists(atPath: directory + "/" + $0 + "/students.csv")
        }
      })
    usleep(200_000)
    kill(process.processIdentifier, signal)
    let exited = waitFor(seconds: 30) { !process.isRunning }
    if !exited { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    #expect(exited, "cohortsim ignored signal \(signal)")
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 130)
    #expect(snapshot(directory + "/out") == earlier)
    #expect(stagingFolders(of: "out", in: directory).isEmpty, "staging or lock left behind")
    #expect(String(decoding: try Data(contentsOf: stderr), as: UTF8.self).contains("interrupted"))
  }

  @Test("a bad scenario exits 2 naming the file and field, and writes nothing")
  func badScenario() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let bad = tinyScenarioJSON.replacingOccurrences(of: "\"replications\": 4", with: "\"replications\": 0")
    try Data(bad.utf8).write(to: URL(fileURLWithPath: directory + "/bad.json"))
    let (status, stdout, stderr) = try runCohortsim(["run", "bad.json", "--out", "out"], in: directory)
    #expect(status == 2)
    #expect(stdout.isEmpty)
    #expect(stderr.contains("bad.json: replications:"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("--until with an unknown metric is a usage error listing the allowed names")
  func unknownMetric() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(["run", "tiny.json", "--until", "placed=0.01"], in: directory)
    #expect(status == 2)
    #expect(Metric.allCases.allSatisfy { stderr.contains($0.rawValue) })
  }

  @Test("run prints where the results went and a table of headline metrics")
  func closingTable() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, stdout, _) = try runCohortsim(["run", "tiny.json", "--replications", "3"], in: directory)
    #expect(status == 0)
    #expect(stdout.contains("results in Results/tiny/"))
    #expect(stdout.contains("Working within 6 months (all graduates)"))
    #expect(
      listing(directory + "/Results/tiny") == [
        "cohorts.csv", "replications.csv", "run.json", "summary.csv", "time_to_offer.csv", "timeline.csv",
      ])
  }

  @Test("compare writes comparison.csv and prints the paired differences")
  func compareCommand() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, stdout, stderr) = try runCohortsim(
      [
        "compare", "tiny.json", "--strategies", "nearest-to-home,random", "--replications", "3", "--out",
        "out",
      ],
      in: directory)
    #expect(status == 0, "\(stderr)")
    #expect(stdout.contains("strategy − nearest-to-home"))
    #expect(stdout.contains("graduates working within 6 months per cohort of"))
    #expect(!stdout.contains("rescinded_rate"), "the default table shows headline metrics only")
    #expect(FileManager.default.fileExists(atPath: directory + "/out/comparison.csv"))
  }

  @Test("--seed in seed_hex's form runs exactly what the decimal seed runs")
  func hexSeed() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let common = ["run", "tiny.json", "--replications", "2", "--quiet"]
    let (decimal, _, _) = try runCohortsim(common + ["--seed", "255", "--out", "decimal"], in: directory)
    let (hex, _, stderr) = try runCohortsim(
      common + ["--seed", "x00000000000000ff", "--out", "hex"], in: directory)
    #expect(decimal == 0 && hex == 0, "\(stderr)")
    #expect(contents(directory + "/decimal", .replications) == contents(directory + "/hex", .replications))
  }

  @Test("a seed in neither form is a usage error naming both forms")
  func badSeed() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(["run", "tiny.json", "--seed", "x12g"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--seed must be a whole number") && stderr.contains("hex digits"))
  }

  @Test("--replication-seed with --seed or --replications is a usage error")
  func replicationSeedConflicts() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    for extra in [["--seed", "3"], ["--replications", "2"]] {
      let (status, _, stderr) = try runCohortsim(
        ["run", "tiny.json", "--replication-seed", "x01"] + extra, in: directory)
      #expect(status == 2)
      #expect(stderr.contains("--replication-seed runs exactly one replication"))
    }
  }

  @Test("help outputs lists every column of every CSV file")
  func helpOutputs() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, stdout, _) = try runCohortsim(["help", "outputs"], in: directory)
    #expect(status == 0)
    for schema in OutputSchema.all {
      #expect(stdout.contains(schema.title.uppercased()))
      for column in schema.columns { #expect(stdout.contains("  \(column.name) (\(column.type.rawValue)")) }
      if let tail = schema.tail { #expect(stdout.contains("  \(tail.placeholder) (\(tail.type.rawValue)")) }
    }
    let (csvStatus, csv, _) = try runCohortsim(["help", "outputs", "--csv"], in: directory)
    #expect(csvStatus == 0 && csv == OutputSchema.csv)
  }

  @Test("compare --all prints every metric's paired difference")
  func compareAll() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, stdout, stderr) = try runCohortsim(
      ["compare", "tiny.json", "--strategies", "nearest-to-home,random", "--replications", "3", "--all"],
      in: directory)
    #expect(status == 0, "\(stderr)")
    #expect(Metric.allCases.allSatisfy { stdout.contains($0.rawValue) })
  }

  @Test("compare --select-best selects one strategy, writes selection.csv and states its guarantee")
  func selectBest() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, stdout, stderr) = try runCohortsim(
      [
        "compare", "tiny.json", "--strategies", "nearest-to-home,random", "--select-best", "graduates",
        "--indifference", "0.5", "--out", "out", "--max-replications", "30",
      ],
      in: directory)
    // graduates does not depend on the strategy: the paired difference is exactly zero, the
    // region closes at the first screening and the first listed is selected.
    #expect(status == 0, "\(stderr)")
    #expect(stdout.contains("selected: nearest-to-home. With probability at least 95%"))
    let rows = records(directory + "/out", .selection)
    #expect(rows.count == 3)
    #expect(rows.filter { $0.contains(",selected,") }.count == 1)
  }

  @Test("compare --select-best with --shard is refused with the reason, exit 2, nothing written")
  func selectBestRefusesShards() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(
      [
        "compare", "tiny.json", "--strategies", "nearest-to-home,random", "--select-best", "placed_6m",
        "--indifference", "0.01", "--shard", "0/2", "--out", "out",
      ],
      in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--select-best cannot be combined with --shard"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("compare --select-best without --indifference is a usage error")
  func selectBestNeedsIndifference() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(
      ["compare", "tiny.json", "--strategies", "nearest-to-home,random", "--select-best", "placed_6m"],
      in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--select-best needs --indifference DELTA"))
  }

  @Test("help metrics prints every metric's definition")
  func helpMetrics() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, stdout, _) = try runCohortsim(["help", "metrics"], in: directory)
    #expect(status == 0)
    for metric in Metric.allCases {
      #expect(stdout.contains(metric.rawValue))
      #expect(stdout.contains(String(metric.definition.prefix(30))))
    }
  }
}
