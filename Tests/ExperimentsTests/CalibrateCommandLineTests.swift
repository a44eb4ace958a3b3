import Foundation
import TestSupport
import Testing

private let loose = #"{"metric": "graduates", "low": 0, "high": 1000, "source": "any count"}"#
private let impossible = #"{"metric": "placed_6m", "low": 1.5, "high": 2, "source": "no share reaches it"}"#
private let fitted =
  #"[{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.2, "upper": 1}}}]"#

private func targets(_ list: [String], parameters: String = "[]", in directory: String) throws {
  let json = #"{"parameters": "# + parameters + #", "targets": ["# + list.joined(separator: ", ") + "]}"
  try Data(json.utf8).write(to: URL(fileURLWithPath: directory + "/targets.json"))
}

@Suite(
  "cohortsim check --targets and calibrate",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct CalibrateCommandLineTests {
  @Test("check --targets prints one line per target and exits 0 when every mean lies in its band")
  func checkPasses() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try targets([loose, loose.replacingOccurrences(of: "graduates", with: "placed_12m")], in: directory)
    let (status, output, _) = try runCohortsim(
      ["check", "tiny.json", "--targets", "targets.json", "--replications", "3", "--quiet"], in: directory)
    #expect(status == 0, "\(output)")
    let lines = output.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(
      lines[0].hasPrefix("graduates (") && lines[0].contains("source: any count") && lines[0].hasSuffix("ok"))
  }

  @Test("check --targets exits 1 when a mean lies outside its target, naming it")
  func checkFails() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try targets([loose, impossible], in: directory)
    let (status, output, _) = try runCohortsim(
      ["check", "tiny.json", "--targets", "targets.json", "--replications", "3", "--quiet"], in: directory)
    #expect(status == 1)
    #expect(output.contains("placed_6m") && output.contains("OUTSIDE") && output.contains("FAILED: 1 of 2"))
  }

  @Test("check --targets with an unknown metric exits 2 naming the file and the field path")
  func checkRefusesUnknownMetric() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try targets([loose.replacingOccurrences(of: "graduates", with: "grads")], in: directory)
    let (status, _, error) = try runCohortsim(
      ["check", "tiny.json", "--targets", "targets.json"], in: directory)
    #expect(status == 2)
    #expect(error.contains("targets.json: targets[0].metric: unknown metric \"grads\""), "\(error)")
  }

  @Test("calibrate writes the same folder for any --jobs, and --apply a scenario naming the run")
  func calibrateIsIdenticalForAnyJobs() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try targets(
      // A continuous metric, so that particles' distances differ (placed_12m is 1 in most
      // replications of the tiny scenario, and ties at the median stall the sampler).
      [loose.replacingOccurrences(of: "graduates", with: "time_to_fill_days_mean")], parameters: fitted,
      in: directory)
    for jobs in ["1", "2"] {
      let (status, _, error) = try runCohortsim(
        [
          "calibrate", "tiny.json", "--targets", "targets.json", "--particles", "6", "--generations", "2",
          "--replications", "1", "--jobs", jobs, "--quiet", "--out", "out\(jobs)", "--apply",
          "applied\(jobs).json",
        ], in: directory)
      #expect(status == 0, "\(error)")
    }
    for file in ["posterior.csv", "posterior_summary.csv", "generations.csv", "posterior_predictive.csv"] {
      let one = FileManager.default.contents(atPath: "\(directory)/out1/\(file)")
      #expect(
        one != nil && one == FileManager.default.contents(atPath: "\(directory)/out2/\(file)"), "\(file)")
    }
    let posterior = String(
      decoding: FileManager.default.contents(atPath: "\(directory)/out1/posterior.csv")!, as: UTF8.self)
    #expect(posterior.hasPrefix("generation,particle,weight,distance,hiring.applyProbability\r\n"))
    #expect(posterior.split(separator: "\r\n").count == 1 + 2 * 6)
    let applied = String(
      decoding: FileManager.default.contents(atPath: "\(directory)/applied1.json")!, as: UTF8.self)
    #expect(applied.contains("Calibrated by 'cohortsim calibrate' (results in out1"))
    let (valid, _, _) = try runCohortsim(["validate", "applied1.json"], in: directory)
    #expect(valid == 0)
  }

  @Test("calibrate with a prior outside the field's allowed range exits 2 and writes nothing")
  func calibrateRefusesPriorOutsideRange() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try targets(
      [loose], parameters: fitted.replacingOccurrences(of: "\"upper\": 1", with: "\"upper\": 2"),
      in: directory)
    let (status, _, error) = try runCohortsim(
      ["calibrate", "tiny.json", "--targets", "targets.json", "--out", "out"], in: directory)
    #expect(status == 2)
    #expect(error.contains("targets.json: parameters[0].prior:"), "\(error)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("calibrate to an output path beneath a regular file exits 2 naming the path")
  func calibrateRefusesAnUnusableOutputPath() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    try targets([loose], parameters: fitted, in: directory)
    try Data().write(to: URL(fileURLWithPath: directory + "/plain"))
    let (status, _, error) = try runCohortsim(
      [
        "calibrate", "tiny.json", "--targets", "targets.json", "--particles", "4", "--generations", "1",
        "--replications", "1", "--quiet", "--out", "plain/out",
      ], in: directory)
    #expect(status == 2)
    #expect(error.contains("cannot write") && error.contains("plain"), "\(error)")
  }
}
