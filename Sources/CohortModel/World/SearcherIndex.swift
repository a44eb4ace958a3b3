import SimKernel

/// Searching graduates bucketed by how far they would go and where they live, so a posting
/// looks only at graduates who could take it instead of every graduate in the country.
///
/// Graduates fall into reach classes (their reach, rounded up to a class bound); each class is a
/// uniform grid of home locations. A posting visits, per class, only the cells within that
/// class's bound. Entries are removed lazily: a cell drops graduates who stopped searching when
/// it is next visited. Visiting order (class, row, column, arrival) is fixed, so the
/// applicants' order is deterministic (and every applicant's draws are keyed by who they are).
///
/// **Filing by the reach of the near future.** A searcher's reach widens month by month, so
/// filing them under the widest reach of the run would put nearly everyone in the classes that
/// span the country, and every posting would look at every searcher. Instead an entry is filed
/// under the reach it will have on its `validUntil` day, and is filed again (`expired(before:)`) when that
/// day has passed: the class bound always covers the reach of the day, and stays tight.
///
/// Each entry carries the graduate's home and the reach it was filed under, so a posting skips
/// those it is too far for without reading their `Student` (in a national run that read is a
/// cache miss per searcher).
struct SearcherIndex {
  static let reachBoundsKm: [Double] = [100, 200, 400, 800, 1600, 3200, .infinity]

  /// One reach class's grid: cells of half the class's bound, so a posting walks at most 5 × 5
  /// of them; a class whose bound spans most of the region keeps one list instead.
  struct Grid {
    var offset: Int
    var cellKm: Double
    var columns: Int
    var rows: Int
    /// Cells to walk on each side of the posting's cell; nil for a single list.
    var span: Int?
  }

  let grids: [Grid]
  /// Cell lists of every class in one flat array, `cells[grid.offset + row * grid.columns +
  /// column]`: entries in arrival order. Flat so that pruning a cell in place checks one level
  /// of copy-on-write, not three.
  var cells: [[Entry]]

  /// Entries per class (including stale ones not yet dropped): empty classes are skipped.
  var counts: [Int]

  /// A graduate and the number of the search they started: a graduate who lost a job and
  /// searches again gets a new entry, and the stale one is dropped rather than counted twice.
  struct Entry {
    var student: Int32
    var search: Int32
    var home: Location
    /// The graduate's reach on the day the filing lasts until: until then a posting farther than
    /// this from home cannot be theirs.
    var reachKm: Double
    /// Which filing of the student this is: an entry refiled since is stale.
    var filing: Int32
  }

  /// Per student (by index, grown on demand): the number of their latest filing.
  var filings: [Int32] = []
  /// Filings to renew, by the day they run out; renewals due on the same day in the order they
  /// were filed (the calendar's insertion-order rule).
  var renewals = EventCalendar<Renewal>()

  /// A searcher whose filing runs out, to be filed again under their reach of the new period.
  struct Renewal {
    var student: Int32
    var search: Int32
  }

  init(widthKm: Double, heightKm: Double) {
    var grids: [Grid] = []
    var offset = 0
    for bound in Self.reachBoundsKm {
      let cellKm = bound.isFinite ? bound / 2 : max(widthKm, heightKm, 1)
      let columns = max(1, Int((widthKm / cellKm).rounded(.up)))
      let rows = max(1, Int((heightKm / cellKm).rounded(.up)))
      // A class reaching across most of the region: walking its cells would cost more than
      // checking its graduates.
      let flat = !bound.isFinite || bound * 2 > min(widthKm, heightKm)
      let count = flat ? 1 : columns * rows
      grids.append(Grid(offset: offset, cellKm: cellKm, columns: columns, rows: rows, span: flat ? nil : 2))
      offset += count
    }
    self.grids = grids
    cells = Array(repeating: [], count: offset)
    counts = Array(repeating: 0, count: Self.reachBoundsKm.count)
  }

