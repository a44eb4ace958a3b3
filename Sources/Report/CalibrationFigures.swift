import CohortModel
import Experiments
import Foundation
import SimKernel

/// What the calibration section draws, read from a calibrate folder's files: each parameter's
/// weighted posterior over its prior's range (`posterior.csv`'s last generation,
/// `posterior_summary.csv`, the priors recorded in `run.json`), the posterior predictive draws
/// against each target band (`posterior_predictive.csv`), and the sampler's generations.
struct CalibrationFigures {
  struct Parameter {
    var path: String
    /// From run.json's `parameters`; nil when the folder does not record it.
    var prior: Distribution?
    var mean: Double
    var sd: Double
    var q025: Double
    var q50: Double
    var q975: Double
    /// The last generation's weights, binned over the prior's range.
    var bins: [HistogramChart.Bin]
  }

  struct Target {
    var metric: String
    var strategy: String
    /// The scenario's name, in a joint calibration (empty in folders written before them).
    var scenario: String
    var low: Double
    var high: Double
    var draws: Int
    var median: Double
    var q025: Double
    var q975: Double
    var insideShare: Double
    /// Where the band comes from, from run.json's `targets`; empty when not recorded.
    var source: String
    var shares: Bool
  }

  struct Generation {
    var index: Int
    var epsilon: Double
    var proposals: Double
    var accepted: Double
    var acceptanceRate: Double
    var ess: Double
  }

  var parameters: [Parameter]
  var lastGeneration: Int
  var particles: Int
  var targets: [Target]
  var generations: [Generation]

  static let binCount = 20

  /// Metrics that are counts, days or rates of change rather than shares; every other metric is
  /// a share and is written as a percentage.
  static let notShares: Set<Metric> = [
    .daysToOfferMedian, .daysToOfferKMMedian, .openingsPerYear, .chainOpeningsPerYear, .positionsGrowth,
    .timeToFillDaysMean, .graduates,
  ]

  /// Reads the folder's calibration files; `ResultsFolderContents` has already checked they exist.
  /// - Throws: `FolderReadError` naming the file (and line:column or field) for a missing column, a
  ///   field that is not a number, a posterior without weight, or a malformed prior in run.json.
  init(_ folder: inout ResultsFolderContents) throws(FolderReadError) {
    let priors = try Self.priors(folder)
    let summary = try Self.required(&folder, "posterior_summary.csv")
    let summaryColumns = try summary.require(["parameter", "mean", "sd", "q025", "q50", "q975"])
    guard !summary.rows.isEmpty else {
      throw FolderReadError(
        path: summary.path, problem: "has no rows: a calibration has at least one parameter")
    }
    let posterior = try Self.required(&folder, "posterior.csv")
    let paths = summary.rows.map { $0[summaryColumns[0]] }
    let posteriorColumns = try posterior.require(["generation", "weight"] + paths)
    var generationOf: [Int] = []
    for row in posterior.rows.indices {
      generationOf.append(try Self.integer(posterior, row, posteriorColumns[0]))
    }
    guard let last = generationOf.max() else {
      throw FolderReadError(path: posterior.path, problem: "has no particles")
    }
    let rows = posterior.rows.indices.filter { generationOf[$0] == last }
    var weights: [Double] = []
    for row in rows {
      let weight = try posterior.number(row, posteriorColumns[1])
      guard weight.isFinite, weight >= 0 else {
        throw FolderReadError(
          path: "\(posterior.path):\(row + 2):\(posteriorColumns[1] + 1)",
          problem: "weight '\(posterior.rows[row][posteriorColumns[1]])' is not a number ≥ 0")
      }
      weights.append(weight)
    }
    let total = weights.reduce(0, +)
    guard total > 0 else {
      throw FolderReadError(
        path: posterior.path, problem: "generation \(last) has no particle with weight > 0")
    }
    lastGeneration = last
    particles = rows.count
    parameters = []
    for (index, path) in paths.enumerated() {
      var values: [Double] = []
      for row in rows { values.append(try posterior.number(row, posteriorColumns[2 + index])) }
      let prior = priors[path]
      parameters.append(
        Parameter(
          path: path, prior: prior, mean: try summary.number(index, summaryColumns[1]),
          sd: try summary.number(index, summaryColumns[2]),
          q025: try summary.number(index, summaryColumns[3]),
          q50: try summary.number(index, summaryColumns[4]),
          q975: try summary.number(index, summaryColumns[5]),
          bins: Self.bins(values, weights: weights.map { $0 / total }, prior: prior)))
    }
    targets = try Self.targets(&folder)
    generations = try Self.generations(&folder)
  }

