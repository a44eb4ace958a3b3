import CohortModel
import Foundation

/// A set of reference results as `cohortsim run` wrote them, read and checked for consistency:
/// `replications.csv` (the values every test compares), `summary.csv` and `run.json`.
///
/// What the check takes from it: the strategies and their order (from `replications.csv`,
/// which must agree with `run.json`'s `strategies`) and the number of replications (rows per
/// strategy, which must be 0, 1, … R−1 for every strategy and equal `run.json`'s
/// `replications`). The master seed is *not* taken from it: a check reruns with the scenario's
/// own `seed`, so changing the seed in the scenario is a change the check sees.
public struct Baseline: Sendable {
  public let directory: String
  /// In the order `replications.csv` lists them.
  public let strategies: [String]
  public let replications: Int
  /// `values[strategy][metric]`: that series' values in replication order, NaN where missing.
  public let values: [[[Double]]]
  /// `seeds[strategy]`: each replication's seed, as `replications.csv` records it.
  public let seeds: [[UInt64]]
  /// Which optional files the baseline holds, so a bless writes them again.
  public let hasStudents: Bool
  public let hasTrace: Bool
  /// A posterior run's calibration folder (as recorded), its SHA-256 and runs per particle, from
  /// `run.json`; nil for a run at fixed parameters.
  public let posterior: (folder: String, sha256: String, runsPerParticle: Int)?

  /// Each replication's seed under `strategy`.
  public func seeds(strategy: String) -> [UInt64]? {
    strategies.firstIndex(of: strategy).map { seeds[$0] }
  }

  /// The values of one series.
  public func series(strategy: String, metric: Metric) -> [Double]? {
    guard let index = strategies.firstIndex(of: strategy) else { return nil }
    return values[index][Metric.allCases.firstIndex(of: metric)!]
  }

