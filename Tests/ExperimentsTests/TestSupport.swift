import CohortModel
import Experiments
import Foundation
import SimKernel

/// A scenario small enough that a replication takes milliseconds: one program of six students a
/// year in a region of six sites, three years. Its program's name needs CSV quoting.
let tinyScenarioJSON = """
  {
    "name": "tiny",
    "replications": 4,
    "seed": 42,
    "years": 3,
    "region": {
      "widthKm": 60, "heightKm": 60,
      "states": [{ "code": "TX", "share": 1 }],
      "systems": 1,
      "hospitals": { "count": 4, "staff": 8, "capacity": 2, "independentShare": 0.5 },
      "imagingCenters": { "count": 2, "staff": 3, "capacity": 1, "independentShare": 1 },
      "clinics": { "count": 0, "staff": 1, "capacity": 1, "independentShare": 1 }
    },
    "programs": [
      { "name": "Tiny College, \\"East\\"", "xKm": 30, "yKm": 30, "intakeYears": [2022, 2023], "cohortSize": 6 }
    ]
  }
  """

/// A fresh, empty directory under the system's temporary directory.
func temporaryDirectory(_ label: String = #function) -> String {
  let name = "cohortsim-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
  let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The tiny scenario, written to a file in `directory` so that it has a path and a hash.
func tinyScenarioFile(in directory: String) throws -> ScenarioFile {
  let path = (directory as NSString).appendingPathComponent("tiny.json")
  try Data(tinyScenarioJSON.utf8).write(to: URL(fileURLWithPath: path))
  return try ScenarioFile.load(path)
}

/// A plan for the tiny scenario writing into `directory/out`.
func tinyPlan(
  in directory: String, replications: Int = 6, strategies: [String] = ["nearest-to-home"], jobs: Int = 1
) throws -> ExperimentPlan {
  var plan = ExperimentPlan.defaults(
    for: try tinyScenarioFile(in: directory),
    provenance: ProvenanceInfo(version: "test", commandLine: ["test"]))
  plan.replications = replications
  plan.strategies = strategies
  plan.jobs = jobs
  plan.outputDirectory = (directory as NSString).appendingPathComponent("out")
  return plan
}

/// A stand-in for the model whose every figure is a known function of the seed: metric k is a
/// uniform draw keyed by (seed, k) plus `offset(strategy)`, `rescinded_rate` is missing in about
/// a fifth of replications, and each replication reports two students and, when traced, three
/// events. Common random numbers hold by construction: two strategies differ by their offsets.
func syntheticModel(offset: @escaping @Sendable (String) -> Double = { _ in 0 }) -> ReplicationFunction {
  { strategy, seed, monitor in
    var metrics = ReplicationMetrics()
    for index in metrics.values.indices {
      metrics.values[index] = uniform(seed, index) + offset(strategy)
    }
    if uniform(seed, 99) < 0.2 { metrics[.rescindedRate] = .nan }
    for student in 0..<2 {
      monitor.student(
        StudentOutcome(
          student: student, program: "Synthetic, \"A\"", intakeYear: 2024, graduationDay: 500.5,
          daysFromGraduationToOffer: student == 0 ? -3.25 : nil, offerSource: student == 0 ? .ownSite : nil,
          offerSite: student == 0 ? 2 : nil, contingent: student == 0, rescinded: false, relocated: false,
          relocationDistanceKm: nil, credentialDay: 510, licenceDay: nil, startDay: student == 0 ? 520 : nil,
          rotationSites: [1, 2]))
    }
    if monitor.wantsTrace {
      for step in 0..<3 {
        monitor.trace(
          TraceRecord(
            time: Double(step), event: "step", student: step == 0 ? nil : step - 1, site: nil, detail: "a,b"))
      }
    }
    return metrics
  }
}

/// A uniform number in [0, 1) determined by `seed` and `key`.
func uniform(_ seed: UInt64, _ key: Int) -> Double {
  Double(SeedDerivation.splitmix64(seed ^ SeedDerivation.splitmix64(UInt64(key))) >> 11) * 0x1p-53
}

/// The file's bytes, or nil when it does not exist.
func contents(_ directory: String, _ file: OutputFile) -> Data? {
  FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(file.rawValue))
}

/// The file's records, split on CRLF, without the final empty one.
func records(_ directory: String, _ file: OutputFile) -> [String] {
  let text = String(decoding: contents(directory, file) ?? Data(), as: UTF8.self)
  return text.components(separatedBy: "\r\n").dropLast()
}

/// The names in `directory`, sorted, hidden ones included.
func listing(_ directory: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
}

/// Runs `runner` and returns its report, failing on cancellation.
func completedReport(_ runner: ExperimentRunner, cancellation: Cancellation = Cancellation()) throws
  -> RunReport
{
  guard case .completed(let report) = try runner.run(cancellation: cancellation) else {
    throw RunWasCancelled()
  }
  return report
}

struct RunWasCancelled: Error {}

/// Deletes a directory made by `temporaryDirectory`.
func removeTemporaryDirectory(_ path: String) {
  try? FileManager.default.removeItem(atPath: path)
}

/// Every file in `directory` with its bytes, for comparing a folder before and after.
func snapshot(_ directory: String) -> [String: Data] {
  var files: [String: Data] = [:]
  for name in listing(directory) {
    files[name] = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
  }
  return files
}

/// The staging folders, set-aside folders and lock file cohortsim keeps beside the results
/// folder `name` in `directory` while it writes it.
func stagingFolders(of name: String, in directory: String) -> [String] {
  listing(directory).filter { $0.hasPrefix("." + name + ".cohortsim-") }
}