  /// A whole number ≥ 0 (a generation's index).
  private static func integer(_ table: ResultsTable, _ row: Int, _ column: Int) throws(FolderReadError) -> Int
  {
    guard let value = Int(table.rows[row][column]), value >= 0 else {
      throw FolderReadError(
        path: "\(table.path):\(row + 2):\(column + 1)",
        problem: "'\(table.rows[row][column])' in column \(table.header[column]) is not a whole number ≥ 0")
    }
    return value
  }

  private static func required(_ folder: inout ResultsFolderContents, _ file: String) throws(FolderReadError)
    -> ResultsTable
  {
    guard let table = try folder.table(file) else {
      throw FolderReadError(
        path: folder.directory, problem: "missing \(file), which a calibrate folder always has")
    }
    return table
  }

  /// The priors `run.json` records under `parameters`, by path.
  private static func priors(_ folder: ResultsFolderContents) throws(FolderReadError) -> [String:
    Distribution]
  {
    let runJSON = (folder.directory as NSString).appendingPathComponent("run.json")
    guard let listed = folder.provenance["parameters"] else { return [:] }
    guard let entries = listed as? [[String: Any]] else {
      throw FolderReadError(
        path: runJSON, problem: "parameters: must be a list of {\"path\", \"prior\"} objects")
    }
    var priors: [String: Distribution] = [:]
    for (index, entry) in entries.enumerated() {
      guard let path = entry["path"] as? String, let prior = entry["prior"],
        let data = try? JSONSerialization.data(withJSONObject: prior),
        let distribution = try? JSONDecoder().decode(Distribution.self, from: data)
      else {
        throw FolderReadError(
          path: runJSON,
          problem:
            "parameters[\(index)]: needs \"path\" (a field path) and \"prior\" (a distribution such as "
            + "{\"uniform\": {\"lower\": 0.1, \"upper\": 1}})")
      }
      priors[path] = distribution
    }
    return priors
  }

  /// `binCount` equal bins over the prior's range (its support, or its central 99.8% where the
  /// support is unbounded), widened to take in every particle, each with its share of the
  /// (normalised) weight and the prior's probability.
  static func bins(_ values: [Double], weights: [Double], prior: Distribution?) -> [HistogramChart.Bin] {
    let finite = values.filter(\.isFinite)
    var lower = finite.min() ?? 0
    var upper = finite.max() ?? 1
    if let prior {
      let low = prior.supportLowerBound.isFinite ? prior.supportLowerBound : prior.quantile(0.001)
      let high = prior.supportUpperBound.isFinite ? prior.supportUpperBound : prior.quantile(0.999)
      lower = min(lower, low)
      upper = max(upper, high)
    }
    if lower == upper {
      let pad = lower == 0 ? 0.5 : abs(lower) * 0.05
      lower -= pad
      upper += pad
    }
    let width = (upper - lower) / Double(binCount)
    var bins = (0..<binCount).map { index in
      let from = lower + width * Double(index)
      let to = index == binCount - 1 ? upper : lower + width * Double(index + 1)
      return HistogramChart.Bin(
        lower: from, upper: to, share: 0, prior: prior.map { $0.cdf(to) - $0.cdf(from) } ?? .nan)
    }
    for (value, weight) in zip(values, weights) where value.isFinite {
      bins[min(binCount - 1, max(0, Int(((value - lower) / width).rounded(.down))))].share += weight
    }
    return bins
  }