  private static func cell(_ location: Location, in grid: Grid) -> (row: Int, column: Int) {
    (
      min(grid.rows - 1, max(0, Int(location.yKm / grid.cellKm))),
      min(grid.columns - 1, max(0, Int(location.xKm / grid.cellKm)))
    )
  }

  /// Files a graduate who starts searching (or whose filing ran out) under `reachKm`, their
  /// reach on `validUntil` (infinity for a reach that never widens); any earlier filing of theirs
  /// goes stale.
  /// - Complexity: O(log renewals) amortised.
  mutating func insert(
    _ student: Int32, search: Int32, home: Location, reachKm: Double, validUntil: Double = .infinity
  ) {
    let reachClass = Self.reachBoundsKm.firstIndex { reachKm <= $0 }!
    let grid = grids[reachClass]
    var index = grid.offset
    if grid.span != nil {
      let (row, column) = Self.cell(home, in: grid)
      index += row * grid.columns + column
    }
    if Int(student) >= filings.count {
      filings.append(contentsOf: repeatElement(0, count: Int(student) + 1 - filings.count))
    }
    filings[Int(student)] &+= 1
    cells[index].append(
      Entry(student: student, search: search, home: home, reachKm: reachKm, filing: filings[Int(student)]))
    counts[reachClass] += 1
    if validUntil.isFinite {
      renewals.insert(Renewal(student: student, search: search), at: validUntil)
    }
  }

  /// Removes and returns the filings that ran out before `now`, earliest first (ties in the
  /// order they were filed): the caller files again those still searching.
  mutating func expired(before now: Double) -> [Renewal] {
    var due: [Renewal] = []
    // Strictly before `now`: a filing is still good on its last day.
    while let (_, renewal) = renewals.removeNext(notAfter: now.nextDown) { due.append(renewal) }
    return due
  }

  /// Calls `visit` for every indexed graduate whose filed reach covers `location` and for whom
  /// `isCurrent` is true, dropping those for whom it is false (no longer searching, or a stale
  /// search). Entries out of reach are kept unread: a nearer posting drops them if stale.
  /// - Complexity: O(cells within each class's bound + graduates in them).
  mutating func forEachCandidate(
    near location: Location, isCurrent: (Entry) -> Bool, _ visit: (Int32) -> Void
  ) {
    for reachClass in grids.indices where counts[reachClass] > 0 {
      let grid = grids[reachClass]
      guard let span = grid.span else {
        visitCell(grid.offset, reachClass, location, isCurrent, visit)
        continue
      }
      let (row, column) = Self.cell(location, in: grid)
      for r in max(0, row - span)...min(grid.rows - 1, row + span) {
        for c in max(0, column - span)...min(grid.columns - 1, column + span) {
          let index = grid.offset + r * grid.columns + c
          guard !cells[index].isEmpty else { continue }
          visitCell(index, reachClass, location, isCurrent, visit)
        }
      }
    }
  }

  /// Visits cell `index`'s entries within reach of `location` in arrival order, dropping those
  /// of them that are stale; one pass, compacting in place (the cell is taken out of the array
  /// meanwhile, so it stays uniquely referenced).
  @inline(__always)
  private mutating func visitCell(
    _ index: Int, _ reachClass: Int, _ location: Location, _ isCurrent: (Entry) -> Bool,
    _ visit: (Int32) -> Void
  ) {
    var entries: [Entry] = []
    swap(&entries, &cells[index])
    // One uniqueness check for the cell, not one per entry kept; nothing else can reach
    // `entries` while it is out of `cells`.
    let kept = entries.withUnsafeMutableBufferPointer { buffer in
      var kept = 0
      for position in buffer.indices {
        let entry = buffer[position]
        guard entry.filing == filings[Int(entry.student)] else { continue }
        if location.distanceKm(to: entry.home) <= entry.reachKm {
          guard isCurrent(entry) else { continue }
          visit(entry.student)
        }
        if kept != position { buffer[kept] = entry }
        kept += 1
      }
      return kept
    }
    counts[reachClass] -= entries.count - kept
    entries.removeLast(entries.count - kept)
    swap(&entries, &cells[index])
  }
}