  /// Reads and validates the baseline in `directory`.
  /// - Throws: `BaselineError` naming the file and the problem: a missing directory or file, a
  ///   wrong header, a truncated or short row, a non-numeric value, replications missing or out
  ///   of order, or files that disagree with each other.
  public static func read(from directory: String) throws(BaselineError) -> Baseline {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw BaselineError.missing(directory)
    }
    if let problem = FolderManifest.problem(in: directory, requireFiles: false) {
      throw BaselineError(path: directory, problem: problem)
    }
    func path(_ file: OutputFile) -> String { (directory as NSString).appendingPathComponent(file.rawValue) }
    let (strategies, values, seeds) = try readReplications(path(.replications))
    let replications = values.first?.first?.count ?? 0
    try checkSummary(path(.summary), strategies: strategies, values: values)
    let posterior = try checkProvenance(path(.provenance), strategies: strategies, replications: replications)
    let exists = { (file: OutputFile) in FileManager.default.fileExists(atPath: path(file)) }
    return Baseline(
      directory: directory, strategies: strategies, replications: replications, values: values, seeds: seeds,
      hasStudents: exists(.students), hasTrace: exists(.trace), posterior: posterior)
  }

  /// The records of a CSV file whose first record must be `header`, without the header.
  static func records(_ path: String, header: [String]) throws(BaselineError) -> [[String]] {
    try records(path, headers: [header]).rows
  }

  /// The records of a CSV file whose first record must be one of `headers`, without it, and
  /// which header the file has.
  static func records(_ path: String, headers: [[String]]) throws(BaselineError) -> (
    header: [String], rows: [[String]]
  ) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BaselineError(path: path, problem: "the file is missing or unreadable")
    }
    let records = try CSVRecords.parse(data, path: path)
    guard let header = headers.first(where: { $0 == records.first }) else {
      let header = headers[0]
      throw BaselineError(
        path: path,
        problem:
          "line 1 should be the header '\(header.joined(separator: ","))', found '\(records.first?.joined(separator: ",") ?? "")'"
      )
    }
    for (offset, record) in records.enumerated() where record.count != header.count {
      throw BaselineError(
        path: path,
        problem: "line \(offset + 1) has \(record.count) fields, expected \(header.count) (truncated?)")
    }
    return (header, Array(records.dropFirst()))
  }

  private static func readReplications(_ path: String) throws(BaselineError) -> (
    [String], [[[Double]]], [[UInt64]]
  ) {
    let metricCount = Metric.allCases.count
    var strategies: [String] = []
    var values: [[[Double]]] = []
    var seeds: [[UInt64]] = []
    let (header, rows) = try records(
      path, headers: [OutputColumns.replications, OutputColumns.replications(posteriorRun: true)])
    let firstMetric = header.count - metricCount
    for (offset, record) in rows.enumerated() {
      let line = offset + 2
      let strategy = record[0]
      var index = strategies.firstIndex(of: strategy)
      if index == nil {
        strategies.append(strategy)
        values.append(Array(repeating: [], count: metricCount))
        seeds.append([])
        index = strategies.count - 1
      }
      let expected = values[index!][0].count
      guard Int(record[1]) == expected else {
        throw BaselineError(
          path: path,
          problem: "line \(line): replication '\(record[1])' of \(strategy), expected \(expected)")
      }
      guard let seed = UInt64(record[2]) else {
        throw BaselineError(path: path, problem: "line \(line): seed '\(record[2])' is not a whole number")
      }
      if header.contains("seed_hex"), record[3] != CSVFormat.seedHex(seed) {
        throw BaselineError(
          path: path,
          problem:
            "line \(line): seed_hex '\(record[3])' should be \(CSVFormat.seedHex(seed)), the seed \(seed)")
      }
      seeds[index!].append(seed)
      for (metric, field) in record.dropFirst(firstMetric).enumerated() {
        guard let value = CSVRecords.number(field) else {
          throw BaselineError(
            path: path,
            problem: "line \(line): \(Metric.allCases[metric].rawValue) '\(field)' is not a number or NA")
        }
        values[index!][metric].append(value)
      }
    }
    guard !strategies.isEmpty else { throw BaselineError(path: path, problem: "no replications") }
    let counts = values.map { $0[0].count }
    guard Set(counts).count == 1 else {
      let listed = zip(strategies, counts).map { "\($0): \($1)" }.joined(separator: ", ")
      throw BaselineError(
        path: path, problem: "strategies have different numbers of replications (\(listed)): truncated?")
    }
    return (strategies, values, seeds)
  }

  /// `summary.csv` must list every strategy and metric, with `n` equal to the number of values
  /// in `replications.csv`: a summary from another run, or cut short, is caught here.
  private static func checkSummary(_ path: String, strategies: [String], values: [[[Double]]])
    throws(BaselineError)
  {
    let rows = try records(
      path, headers: [OutputColumns.summary, OutputColumns.summary(posteriorRun: true)]
    ).rows
    let expected = strategies.flatMap { strategy in Metric.allCases.map { (strategy, $0.rawValue) } }
    let recomputed = SummaryAgreement.expected(strategies: strategies, values: values)
    guard rows.count == expected.count else {
      throw BaselineError(
        path: path,
        problem: "\(rows.count) rows, expected \(expected.count) (\(strategies.count) strategies × "
          + "\(Metric.allCases.count) metrics): truncated?")
    }
    for (offset, (row, key)) in zip(rows, expected).enumerated() {
      let line = offset + 2
      guard row[0] == key.0, row[1] == key.1 else {
        throw BaselineError(
          path: path, problem: "line \(line) is \(row[0]),\(row[1]); expected \(key.0),\(key.1)")
      }
      // `n` is a whole number as `CSVFormat.integer` writes it; the rest are numbers.
      guard let count = Int(row[2]), String(count) == row[2] else {
        throw BaselineError(path: path, problem: "line \(line): n = '\(row[2])' is not a whole number")
      }
      if let bad = row.dropFirst(3).first(where: { CSVRecords.number($0) == nil }) {
        throw BaselineError(path: path, problem: "line \(line): '\(bad)' is not a number or NaN")
      }
      let strategyIndex = offset / Metric.allCases.count
      let present = values[strategyIndex][offset % Metric.allCases.count].count { !$0.isNaN }
      guard count == present else {
        throw BaselineError(
          path: path,
          problem: "line \(line): n = \(row[2]) but replications.csv has \(present) values of \(key.1) for "
            + "\(key.0): the files are from different runs")
      }
      for ((column, value), field) in zip(SummaryAgreement.figures(recomputed[offset]), row.dropFirst(3))
      where !SummaryAgreement.agree(CSVRecords.number(field)!, value) {
        throw BaselineError(
          path: path,
          problem:
            "line \(line): \(column) of \(key.1) for \(key.0) is \(field), but replications.csv in the same "
            + "folder gives \(CSVFormat.number(value)): the folder's files disagree with each other (edited after "
            + "the run?), so it cannot serve as a reference; rerun or re-bless it")
      }
    }
  }

  /// Checks `run.json` against `replications.csv` and returns its posterior record, if any.
  private static func checkProvenance(_ path: String, strategies: [String], replications: Int)
    throws(BaselineError) -> (folder: String, sha256: String, runsPerParticle: Int)?
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BaselineError(path: path, problem: "the file is missing or unreadable")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw BaselineError(path: path, problem: "not a JSON object")
    }
    guard let recorded = object["replications"] as? Int else {
      throw BaselineError(path: path, problem: "no whole-number \"replications\"")
    }
    guard recorded == replications else {
      throw BaselineError(
        path: path,
        problem: "\"replications\" is \(recorded) but replications.csv has \(replications) per strategy")
    }
    guard let listed = object["strategies"] as? [String], listed == strategies else {
      throw BaselineError(
        path: path,
        problem:
          "\"strategies\" should be \(strategies) as in replications.csv, found \(object["strategies"] ?? "none")"
      )
    }
    guard let record = object["posterior"] else { return nil }
    guard let record = record as? [String: Any], let folder = record["folder"] as? String,
      let sha256 = record["sha256"] as? String, let k = record["runs_per_particle"] as? Int, k >= 1
    else {
      throw BaselineError(
        path: path, problem: "\"posterior\" should hold folder, sha256 and runs_per_particle ≥ 1")
    }
    return (folder, sha256, k)
  }
}