  /// One row per target (metric and strategy, in the file's order): its band, the draws' median
  /// and 95% range (lower quantiles, as `WeightedSample` with equal weights), and the share of
  /// draws the file marks `inside`.
  private static func targets(_ folder: inout ResultsFolderContents) throws(FolderReadError) -> [Target] {
    let table = try required(&folder, "posterior_predictive.csv")
    let columns = try table.require(["metric", "strategy", "value", "low", "high", "inside"])
    let scenarioColumn = table.has("scenario") ? try table.require(["scenario"])[0] : nil
    var sources: [String: String] = [:]
    for entry in folder.provenance["targets"] as? [[String: Any]] ?? [] {
      if let metric = entry["metric"] as? String, let source = entry["source"] as? String {
        let scenario = scenarioColumn == nil ? "" : entry["scenario"] as? String ?? ""
        sources["\(metric)\u{1F}\(entry["strategy"] as? String ?? "")\u{1F}\(scenario)"] = source
      }
    }
    var order: [String] = []
    var groups: [String: (values: [Double], inside: Int, low: Double, high: Double)] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      let key =
        "\(fields[columns[0]])\u{1F}\(fields[columns[1]])\u{1F}\(scenarioColumn.map { fields[$0] } ?? "")"
      let value = try table.number(row, columns[2])
      let low = try table.number(row, columns[3])
      let high = try table.number(row, columns[4])
      guard low <= high else {
        throw FolderReadError(
          path: "\(table.path):\(row + 2):\(columns[3] + 1)",
          problem: "the band's low \(fields[columns[3]]) is above its high \(fields[columns[4]])")
      }
      let inside: Bool
      switch fields[columns[5]] {
      case "TRUE", "true": inside = true
      case "FALSE", "false": inside = false
      default:
        throw FolderReadError(
          path: "\(table.path):\(row + 2):\(columns[5] + 1)",
          problem: "'\(fields[columns[5]])' in column inside is not TRUE or FALSE")
      }
      if groups[key] == nil {
        order.append(key)
        groups[key] = ([], 0, low, high)
      }
      groups[key]!.values.append(value)
      groups[key]!.inside += inside ? 1 : 0
    }
    return order.map { key in
      let group = groups[key]!
      let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
      let finite = group.values.filter(\.isFinite)
      let sample = WeightedSample(points: finite.map { [$0] }, weights: finite.map { _ in 1 })
      let metric = Metric(rawValue: parts[0])
      return Target(
        metric: parts[0], strategy: parts[1], scenario: parts[2], low: group.low, high: group.high,
        draws: group.values.count,
        median: finite.isEmpty ? .nan : sample.quantile(0.5, column: 0),
        q025: finite.isEmpty ? .nan : sample.quantile(0.025, column: 0),
        q975: finite.isEmpty ? .nan : sample.quantile(0.975, column: 0),
        insideShare: Double(group.inside) / Double(group.values.count), source: sources[key] ?? "",
        shares: metric.map { !notShares.contains($0) } ?? false)
    }
  }

  private static func generations(_ folder: inout ResultsFolderContents) throws(FolderReadError)
    -> [Generation]
  {
    let table = try required(&folder, "generations.csv")
    let columns = try table.require([
      "generation", "epsilon", "proposals", "accepted", "acceptance_rate", "ess",
    ])
    var generations: [Generation] = []
    for row in table.rows.indices {
      generations.append(
        Generation(
          index: try integer(table, row, columns[0]), epsilon: try table.number(row, columns[1]),
          proposals: try table.number(row, columns[2]), accepted: try table.number(row, columns[3]),
          acceptanceRate: try table.number(row, columns[4]), ess: try table.number(row, columns[5])))
    }
    return generations
  }
}
