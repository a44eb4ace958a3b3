import CohortModel
import Experiments
import Foundation
import SimKernel

/// Ishigami and Homma's (1990) test function, f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³
/// with a = 7, b = 0.1, whose Sobol' indices are known in closed form. It ignores the seed.
struct IshigamiEvaluator: SweepEvaluator {
  var strategies: [String] { ["ishigami"] }
  var metrics: [String] { ["y"] }

  func evaluate(point: Int, values x: [Double], replicationSeed: UInt64) -> [[Double]] {
    [[sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])]]
  }

  static let factors = (1...3).map { SweepFactor(path: "x\($0)", lower: -Double.pi, upper: Double.pi) }
}

/// A quick stand-in for the model: two strategies, two metrics, each a known function of the
/// point's values and the replication's seed; counts its evaluations and cancels `cancellation`
/// once it has done `cancelAfter` of them.
final class CountingEvaluator: SweepEvaluator, @unchecked Sendable {
  let counter = Counter()
  let cancelAfter: Int?
  let cancellation: Cancellation?

  init(cancelAfter: Int? = nil, cancellation: Cancellation? = nil) {
    self.cancelAfter = cancelAfter
    self.cancellation = cancellation
  }

  var strategies: [String] { ["first", "second"] }
  var metrics: [String] { ["alpha", "beta"] }

  func evaluate(point: Int, values: [Double], replicationSeed: UInt64) -> [[Double]] {
    let done = counter.increment()
    if let cancelAfter, done >= cancelAfter { cancellation?.cancel() }
    let noise = Double(replicationSeed % 1000) / 1000
    let sum = values.reduce(0, +)
    return [[sum + noise, sum * noise], [2 * sum + noise, values[0] - noise / 3]]
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
    var count: Int {
      lock.lock()
      defer { lock.unlock() }
      return value
    }
  }
}

/// A plan for `design` writing into `directory/name`.
func sweepPlan(
  _ design: SweepDesign, in directory: String, name: String = "out", replications: Int = 2, jobs: Int = 2,
  shard: Shard? = nil
) -> SweepPlan {
  SweepPlan(
    design: design, scenarioFile: "none.json", scenarioSha256: "0", masterSeed: 7, replications: replications,
    jobs: jobs, outputDirectory: (directory as NSString).appendingPathComponent(name), shard: shard,
    provenance: ProvenanceInfo(version: "test", commandLine: ["test"]))
}

/// A CSV file's lines (CRLF-separated), header first.
func csvLines(_ directory: String, _ file: String) -> [String] {
  let text =
    (try? String(contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)) ?? ""
  return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
}

/// sensitivity.csv as (factor, index) → estimate, for one strategy and metric.
func sensitivityEstimates(_ directory: String) -> [String: Double] {
  var result: [String: Double] = [:]
  for line in csvLines(directory, "sensitivity.csv").dropFirst() {
    let fields = line.split(separator: ",").map(String.init)
    result["\(fields[2]) \(fields[3])"] = Double(fields[4])
  }
  return result
}
