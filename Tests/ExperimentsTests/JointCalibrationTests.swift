import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport
import Testing

/// Two programs, First and Second, each admitting one cohort of `cohortSize` students in January
/// 2024 (Second also in each year of `secondIntakes`) to a three-month program that keeps every
/// student (retention 1), in a two-year run: `graduates` is the sum of the cohorts admitted,
/// exactly, whatever the seed.
private func jointScenarioJSON(_ name: String, secondIntakes: String) -> String {
  func program(_ name: String, x: Int, intakes: String) -> String {
    """
    { "name": "\(name)", "xKm": \(x), "yKm": 30, "intakeYears": \(intakes), "intakeMonth": 1, "cohortSize": 6,
      "lengthMonths": 3, "clinicalStartMonth": 0, "rotations": { "count": 1, "lengthWeeks": 1 }, "retention": 1 }
    """
  }
  return """
    {
      "name": "\(name)", "modelDefaults": "2026-12", "seed": 42, "startYear": 2024, "years": 2,
      "demand": { "regionShare": 0.001 },
      "region": {
        "widthKm": 60, "heightKm": 60, "states": [{ "code": "TX", "share": 1 }], "systems": 1,
        "hospitals": { "count": 2, "staff": 8, "capacity": 2, "independentShare": 0.5 },
        "imagingCenters": { "count": 0 }, "clinics": { "count": 0 }
      },
      "programs": [\(program("First", x: 20, intakes: "[2024]")), \(program("Second", x: 40, intakes: secondIntakes))]
    }
    """
}

/// Scenario A (a.json): only First admits in the run (Second's intake is after it), so its
/// graduates are round(θ₁). Scenario B (b.json): both admit once, so its graduates are
/// round(θ₁) + round(θ₂). θ₁ and θ₂ are the two programs' cohort sizes, shared by both.
private func writeJointScenarios(in directory: String) throws {
  try Data(jointScenarioJSON("joint-a", secondIntakes: "[2030]").utf8).write(
    to: URL(fileURLWithPath: directory + "/a.json"))
  try Data(jointScenarioJSON("joint-b", secondIntakes: "[2024]").utf8).write(
    to: URL(fileURLWithPath: directory + "/b.json"))
}

private let cohortSizes =
  #""parameters": [{"path": "programs[0].cohortSize", "prior": {"uniform": {"lower": 1, "upper": 20}}},"#
  + #"{"path": "programs[1].cohortSize", "prior": {"uniform": {"lower": 1, "upper": 20}}}]"#
/// The truth θ₁ = 12, θ₂ = 3: A graduates 12, B graduates 15.
private let targetsA =
  #"[{"metric": "graduates", "value": 12, "tolerance": 1, "source": "A at θ = (12, 3)"}]"#
private let targetsB =
  #"[{"metric": "graduates", "value": 15, "tolerance": 1, "source": "B at θ = (12, 3)"}]"#

/// The targets file of a joint calibration of a.json (targets A) with b.json (targets B).
private func writeJointTargets(in directory: String) throws {
  let json =
    "{" + cohortSizes + #", "targets": "# + targetsA + #", "scenarios": [{"scenario": "b.json", "targets": "#
    + targetsB + "}]}"
  try Data(json.utf8).write(to: URL(fileURLWithPath: directory + "/targets.json"))
}

/// The plan `cohortsim calibrate a.json --targets targets.json` makes, with its joint parts.
private func jointPlan(in directory: String, settings: ABCSettings, predictiveDraws: Int) throws
  -> CalibrationPlan
{
  let targets = try CalibrationTargets.load(directory + "/targets.json")
  let scenarioFile = try ScenarioFile.load(directory + "/a.json")
  var plan = CalibrationPlan(
    scenarioFile: scenarioFile, targets: targets, targetsSha256: "0",
    factors: try targets.checked(against: scenarioFile), settings: settings, replications: 1,
    predictiveDraws: predictiveDraws, outputDirectory: directory + "/out",
    provenance: ProvenanceInfo(version: "test", commandLine: ["test"]))
  plan.joint = try targets.jointScenarios.enumerated().map { index, entry throws(CalibrationError) in
    try CalibrationPlan.JointPart(entry, index: index, of: targets)
  }
  return plan
}

private func calibrationProblem(_ body: () throws(CalibrationError) -> Void) -> String {
  do {
    try body()
    return "no problem"
  } catch {
    return error.description
  }
}

