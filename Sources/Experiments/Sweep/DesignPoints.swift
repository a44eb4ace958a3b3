import SimKernel

/// The points of a design, in `design.csv`'s row order, each as its unit-cube coordinates and its
/// values in the factors' ranges.
///
/// The generation is a pure function of the design (its seed included), so every shard of a
/// sweep, and `cohortsim merge`, rebuilds the same points. Held as two flat arrays of
/// points × factors doubles: the one part of a sweep's memory that grows with its size, beside
/// one mean per point, strategy and metric.
public struct DesignPoints: Sendable, Equatable {
  public let factorCount: Int
  /// Row-major, `count × factorCount`. For `grid`, the values themselves (there is no unit cube).
  let unit: [Double]
  /// Row-major, `count × factorCount`: what the scenario is given and `design.csv` lists.
  let values: [Double]

  public var count: Int { factorCount == 0 ? 0 : values.count / factorCount }

  /// The factors' values at point `index`.
  public func values(at index: Int) -> [Double] {
    Array(values[(index * factorCount)..<((index + 1) * factorCount)])
  }

  /// The unit coordinates of point `index`.
  func unit(at index: Int) -> [Double] { Array(unit[(index * factorCount)..<((index + 1) * factorCount)]) }

  init(factorCount: Int, unit: [Double], values: [Double]) {
    self.factorCount = factorCount
    self.unit = unit
    self.values = values
  }

  /// The design's points.
  /// - Complexity: O(points × factors).
  public init(_ design: SweepDesign) {
    let factors = design.factors
    let k = factors.count
    var unit: [Double] = []
    switch design.method {
    case .grid: unit = Self.grid(factors.map { $0.values ?? [] })
    case .lhs: unit = Self.latinHypercube(samples: design.samples!, factors: k, seed: design.seed)
    case .sobol: unit = Self.saltelli(baseSamples: design.samples!, factors: k)
    case .morris:
      unit = Self.morris(
        trajectories: design.samples!, factors: k, levels: design.morrisLevels, seed: design.seed)
    }
    let values =
      design.method == .grid
      ? unit : unit.enumerated().map { offset, coordinate in factors[offset % k].scaled(coordinate) }
    self.init(factorCount: k, unit: unit, values: values)
  }

  /// Every combination, the last factor varying fastest (as `itertools.product`).
  static func grid(_ lists: [[Double]]) -> [Double] {
    let total = lists.reduce(1) { $0 * $1.count }
    var rows: [Double] = []
    rows.reserveCapacity(total * lists.count)
    for point in 0..<total {
      var rest = point
      var row = [Double](repeating: 0, count: lists.count)
      for factor in lists.indices.reversed() {
        row[factor] = lists[factor][rest % lists[factor].count]
        rest /= lists[factor].count
      }
      rows += row
    }
    return rows
  }

  /// McKay, Beckman and Conover's Latin hypercube (1979): for each factor in turn, a random
  /// permutation of the N slices (Fisher–Yates, GSL's Mersenne Twister), then one uniform draw
  /// within each point's slice, `(slice + U) / N`.
  static func latinHypercube(samples: Int, factors: Int, seed: UInt64) -> [Double] {
    var stream = RandomStream(seed: seed)
    var rows = [Double](repeating: 0, count: samples * factors)
    for factor in 0..<factors {
      var slices = Array(0..<samples)
      for index in stride(from: samples - 1, to: 0, by: -1) {
        slices.swapAt(index, stream.integer(below: index + 1))
      }
      for point in 0..<samples {
        rows[point * factors + factor] = (Double(slices[point]) + stream.uniform()) / Double(samples)
      }
    }
    return rows
  }

  /// Saltelli's (2002, 2010) cross-sampling without second-order rows, in SALib's order for
  /// `calc_second_order=False`: for base sample i, the 2k-dimensional Sobol' point i gives A (its
  /// first k coordinates) and B (its last k); the rows are A, then AB_1 … AB_k (A with column j
  /// taken from B), then B. GSL's first point, (½, …, ½), is skipped: there A = B, so its k + 2
  /// runs would carry no information about any index.
  static func saltelli(baseSamples: Int, factors: Int) -> [Double] {
    var sequence = SobolSequence(dimensions: 2 * factors)
    _ = sequence.next()
    var rows: [Double] = []
    rows.reserveCapacity(baseSamples * (factors + 2) * factors)
    for _ in 0..<baseSamples {
      let point = sequence.next()
      let a = Array(point[0..<factors])
      let b = Array(point[factors...])
      rows += a
      for column in 0..<factors {
        var ab = a
        ab[column] = b[column]
        rows += ab
      }
      rows += b
    }
    return rows
  }

  /// Morris's (1991) one-at-a-time trajectories as SALib's `morris.sample` builds them (without
  /// optimal-trajectory selection): k + 1 consecutive rows per trajectory. With Δ = p/(2(p−1)),
  /// a trajectory starts from a base point x* with each coordinate drawn from {0, 1/(p−1), …,
  /// 1 − Δ}, a direction ±1 per factor and a random order of the factors; its first row has
  /// factor j at x*_j, or x*_j + Δ when its direction is −1, and each later row moves the next
  /// factor in the order by Δ in its direction. Draws per trajectory, in this order: the k base
  /// levels, the k directions, then the order (Fisher–Yates).
  static func morris(trajectories: Int, factors: Int, levels: Int, seed: UInt64) -> [Double] {
    let delta = MorrisIndices.delta(levels: levels)
    var stream = RandomStream(seed: seed)
    var rows: [Double] = []
    rows.reserveCapacity(trajectories * (factors + 1) * factors)
    for _ in 0..<trajectories {
      let base = (0..<factors).map { _ in Double(stream.integer(below: levels / 2)) / Double(levels - 1) }
      let upward = (0..<factors).map { _ in stream.integer(below: 2) == 1 }
      var order = Array(0..<factors)
      for index in stride(from: factors - 1, to: 0, by: -1) {
        order.swapAt(index, stream.integer(below: index + 1))
      }
      var row = (0..<factors).map { upward[$0] ? base[$0] : base[$0] + delta }
      rows += row
      for factor in order {
        row[factor] = upward[factor] ? base[factor] + delta : base[factor]
        rows += row
      }
    }
    return rows
  }
}
