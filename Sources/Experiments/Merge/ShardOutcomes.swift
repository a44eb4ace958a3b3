import Foundation

/// A shard's `outcomes.csv` read back into the `ReplicationOutcomes` its runner computed, so
/// that `merge` feeds `OutcomeAggregate` exactly what an unsharded run's consumer would have and
/// writes `time_to_offer.csv`, `cohorts.csv` and `timeline.csv` byte for byte. Rows must come in
/// the order `OutputColumns.shardOutcomeRows` writes them, for the shard's replications in order
/// and the run's strategies in order; every value must be spelled as `CSVFormat` spells it.
enum ShardOutcomes {
  /// The run's start year (the first timeline row's year; nil for an empty block), and per replication of the shard's
  /// block, in order, the outcomes under each strategy.
  /// - Complexity: O(size of the file); the whole file is held in memory while it is read.
  static func read(_ folder: ShardFolder, strategies: [String]) throws(MergeError) -> (
    startYear: Int?, outcomes: [[ReplicationOutcomes]]
  ) {
    let file = folder.path(of: .shardOutcomes)
    guard let data = FileManager.default.contents(atPath: file) else {
      throw MergeError("\(file) is missing or unreadable")
    }
    let records: [[String]]
    do {
      records = try CSVRecords.parse(data, path: file)
    } catch {
      throw MergeError(error.description)
    }
    guard records.first == OutputColumns.shardOutcomes else {
      throw MergeError(
        "\(file) line 1: the header is not \(OutputColumns.shardOutcomes.joined(separator: ","))")
    }
    // An empty block (more shards than replications) has no rows and no start year.
    let firstYear = records.dropFirst().first { $0.count == 7 && $0[2] == "timeline" }.flatMap { Int($0[4]) }
    if firstYear == nil && !folder.block.isEmpty { throw MergeError("\(file) has no timeline row") }
    var next = 1
    var result: [[ReplicationOutcomes]] = []
    for replication in folder.block {
      var runs: [ReplicationOutcomes] = []
      for strategy in strategies {
        var curve: [Double] = []
        var cohorts: [ReplicationOutcomes.Cohort] = []
        var timeline: [[Double]] = []
        while next < records.count, records[next].count == 7, records[next][0] == strategy,
          records[next][1] == String(replication)
        {
          let row = records[next]
          let at = "\(file) line \(next + 1)"
          guard let key = Int(row[4]), let value = number(row[6]) else {
            throw MergeError("\(at): '\(row[4])' or '\(row[6])' is not written as cohortsim writes it")
          }
          switch row[2] {
          case "curve" where key == curve.count:
            curve.append(value)
          case "cohort":
            if cohorts.last.map({
              $0.program != row[3] || $0.intakeYear != key || $0.values.count == CohortMetric.all.count
            })
              ?? true
            {
              cohorts.append(ReplicationOutcomes.Cohort(program: row[3], intakeYear: key, values: []))
            }
            guard row[5] == CohortMetric.all[cohorts[cohorts.count - 1].values.count].name else {
              throw MergeError("\(at): cohort metric '\(row[5])' out of order")
            }
            cohorts[cohorts.count - 1].values.append(value)
          case "timeline":
            let key = key - (firstYear ?? 0)
            if key == timeline.count { timeline.append([]) }
            guard key == timeline.count - 1, timeline[key].count < TimelineMetric.all.count,
              row[5] == TimelineMetric.all[timeline[key].count].name
            else {
              throw MergeError("\(at): timeline row for year \(key), metric '\(row[5])' out of order")
            }
            timeline[key].append(value)
          default:
            throw MergeError(
              "\(at): unexpected row '\(row[2])' (curve days in order, then cohort, then timeline)")
          }
          next += 1
        }
        runs.append(ReplicationOutcomes(offerCurve: curve, cohorts: cohorts, timeline: timeline))
      }
      result.append(runs)
    }
    guard next == records.count else {
      throw MergeError(
        "\(file) line \(next + 1): a row of another strategy or replication than the shard's, in run order")
    }
    return (firstYear, result)
  }

  /// The inverse of `CSVFormat.number`, refusing any other spelling.
  private static func number(_ field: String) -> Double? {
    let value: Double? =
      switch field {
      case CSVFormat.missingNumber: .nan
      case "Inf": .infinity
      case "-Inf": -.infinity
      default: Double(field)
      }
    guard let value, CSVFormat.number(value) == field else { return nil }
    return value
  }
}
