import Experiments
import Foundation
import TestSupport
import Testing

/// The message `SweepDesign.decode` refuses `json` with, or nil when it is accepted.
private func refusal(_ json: String) -> String? {
  do {
    _ = try SweepDesign.decode(Data(json.utf8), file: "design.json")
    return nil
  } catch {
    return error.message
  }
}

/// One factor of the probability `path`, in [lower, upper].
private func factor(_ path: String = "hiring.applyProbability", _ lower: String = "0", _ upper: String = "1")
  -> String
{
  #"{"path": "\#(path)", "lower": \#(lower), "upper": \#(upper)}"#
}

@Suite("a sweep design too large to hold is refused before any point is made")
struct DesignSizeTests {
  @Test(
    "a sobol, morris or lhs design of a billion samples is refused at samples, naming the limit",
    arguments: ["sobol", "morris", "lhs"])
  func hugeSampleCountRefused(method: String) throws {
    let message = try #require(
      refusal(#"{"method": "\#(method)", "samples": 1e9, "factors": [\#(factor())]}"#))
    #expect(message.hasPrefix("design.json: samples: the design would have "))
    #expect(message.contains("at most 1000000 are allowed"))
  }

  @Test("a grid of six factors of 200 values is refused at the factor with the most values")
  func hugeGridRefused() throws {
    let paths = ["hiring.applyProbability", "demand.freezeProbability", "a.b", "a.c", "a.d", "a.e"]
    let values = "[" + (0..<200).map { "0.\($0)" }.joined(separator: ", ") + "]"
    let factors = paths.map { #"{"path": "\#($0)", "values": \#(values)}"# }.joined(separator: ", ")
    let message = try #require(refusal(#"{"method": "grid", "factors": [\#(factors)]}"#))
    #expect(message.hasPrefix("design.json: factors[0].values: the design would have 64000000000000 points"))
  }

  @Test("a factor whose range is wider than the largest number is refused at its upper bound")
  func infiniteRangeRefused() throws {
    let message = try #require(
      refusal(#"{"method": "lhs", "samples": 3, "factors": [\#(factor("a.b", "-1e308", "1e308"))]}"#))
    #expect(message.hasPrefix("design.json: factors[0].upper: upper − lower must be at most about 1.8e308"))
  }

  @Test("a sample count above the limit is refused with the range allowed, not as a non-whole number")
  func countAboveLimitNamesTheRange() throws {
    let message = try #require(refusal(#"{"method": "lhs", "samples": 1e12, "factors": [\#(factor())]}"#))
    #expect(message == "design.json: samples: must be a whole number from 1 to 1000000000, got 1000000000000")
  }

  @Test("a design's memory for its strategies and metrics is refused above the limit, naming samples")
  func designMemoryRefused() throws {
    let design = SweepDesign(
      method: .lhs, samples: 1_000_000, seed: 1, factors: [SweepFactor(path: "a.b", lower: 0, upper: 1)])
    #expect(throws: SweepError.self) { try design.checkMemory(strategies: 100, metrics: 100, file: "d.json") }
    #expect(throws: Never.self) { try design.checkMemory(strategies: 6, metrics: 56, file: "d.json") }
  }
}

@Suite(
  "sweeps and calibrations are sized before they start",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct StudySizeCommandLineTests {
  @Test("a sweep factor whose range reaches ±1e308 exits 2 naming the field, without a crash")
  func infiniteRangeSweepExitsTwo() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let design =
      #"{"method": "lhs", "samples": 3, "factors": [\#(factor("hiring.applyProbability", "-1e308", "1e308"))]}"#
    try Data(design.utf8).write(to: URL(fileURLWithPath: directory + "/design.json"))
    let before = listing(directory).filter { !$0.hasPrefix(".std") }
    let (status, _, stderr) = try runCohortsim(
      ["sweep", "tiny.json", "--design", "design.json", "--out", "out", "--quiet"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("factors[0].upper"))
    #expect(!stderr.contains("Fatal error"))
    #expect(listing(directory).filter { !$0.hasPrefix(".std") } == before)
  }

  @Test("a calibration whose particles over all generations exceed the memory limit exits 2 before it starts")
  func hugeCalibrationExitsTwo() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let targets = """
      {"parameters": [{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.1, "upper": 1}}}],
       "targets": [{"metric": "placed_6m", "low": 0.1, "high": 0.9, "source": "test"}]}
      """
    try Data(targets.utf8).write(to: URL(fileURLWithPath: directory + "/targets.json"))
    let before = listing(directory).filter { !$0.hasPrefix(".std") }
    let (status, _, stderr) = try runCohortsim(
      [
        "calibrate", "tiny.json", "--targets", "targets.json", "--particles", "100000", "--generations",
        "1000",
        "--out", "calibration", "--quiet",
      ], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("reduce --particles or --generations"))
    #expect(listing(directory).filter { !$0.hasPrefix(".std") } == before)
  }
}
