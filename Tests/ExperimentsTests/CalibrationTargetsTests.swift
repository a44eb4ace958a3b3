import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

private func decode(_ json: String) throws(CalibrationError) -> CalibrationTargets {
  try CalibrationTargets.decode(Data(json.utf8), file: "T.json")
}

private func problem(_ json: String) -> String {
  do {
    _ = try decode(json)
    return "no problem"
  } catch {
    return error.description
  }
}

private let oneTarget = #"[{"metric": "placed_6m", "low": 0.7, "high": 0.9, "source": "s"}]"#

@Suite("the targets file")
struct CalibrationTargetsTests {
  @Test("a target gives value and tolerance or low and high, and both read as the same band")
  func bands() throws {
    let targets = try decode(
      #"{"targets": [{"metric": "openings_per_year", "value": 58, "tolerance": 3, "source": "BLS"},"#
        + #"{"metric": "placed_6m", "low": 0.85, "high": 0.99, "source": "pages", "strategy": "nearest-to-home"}]}"#
    )
    #expect(targets.targets[0].band == .value(58, tolerance: 3))
    #expect(targets.targets[0].band.low == 55 && targets.targets[0].band.high == 61)
    #expect(targets.targets[1].band == .range(low: 0.85, high: 0.99))
    #expect(targets.targets[1].strategy == "nearest-to-home")
    #expect(targets.parameters.isEmpty)
  }

  @Test("a prior is any distribution, read with its field path")
  func priors() throws {
    let targets = try decode(
      #"{"parameters": [{"path": "hiring.applyProbability", "prior": {"beta": {"alpha": 2, "beta": 3}}}], "targets": "#
        + oneTarget + "}")
    #expect(
      targets.parameters == [
        CalibrationParameter(path: "hiring.applyProbability", prior: .beta(alpha: 2, beta: 3))
      ])
    let bad = problem(
      #"{"parameters": [{"path": "a", "prior": {"uniform": {"lower": 1, "upper": 0.5}}}], "targets": "#
        + oneTarget + "}")
    #expect(bad.hasPrefix("T.json: parameters[0].prior.uniform.upper:"), "\(bad)")
  }

  @Test("an unknown metric is refused naming the file and the field path")
  func unknownMetric() {
    let message = problem(#"{"targets": [{"metric": "placed_six", "low": 0, "high": 1, "source": "s"}]}"#)
    #expect(message.hasPrefix("T.json: targets[0].metric: unknown metric \"placed_six\""), "\(message)")
  }

  @Test("an empty target list is refused")
  func emptyTargets() {
    #expect(problem(#"{"targets": []}"#).hasPrefix("T.json: targets: must be a non-empty list"))
    #expect(problem(#"{"parameters": []}"#) == "T.json: targets: required field is missing")
  }

  @Test("a target with both kinds of band, or a missing source, is refused at its path")
  func malformedTarget() {
    #expect(
      problem(
        #"{"targets": [{"metric": "placed_6m", "value": 1, "tolerance": 1, "low": 0, "high": 1, "source": "s"}]}"#
      )
      .hasPrefix("T.json: targets[0]: give either"))
    #expect(
      problem(#"{"targets": [{"metric": "placed_6m", "low": 0.5, "high": 0.9}]}"#)
        .hasPrefix("T.json: targets[0].source: required"))
    #expect(
      problem(#"{"targets": [{"metric": "placed_6m", "value": 1, "tolerance": 0, "source": "s"}]}"#)
        == "T.json: targets[0].tolerance: must be > 0")
    #expect(problem(#"{"targets": [], "extra": 1}"#).hasPrefix("T.json: extra: unknown field"))
  }

  /// `run.json`'s targets hash comes from the read the targets were checked from (issue 29:
  /// one read per input), so it is the hash of the bytes on disk at that moment.
  @Test("the targets file is read once, and its digest is of the bytes checked")
  func digestOfBytesRead() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let path = directory + "/targets.json"
    let json =
      #"{"parameters": [{"path": "seed", "prior": {"uniform": {"lower": 1, "upper": 2}}}], "targets": "#
      + oneTarget + "}"
    try Data(json.utf8).write(to: URL(fileURLWithPath: path))
    let (targets, sha256) = try CalibrationTargets.loadWithDigest(path)
    #expect(sha256 == SHA256.hexDigest(of: Data(json.utf8)))
    #expect(targets.targets.count == 1)
  }

  @Test("a path the scenario does not have, or a prior outside the field's allowed range, is refused")
  func checkedAgainstScenario() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let scenario = try tinyScenarioFile(in: directory)
    func refusal(_ parameters: String) -> String {
      do {
        _ = try decode(#"{"parameters": "# + parameters + #", "targets": "# + oneTarget + "}").checked(
          against: scenario)
        return "no problem"
      } catch {
        return error.description
      }
    }
    #expect(
      refusal(#"[{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.1, "upper": 1}}}]"#)
        == "no problem")
    let outside = refusal(
      #"[{"path": "hiring.applyProbability", "prior": {"uniform": {"lower": 0.1, "upper": 1.5}}}]"#)
    #expect(
      outside.hasPrefix("T.json: parameters[0].prior:") && outside.contains("hiring.applyProbability"),
      "\(outside)")
    let unbounded = refusal(
      #"[{"path": "hiring.applyProbability", "prior": {"normal": {"mean": 0.5, "sd": 0.1}}}]"#)
    #expect(unbounded.hasPrefix("T.json: parameters[0].prior:"), "\(unbounded)")
    let unknown = refusal(
      #"[{"path": "hiring.applyProbabilty", "prior": {"uniform": {"lower": 0.1, "upper": 1}}}]"#)
    #expect(
      unknown.hasPrefix("T.json: parameters[0].path:") && unknown.contains("applyProbabilty"), "\(unknown)")
    let strategy = problem(
      #"{"targets": [{"metric": "placed_6m", "low": 0, "high": 1, "source": "s", "strategy": "best"}]}"#)
    #expect(strategy == "no problem")
  }
}
