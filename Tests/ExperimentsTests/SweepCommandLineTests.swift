import Foundation
import TestSupport
import Testing

/// Writes `design` as DESIGN.json in `directory` and runs `cohortsim sweep` on the tiny scenario.
private func sweep(design: String, in directory: String, out: String = "out", extra: [String] = []) throws
  -> (
    Int32, String, String
  )
{
  _ = try tinyScenarioFile(in: directory)
  try Data(design.utf8).write(to: URL(fileURLWithPath: directory + "/design.json"))
  return try runCohortsim(
    [
      "sweep", "tiny.json", "--design", "design.json", "--replications", "1", "--jobs", "1", "--quiet",
      "--out", out,
    ]
      + extra, in: directory)
}

@Suite("cohortsim sweep's refusals", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct SweepCommandLineTests {
  @Test("a factor path the scenario does not have exits 2 naming the point and the path, writing nothing")
  func badPath() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, error) = try sweep(
      design:
        #"{"method": "lhs", "samples": 3, "factors": [{"path": "demand.freezeProbabilty", "lower": 0, "upper": 0.5}]}"#,
      in: directory)
    #expect(status == 2)
    #expect(error.contains("point 0") && error.contains("demand.freezeProbabilty"), "\(error)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("a value out of the field's range at one point exits 2 naming that point, the path and the value")
  func valueOutOfRange() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    // Grid points 0 and 1 are valid probabilities; point 2 is not.
    let (status, _, error) = try sweep(
      design:
        #"{"method": "grid", "factors": [{"path": "hiring.applyProbability", "values": [0.2, 0.9, 1.5]}]}"#,
      in: directory)
    #expect(status == 2)
    #expect(
      error.contains("point 2") && error.contains("hiring.applyProbability") && error.contains("1.5"),
      "\(error)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/out/points.csv"))
  }

  @Test("a malformed design exits 2 naming the file and the field")
  func malformedDesign() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, error) = try sweep(
      design:
        #"{"method": "sobol", "samples": 4, "factors": [{"path": "demand.freezeProbability", "lower": 0.5, "upper": 0.1}]}"#,
      in: directory)
    #expect(status == 2)
    #expect(error.contains("design.json") && error.contains("factors[0].upper"), "\(error)")
    let (unknownStatus, _, unknown) = try sweep(
      design: #"{"method": "latin", "samples": 4, "factors": []}"#, in: directory)
    #expect(unknownStatus == 2)
    #expect(unknown.contains("method") && unknown.contains("grid, lhs, sobol, morris"), "\(unknown)")
    let (syntaxStatus, _, syntax) = try sweep(design: #"{"method": "lhs", "#, in: directory)
    #expect(syntaxStatus == 2)
    #expect(syntax.contains("design.json: line 1, column 19:"), "\(syntax)")
  }

  @Test("a sweep of the tiny scenario writes the four CSV files and run.json, and help sweep shows examples")
  func writesTheFiles() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, error) = try sweep(
      design:
        #"{"method": "morris", "samples": 2, "seed": 4, "factors": [{"path": "programs[0].xKm", "lower": 10, "upper": 50}, {"path": "region.hospitals.staff", "lower": 4, "upper": 12}]}"#,
      in: directory)
    #expect(status == 0, "\(error)")
    for file in ["design.csv", "points.csv", "replications.csv", "sensitivity.csv", "run.json"] {
      #expect(FileManager.default.fileExists(atPath: directory + "/out/" + file), "\(file) missing")
    }
    let (helpStatus, help, _) = try runCohortsim(["help", "sweep"], in: directory)
    #expect(helpStatus == 0 && help.contains("EXAMPLES") && help.contains("--design"))
  }

  @Test("a sweep to an output path beneath a regular file exits 2 naming the path")
  func unusableOutputPath() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try Data().write(to: URL(fileURLWithPath: directory + "/plain"))
    let (status, _, error) = try sweep(
      design:
        #"{"method": "lhs", "samples": 2, "factors": [{"path": "demand.freezeProbability", "lower": 0, "upper": 0.5}]}"#,
      in: directory, out: "plain/out")
    #expect(status == 2)
    #expect(error.contains("cannot write") && error.contains("plain"), "\(error)")
  }
}
