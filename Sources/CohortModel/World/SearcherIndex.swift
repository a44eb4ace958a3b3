/// Searching graduates bucketed by how far they would go and where they live, so a posting
/// looks only at graduates who could take it instead of every graduate in the country.
///
/// Graduates fall into reach classes (commute plus relocation willingness, rounded up to a
/// class bound); each class is a uniform grid of home locations. A posting visits, per class,
/// only the cells within that class's bound. Entries are removed lazily: a cell drops graduates
/// who stopped searching when it is next visited. Visiting order (class, row, column, arrival)
/// is fixed, so the applicants' order — and every draw that follows — is deterministic.
///
/// Each entry carries the graduate's home and indexed reach, so a posting skips those it is too
/// far for without reading their `Student` (in a national run that read is a cache miss per
/// searcher, and most searchers in the wide classes are out of reach of any one posting).
struct SearcherIndex {
  static let reachBoundsKm: [Double] = [100, 200, 400, 800, 1600, 3200, .infinity]
  let cellKm: Double
  let columns: Int
  let rows: Int
  /// Cell lists of every class in one flat array, `cells[class * cellCount + row * columns +
  /// column]`: entries in arrival order. Flat so that pruning a cell in place checks one level
  /// of copy-on-write, not three.
  var cells: [[Entry]]
  let cellCount: Int

  /// Entries per class (including stale ones not yet dropped): empty classes are skipped.
  var counts: [Int]

  /// A graduate and the number of the search they started: a graduate who lost a job and
  /// searches again gets a new entry, and the stale one is dropped rather than counted twice.
  struct Entry {
    var student: Int32
    var search: Int32
    var home: Location
    /// The widest reach the graduate can have in the run (`indexedReachKm`): a posting farther
    /// than this from home can never be theirs.
    var reachKm: Double
  }

  init(widthKm: Double, heightKm: Double, cellKm: Double = 50) {
    self.cellKm = cellKm
    columns = max(1, Int((widthKm / cellKm).rounded(.up)))
    rows = max(1, Int((heightKm / cellKm).rounded(.up)))
    cellCount = columns * rows
    cells = Array(repeating: [], count: cellCount * Self.reachBoundsKm.count)
    counts = Array(repeating: 0, count: Self.reachBoundsKm.count)
  }

  /// A class whose reach spans most of the region keeps one list: walking its cells would cost
  /// more than checking its graduates.
  private func isFlat(_ span: Int) -> Bool { span > min(rows, columns) / 2 }

  private func cell(_ location: Location) -> (row: Int, column: Int) {
    (min(rows - 1, max(0, Int(location.yKm / cellKm))), min(columns - 1, max(0, Int(location.xKm / cellKm))))
  }

  /// Adds a graduate who starts searching.
  /// - Complexity: O(1) amortised.
  mutating func insert(_ student: Int32, search: Int32, home: Location, reachKm: Double) {
    let reachClass = Self.reachBoundsKm.firstIndex { reachKm <= $0 }!
    let (row, column) = cell(home)
    let span =
      Self.reachBoundsKm[reachClass].isFinite
      ? Int((Self.reachBoundsKm[reachClass] / cellKm).rounded(.up)) : Int.max
    let index = isFlat(span) ? 0 : row * columns + column
    cells[reachClass * cellCount + index].append(
      Entry(student: student, search: search, home: home, reachKm: reachKm))
    counts[reachClass] += 1
  }

  /// Calls `visit` for every indexed graduate whose indexed reach covers `location` and for whom
  /// `isCurrent` is true, dropping those for whom it is false (no longer searching, or a stale
  /// search). Entries out of reach are kept unread: a nearer posting drops them if stale.
  /// - Complexity: O(cells within each class's bound + graduates in them).
  mutating func forEachCandidate(
    near location: Location, isCurrent: (Entry) -> Bool, _ visit: (Int32) -> Void
  ) {
    let (row, column) = cell(location)
    for (reachClass, bound) in Self.reachBoundsKm.enumerated() {
      guard counts[reachClass] > 0 else { continue }
      let span = bound.isFinite ? Int((bound / cellKm).rounded(.up)) : max(rows, columns)
      if isFlat(span) {
        // The class reaches the whole region: one list, no cell walk.
        visitCell(reachClass * cellCount, reachClass, location, isCurrent, visit)
        continue
      }
      for r in max(0, row - span)...min(rows - 1, row + span) {
        for c in max(0, column - span)...min(columns - 1, column + span) {
          let index = reachClass * cellCount + r * columns + c
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
    var kept = 0
    for position in entries.indices {
      let entry = entries[position]
      if location.distanceKm(to: entry.home) <= entry.reachKm {
        guard isCurrent(entry) else { continue }
        visit(entry.student)
      }
      entries[kept] = entry
      kept += 1
    }
    counts[reachClass] -= entries.count - kept
    entries.removeLast(entries.count - kept)
    swap(&entries, &cells[index])
  }
}
