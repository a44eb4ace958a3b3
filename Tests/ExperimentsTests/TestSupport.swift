import CohortModel
import Experiments
import Foundation
import SimKernel
import TestSupport

/// The tiny scenario (`tinyScenarioJSON`), decoded once.
private let tinyScenario = try! Scenario.decode(Data(tinyScenarioJSON.utf8), file: "tiny.json")

/// A stand-in for the model whose every figure is a known function of the seed: metric k is a
/// uniform draw keyed by (seed, k) plus `offset(strategy)`, `rescinded_rate` is missing in about
/// a fifth of replications, and each replication reports two students, the sites of the tiny
/// scenario's world for its seed (as a real replication reports its world's) and, when traced,
/// three events. Common random numbers hold by construction: two strategies differ by their offsets.
func syntheticModel(offset: @escaping @Sendable (String) -> Double = { _ in 0 }) -> ReplicationFunction {
  { strategy, seed, monitor in
    var metrics = ReplicationMetrics()
    for index in metrics.values.indices {
      metrics.values[index] = uniform(seed, index) + offset(strategy)
    }
    if uniform(seed, 99) < 0.2 { metrics[.rescindedRate] = .nan }
    if monitor.wantsStudents { monitor.sites(World(scenario: tinyScenario, replicationSeed: seed).sites) }
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

/// The file's bytes, or nil when it does not exist.
func contents(_ directory: String, _ file: OutputFile) -> Data? {
  FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(file.rawValue))
}

/// The file's records, split on CRLF, without the final empty one.
func records(_ directory: String, _ file: OutputFile) -> [String] {
  let text = String(decoding: contents(directory, file) ?? Data(), as: UTF8.self)
  return text.components(separatedBy: "\r\n").dropLast()
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
