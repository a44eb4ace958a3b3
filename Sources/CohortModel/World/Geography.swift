/// A point in the region, in km from its south-west corner.
///
/// In a scenario placed by latitude and longitude, `xKm`/`yKm` are the point's position in the
/// region's `GeoFrame` (a plane used only to bucket points into grid cells and to divide the
/// region into state bands) and `geodetic` is the point itself; distances are then great-circle
/// distances between the geodetic points.
public struct Location: Sendable, Equatable {
  public var xKm: Double
  public var yKm: Double
  /// The point on the globe, when the scenario places by latitude/longitude; nil on a plane.
  public var geodetic: GeoPoint?

  public init(xKm: Double, yKm: Double, geodetic: GeoPoint? = nil) {
    self.xKm = xKm
    self.yKm = yKm
    self.geodetic = geodetic
  }

  /// Great-circle distance when both points are on the globe; otherwise straight-line distance,
  /// the region being small enough for a plane.
  @inlinable
  public func distanceKm(to other: Location) -> Double {
    if let a = geodetic, let b = other.geodetic { return a.haversineKm(to: b) }
    let dx = xKm - other.xKm
    let dy = yKm - other.yKm
    return (dx * dx + dy * dy).squareRoot()
  }
}

/// A uniform grid over site locations, so "sites within r km" costs the sites in nearby cells,
/// not every site in the country. Results come in ascending site index: deterministic.
struct SpatialIndex {
  let cellKm: Double
  let columns: Int
  let rows: Int
  /// Site indices per cell, flattened (compressed sparse rows).
  let cellStart: [Int]
  let cellSites: [Int32]

  /// Cells along one side at most; with the region limit (docs/MODEL.md) it is never reached.
  static let maximumCells = 4_096

  init(locations: [Location], widthKm: Double, heightKm: Double, cellKm: Double) {
    self.cellKm = cellKm
    let columns = Int(rounding: (widthKm / cellKm).rounded(.up), within: 1...Self.maximumCells)
    let rows = Int(rounding: (heightKm / cellKm).rounded(.up), within: 1...Self.maximumCells)
    self.columns = columns
    self.rows = rows
    var counts = [Int](repeating: 0, count: columns * rows + 1)
    let cells = locations.map { location -> Int in
      let column = Int(rounding: (location.xKm / cellKm).rounded(.towardZero), within: 0...columns - 1)
      let row = Int(rounding: (location.yKm / cellKm).rounded(.towardZero), within: 0...rows - 1)
      return row * columns + column
    }
    for cell in cells { counts[cell + 1] += 1 }
    for index in 1..<counts.count { counts[index] += counts[index - 1] }
    var fill = counts
    var sites = [Int32](repeating: 0, count: locations.count)
    for (site, cell) in cells.enumerated() {
      sites[fill[cell]] = Int32(site)
      fill[cell] += 1
    }
    cellStart = counts
    cellSites = sites
  }

  /// Calls `body` for every site whose cell lies within `radiusKm` of `center` (a superset of
  /// the sites within the radius: the caller checks the distance).
  func forEachCandidate(near center: Location, radiusKm: Double, _ body: (Int) -> Void) {
    let reach = Int(rounding: (radiusKm / cellKm).rounded(.up), within: 0...max(columns, rows))
    let column = Int(rounding: (center.xKm / cellKm).rounded(.towardZero), within: -(1 << 40)...(1 << 40))
    let row = Int(rounding: (center.yKm / cellKm).rounded(.towardZero), within: -(1 << 40)...(1 << 40))
    let lowRow = max(0, row - reach)
    let highRow = min(rows - 1, row + reach)
    let lowColumn = max(0, column - reach)
    let highColumn = min(columns - 1, column + reach)
    guard lowRow <= highRow, lowColumn <= highColumn else { return }
    for r in lowRow...highRow {
      for c in lowColumn...highColumn {
        let cell = r * columns + c
        for slot in cellStart[cell]..<cellStart[cell + 1] { body(Int(cellSites[slot])) }
      }
    }
  }
}
