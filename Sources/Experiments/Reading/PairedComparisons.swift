/// `comparison.csv` read once for every section that speaks of differences between strategies:
/// each strategy's paired difference from the reference per metric, with its 95% interval, its
/// Holm-adjusted p-value and its Holm-adjusted interval (`HolmIntervals`), so the decision box, the
/// forest plot and the difference curves give the same verdict.
public struct PairedComparisons {
  public struct Row {
    public var strategy: String
    public var reference: String
    public var metric: String
    public var diff: Double
    public var low: Double
    public var high: Double
    public var p: Double
    public var pHolm: Double
    /// The Holm-adjusted interval: the 95% interval widened to the row's Holm level.
    public var holmLow: Double
    public var holmHigh: Double
    public var level: Double
    /// Whether Holm's procedure rejects "no difference" at α = 0.05.
    public var clear: Bool { pHolm <= 0.05 }
  }

  /// Rows comparing a strategy with another (never the reference with itself), in file order.
  public let rows: [Row]
  /// Whether `p_holm` came from the file (else the report applied Holm itself).
  public let holmFromFile: Bool
  /// Whether every row's interval was widened (each strategy had a replication count).
  public let adjustedAll: Bool
  /// The number of p-values in Holm's family.
  public let family: Int

  /// - Throws: `FolderReadError` for a missing column or a field that is not a number.
  public init(_ table: ResultsTable, results: ResultEstimates) throws(FolderReadError) {
    let columns = try table.require(["strategy", "reference", "metric", "mean_diff", "ci95_low", "ci95_high"])
    let pColumn = table.header.firstIndex(of: "p_value")
    let holmColumn = table.header.firstIndex(of: "p_holm")
    // Holm's family is every row with a p-value, as for p_holm.
    var familyP = [Double](repeating: .nan, count: table.rows.count)
    if let pColumn {
      for row in table.rows.indices { familyP[row] = try table.number(row, pColumn) }
    }
    let familyHolm = holmColumn == nil ? HolmCorrection.adjusted(familyP) : []
    let levels = HolmIntervals.levels(familyP)
    var rows: [Row] = []
    var adjustedAll = true
    for index in table.rows.indices {
      let fields = table.rows[index]
      let (strategy, reference, metric) = (fields[columns[0]], fields[columns[1]], fields[columns[2]])
      guard strategy != reference else { continue }
      let diff = try table.number(index, columns[3])
      let low = try table.number(index, columns[4])
      let high = try table.number(index, columns[5])
      let pHolm =
        try holmColumn.map { column throws(FolderReadError) in try table.number(index, column) }
        ?? (familyHolm.isEmpty ? .nan : familyHolm[index])
      let counts = [strategy, reference].compactMap { results.estimate($0, metric)?.count }
      var holm = (low: low, high: high)
      if counts.count == 2 {
        holm = HolmIntervals.widened(
          estimate: diff, low: low, high: high, count: counts.min()!, to: levels[index])
      } else {
        adjustedAll = false
      }
      rows.append(
        Row(
          strategy: strategy, reference: reference, metric: metric, diff: diff, low: low, high: high,
          p: familyP[index], pHolm: pHolm, holmLow: holm.low, holmHigh: holm.high, level: levels[index]))
    }
    self.rows = rows
    holmFromFile = holmColumn != nil
    self.adjustedAll = adjustedAll
    family = familyP.count { !$0.isNaN }
  }

  public func rows(of metric: String) -> [Row] { rows.filter { $0.metric == metric } }
  public var metrics: Set<String> { Set(rows.map(\.metric)) }
}