@Suite("joint calibration")
struct JointCalibrationTests {
  /// A alone pins θ₁ and leaves θ₂ to its prior (a posterior interval over most of 1–20); B
  /// alone pins only θ₁ + θ₂ = 15 (θ₁ anywhere from 1 to 14). Together they pin (12, 3). The
  /// metric is exact, so only the sampler's ε limits the fit: 12 particles and 4 generations
  /// bring ε to about 3 graduates, so each median must lie within 2 of the truth and each 95%
  /// interval be narrower than 8. Without A's targets θ₁'s interval spans about 10 and its
  /// median falls near 9; without B's θ₂'s spans 10 to 18.
  @Test("a joint calibration recovers a known truth from two scenarios that share a parameter")
  func recoversTheTruthFromTwoScenarios() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try writeJointScenarios(in: directory)
    try writeJointTargets(in: directory)
    var settings = ABCSettings(particles: 12, generations: 4, seed: 1, jobs: 2)
    settings.minimumAcceptanceRate = 0.1
    let plan = try jointPlan(in: directory, settings: settings, predictiveDraws: 1)
    guard case .completed(_, _, let summary, _) = try CalibrationRunner(plan: plan).run() else {
      throw CalibrationNotCompleted()
    }
    let truth = [12.0, 3.0]
    for (parameter, expected) in zip(summary, truth) {
      #expect(abs(parameter.q50 - expected) < 2, "\(parameter.path): median \(parameter.q50)")
      #expect(
        parameter.q975 - parameter.q025 < 8,
        "\(parameter.path): 95% interval \(parameter.q025) to \(parameter.q975)")
    }
  }

  @Test("targets given as a file name are that file's targets, found relative to the targets file")
  func targetsFromAFileRelativeToTheTargetsFile() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try FileManager.default.createDirectory(atPath: directory + "/t", withIntermediateDirectories: true)
    try Data(("{" + cohortSizes + #", "targets": "# + targetsB + "}").utf8).write(
      to: URL(fileURLWithPath: directory + "/t/b-targets.json"))
    let json =
      "{" + cohortSizes + #", "targets": "# + targetsA
      + #", "scenarios": [{"scenario": "../b.json", "targets": "b-targets.json", "replications": 3}]}"#
    try Data(json.utf8).write(to: URL(fileURLWithPath: directory + "/t/targets.json"))
    let targets = try CalibrationTargets.load(directory + "/t/targets.json")
    let joint = try #require(targets.jointScenarios.first)
    #expect(
      joint.targets == [
        CalibrationTarget(metric: .graduates, band: .value(15, tolerance: 1), source: "B at θ = (12, 3)")
      ])
    #expect(joint.targetsFile == directory + "/t/b-targets.json")
    #expect(joint.scenarioPath == directory + "/t/../b.json")
    #expect(joint.replications == 3)
    #expect(targets.targets.map(\.band) == [.value(12, tolerance: 1)])
  }

  @Test("an unknown key in a scenarios entry is refused with its path")
  func unknownKeyInAScenariosEntry() {
    let message = calibrationProblem { () throws(CalibrationError) in
      _ = try CalibrationTargets.decode(
        Data(
          (#"{"targets": "# + targetsA + #", "scenarios": [{"scenario": "b.json", "targets": "# + targetsB
            + #", "replication": 2}]}"#).utf8), file: "T.json")
    }
    #expect(
      message == "T.json: scenarios[0].replication: unknown field; allowed: scenario, targets, replications",
      "\(message)")
  }

  @Test("a scenario file that does not load is refused naming scenarios[0].scenario")
  func missingScenarioFile() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try writeJointTargets(in: directory)
    let targets = try CalibrationTargets.load(directory + "/targets.json")
    let message = calibrationProblem { () throws(CalibrationError) in
      _ = try CalibrationPlan.JointPart(targets.jointScenarios[0], index: 0, of: targets)
    }
    #expect(
      message.hasPrefix("\(directory)/targets.json: scenarios[0].scenario: the scenario does not load")
        && message.contains("b.json"), "\(message)")
  }

  @Test("posterior_predictive.csv names each target's scenario")
  func predictiveRowsNameTheirScenario() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try writeJointScenarios(in: directory)
    try writeJointTargets(in: directory)
    let plan = try jointPlan(
      in: directory, settings: ABCSettings(particles: 4, generations: 1, seed: 2, jobs: 1), predictiveDraws: 2
    )
    guard case .completed = try CalibrationRunner(plan: plan).run() else { throw CalibrationNotCompleted() }
    let rows = records(plan.outputDirectory, .posteriorPredictive).map { $0.split(separator: ",") }
    #expect(rows.first?.last == "scenario")
    // Per draw: A's target, then B's; B's value is A's plus Second's cohort.
    #expect(
      rows.dropFirst().map { "\($0[0]) \($0.last!)" } == ["0 joint-a", "0 joint-b", "1 joint-a", "1 joint-b"])
  }
}

@Suite(
  "cohortsim calibrate with a joint targets file",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct JointCalibrateCommandLineTests {
  @Test("a joint calibration writes the same folder for --jobs 1 and 2")
  func identicalForAnyJobs() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    try writeJointScenarios(in: directory)
    // B's target is a count that varies with the seed, so that B's replications' seeds show.
    let openings = #"[{"metric": "openings_per_year", "value": 6, "tolerance": 3, "source": "s"}]"#
    let json =
      "{" + cohortSizes + #", "targets": "# + targetsA
      + #", "scenarios": [{"scenario": "b.json", "targets": "#
      + openings + "}]}"
    try Data(json.utf8).write(to: URL(fileURLWithPath: directory + "/targets.json"))
    for jobs in ["1", "2"] {
      let (status, _, error) = try runCohortsim(
        [
          "calibrate", "a.json", "--targets", "targets.json", "--particles", "4", "--generations", "2",
          "--replications", "1", "--draws", "2", "--jobs", jobs, "--quiet", "--out", "out\(jobs)",
        ], in: directory)
      #expect(status == 0, "\(error)")
    }
    for file in ["posterior.csv", "posterior_summary.csv", "generations.csv", "posterior_predictive.csv"] {
      let one = FileManager.default.contents(atPath: "\(directory)/out1/\(file)")
      #expect(
        one != nil && one == FileManager.default.contents(atPath: "\(directory)/out2/\(file)"), "\(file)")
    }
    let predictive = String(
      decoding: FileManager.default.contents(atPath: "\(directory)/out1/posterior_predictive.csv") ?? Data(),
      as: UTF8.self)
    #expect(predictive.contains(",joint-b\r\n"))
  }
}
