import CohortModel
import Foundation
import SimKernel

/// A shard's `replications.csv` read back and checked row by row against what the shard must
/// hold: the header of `OutputColumns.replications`, then for each replication of its block, in
/// order, one row per strategy in run order, with the seed the whole run derives for that
/// replication, and every metric spelled as `CSVFormat` spells it. Anything else — a truncated
/// file, an edited number, a row from another seed — is refused with the file and line, since
/// merging it would publish results no run produced.
enum ShardReplications {
  /// The shard's replications, in order, as the runner's consumer would have received them.
  /// - Complexity: O(size of the file); the whole file is held in memory while it is read.
  /// In a posterior run (`posteriorRun`) each row also names its particle, which must be the
  /// same for every strategy of a replication.
  static func read(
    _ folder: ShardFolder, strategies: [String], masterSeed: UInt64, posteriorRun: Bool = false
  ) throws(MergeError) -> [ReplicationOutput] {
    let file = folder.path(of: .replications)
    guard let data = FileManager.default.contents(atPath: file) else {
      throw MergeError("\(file) is missing or unreadable")
    }
    let text = String(decoding: data, as: UTF8.self)
    // CRLF as cohortsim writes it, or LF as pandas and R write it back.
    var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
      String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
    }
    guard lines.last == "" else {
      throw MergeError("\(file) does not end with a complete row (CRLF or LF): the file is truncated")
    }
    lines.removeLast()
    let header = OutputColumns.replications(posteriorRun: posteriorRun).map(CSVFormat.text).joined(
      separator: ",")
    guard lines.first == header else {
      throw MergeError("\(file) line 1: the header is not \(header)")
    }
    let expectedRows = folder.block.count * strategies.count
    guard lines.count - 1 == expectedRows else {
      throw MergeError(
        "\(file) has \(lines.count - 1) rows; replications \(folder.block.lowerBound)..<"
          + "\(folder.block.upperBound) under \(strategies.count) strategies need \(expectedRows)")
    }
    var outputs: [ReplicationOutput] = []
    outputs.reserveCapacity(folder.block.count)
    var lineNumber = 1
    for replication in folder.block {
      let seed = SeedDerivation.replicationSeed(master: masterSeed, replication: replication)
      var runs: [ReplicationOutput.StrategyRun] = []
      var particles: Set<Int> = []
      for strategy in strategies {
        lineNumber += 1
        var line = Substring(lines[lineNumber - 1])
        if posteriorRun {
          // The particle is the fifth field: cut it out, so the rest reads as a fixed run's row.
          let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false)
          guard fields.count == 6, let particle = Int(fields[4]), String(particle) == fields[4] else {
            throw MergeError("\(file) line \(lineNumber): the particle is not a whole number")
          }
          particles.insert(particle)
          line = Substring(fields.prefix(4).joined(separator: ",") + "," + fields[5])
        }
        let metrics = try metrics(
          String(line), strategy: strategy, replication: replication, seed: seed,
          at: "\(file) line \(lineNumber)")
        runs.append(ReplicationOutput.StrategyRun(metrics: metrics, students: [], trace: []))
      }
      guard particles.count <= 1 else {
        throw MergeError(
          "\(file) line \(lineNumber): replication \(replication)'s strategies name different particles")
      }
      outputs.append(ReplicationOutput(index: replication, seed: seed, runs: runs, particle: particles.first))
    }
    return outputs
  }

  /// One row's metrics, checked to be the row for `strategy` and `replication` and to be spelled
  /// exactly as the runner writes it, so that writing it again gives the same bytes.
  private static func metrics(
    _ line: String, strategy: String, replication: Int, seed: UInt64, at location: String
  ) throws(MergeError) -> ReplicationMetrics {
    let prefix =
      [CSVFormat.text(strategy), String(replication), String(seed), CSVFormat.seedHex(seed)].joined(
        separator: ",")
      + ","
    guard line.hasPrefix(prefix) else {
      let found = line.split(separator: ",", maxSplits: 4).prefix(4).joined(separator: ",")
      throw MergeError(
        "\(location): expected the row of strategy \(strategy), replication \(replication), seed \(seed); "
          + "found '\(found)'")
    }
    let fields = line.dropFirst(prefix.count).split(separator: ",", omittingEmptySubsequences: false)
    guard fields.count == Metric.allCases.count else {
      throw MergeError("\(location): \(fields.count) metric values, expected \(Metric.allCases.count)")
    }
    var metrics = ReplicationMetrics()
    for (index, field) in fields.enumerated() {
      guard let value = number(field), CSVFormat.number(value) == field else {
        throw MergeError(
          "\(location), column \(Metric.allCases[index].rawValue): '\(field)' is not a number as cohortsim "
            + "writes it")
      }
      metrics.values[index] = value
    }
    return metrics
  }

  /// The inverse of `CSVFormat.number`.
  private static func number(_ field: Substring) -> Double? {
    switch field {
    case Substring(CSVFormat.missingNumber): return .nan
    case "Inf": return .infinity
    case "-Inf": return -.infinity
    default: return Double(field)
    }
  }
}
