/// The column contract of a sweep's CSV files, headers and rows side by side so they cannot drift
/// apart. Numbers are spelled by `CSVFormat`, as in every other output.
enum SweepColumns {
  /// The fixed names come from `OutputSchema` (as `OutputColumns`' do), then the design's factor
  /// paths and the evaluator's metrics, the schemas' tails.
  static func design(factors: [SweepFactor]) -> [String] {
    OutputSchema.design.header(tail: factors.map(\.path))
  }

  static var points: [String] { OutputSchema.points.names }

  static func replications(metrics: [String]) -> [String] {
    OutputSchema.sweepReplications.header(tail: metrics)
  }

  static var sensitivity: [String] { OutputSchema.sensitivity.names }

  static func designRow(point: Int, values: [Double]) -> [String] {
    [String(point)] + values.map(CSVFormat.number)
  }

  static func pointRow(point: Int, strategy: String, metric: String, _ moments: RunningMoments) -> [String] {
    let interval = moments.confidenceInterval()
    return [
      String(point), CSVFormat.text(strategy), CSVFormat.text(metric), String(moments.count),
      CSVFormat.number(moments.mean), CSVFormat.number(moments.standardDeviation),
      CSVFormat.number(interval.low),
      CSVFormat.number(interval.high),
    ]
  }

  static func replicationRow(point: Int, strategy: String, replication: Int, seed: UInt64, values: [Double])
    -> [String]
  {
    [String(point), CSVFormat.text(strategy), String(replication), String(seed)]
      + values.map(CSVFormat.number)
  }

  static func sensitivityRow(
    strategy: String, metric: String, factor: String, _ estimate: SensitivityEstimate
  )
    -> [String]
  {
    [
      CSVFormat.text(strategy), CSVFormat.text(metric), CSVFormat.text(factor), estimate.index,
      CSVFormat.number(estimate.estimate), CSVFormat.number(estimate.low), CSVFormat.number(estimate.high),
    ]
  }

  /// The header as one CSV line.
  static func line(_ header: [String]) -> String { CSVFormat.row(header.map(CSVFormat.text)) }
}
