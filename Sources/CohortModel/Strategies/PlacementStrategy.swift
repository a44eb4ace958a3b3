import SimKernel

/// How a program assigns its students to clinical sites for one rotation.
///
/// A strategy sees the students to place and, for each, the sites with room within the
/// program's placement radius; it calls `request.assign` for the students it places. Capacity
/// is enforced by the request, so a strategy cannot overfill a site. To add one, write a type
/// conforming to this protocol in one file and list it in `PlacementStrategies.all`.
public protocol PlacementStrategy: Sendable {
  /// The name scenarios and `--strategies` use.
  var name: String { get }
  /// One line for `cohortsim help strategies`.
  var summary: String { get }
  func place(_ request: inout PlacementRequest, stream: inout RandomStream)
  /// Whether `place` draws from its stream. False lets the model skip seeding the rotation's
  /// placement stream (mt19937: 624 words); the stream it then gets is a cheap keyed one, so a
  /// strategy that draws after all still draws reproducibly. Defaults to true.
  var drawsFromStream: Bool { get }
}

extension PlacementStrategy {
  public var drawsFromStream: Bool { true }
}

/// A student waiting for a rotation site.
public struct PlacementStudent: Sendable {
  public var student: Int
  public var home: Location
  public var aptitude: Double
  /// Sites and systems of this student's earlier rotations.
  public var previousSites: [Int]
  public var previousSystems: [Int?]
}

/// A site a student could go to.
public struct PlacementOption: Sendable {
  public var site: Int
  public var distanceKm: Double
  /// Its hospital system; nil for an independent site.
  public var system: Int?
  public var expectedOpeningsPerYear: Double
  public var roomLeft: Int
}

/// One rotation's placement problem: students, and the sites with room for each.
///
/// Kept flat for speed (a rotation is placed thousands of times a run): every student's options
/// lie in one array, nearest first, addressed by a range per student; the places left are a
/// table indexed by site; and `assignInOrder` hands `choose` a reused buffer, so placing a
/// student allocates nothing.
public struct PlacementRequest {
  public let students: [PlacementStudent]
  /// The system with the most hosting capacity near the program (nil if none): where a
  /// "concentrate" strategy sends everyone.
  public let programSystem: Int?
  /// The chosen site per student (indexed like `students`), nil when unplaced.
  public private(set) var assignment: [Int?]
  /// Places left at each site, indexed by site (0 or less: none, or not a candidate).
  var room: [Int]
  /// Every student's options, nearest first: student i's are `optionPool[optionRanges[i]]`.
  private(set) var optionPool: [PlacementOption]
  let optionRanges: [Range<Int>]

  /// A request over options already laid out flat (`startRotation`).
  init(
    students: [PlacementStudent], optionPool: [PlacementOption], optionRanges: [Range<Int>], room: [Int],
    programSystem: Int?
  ) {
    self.students = students
    self.optionPool = optionPool
    self.optionRanges = optionRanges
    self.room = room
    self.programSystem = programSystem
    assignment = Array(repeating: nil, count: students.count)
  }

  /// A request from per-student option lists and the places left at each candidate site.
  init(students: [PlacementStudent], options: [[PlacementOption]], room: [Int: Int], programSystem: Int?) {
    var pool: [PlacementOption] = []
    var ranges: [Range<Int>] = []
    for list in options {
      ranges.append(pool.count..<(pool.count + list.count))
      pool.append(contentsOf: list)
    }
    var table = [Int](repeating: 0, count: (room.keys.max() ?? -1) + 1)
    for (site, left) in room { table[site] = left }
    self.init(
      students: students, optionPool: pool, optionRanges: ranges, room: table, programSystem: programSystem)
  }

  /// Hands back the room table, every option's site set to 0 again (a site with no option was
  /// never set), and the option pool emptied with its capacity kept, so the model can lend both
  /// to the next rotation's request. Leaves this request without its option pool or room.
  mutating func recycle() -> (room: [Int], optionPool: [PlacementOption]) {
    var table: [Int] = []
    var pool: [PlacementOption] = []
    swap(&table, &room)
    swap(&pool, &optionPool)
    table.withUnsafeMutableBufferPointer { places in
      for option in pool { places[option.site] = 0 }
    }
    pool.removeAll(keepingCapacity: true)
    return (table, pool)
  }

  /// Places left at `site`.
  @inline(__always)
  func roomLeft(_ site: Int) -> Int { site < room.count ? room[site] : 0 }

  /// Sites with room left for student `index`, nearest first, preferring sites not visited
  /// before (a second rotation at the same site teaches and shows less).
  public func options(for index: Int) -> [PlacementOption] {
    var fresh: [PlacementOption] = []
    var revisits: [PlacementOption] = []
    collectOptions(for: index, fresh: &fresh, revisits: &revisits)
    return fresh.isEmpty ? revisits : fresh
  }

  /// Appends student `index`'s options with room to `fresh` (sites not visited before) and
  /// `revisits`, nearest first, each with its places left now.
  private func collectOptions(
    for index: Int, fresh: inout [PlacementOption], revisits: inout [PlacementOption]
  ) {
    let previous = students[index].previousSites
    for position in optionRanges[index] {
      var option = optionPool[position]
      let left = roomLeft(option.site)
      guard left > 0 else { continue }
      option.roomLeft = left
      if previous.contains(option.site) { revisits.append(option) } else { fresh.append(option) }
    }
  }

  /// Places student `index` at `site`, using one of its places.
  /// - Precondition: the site has room and the student is not yet placed.
  public mutating func assign(_ index: Int, to site: Int) {
    precondition(roomLeft(site) > 0 && assignment[index] == nil, "placement beyond capacity")
    room[site] -= 1
    assignment[index] = site
  }

  /// Places students in `order`, each at the option `choose` picks from those with room.
  public mutating func assignInOrder(_ order: [Int], choose: (Int, [PlacementOption]) -> PlacementOption?) {
    var fresh: [PlacementOption] = []
    var revisits: [PlacementOption] = []
    let widest = optionRanges.reduce(0) { max($0, $1.count) }
    fresh.reserveCapacity(widest)
    revisits.reserveCapacity(widest)
    for index in order {
      fresh.removeAll(keepingCapacity: true)
      revisits.removeAll(keepingCapacity: true)
      collectOptions(for: index, fresh: &fresh, revisits: &revisits)
      if let pick = choose(index, fresh.isEmpty ? revisits : fresh) { assign(index, to: pick.site) }
    }
  }
}

/// The strategies cohortsim knows, by name.
public enum PlacementStrategies {
  public static let all: [any PlacementStrategy] = [
    NearestToHome(), RandomPlacement(), HighestExpectedHiring(), ConcentrateInOneSystem(),
    SpreadAcrossSystems(),
    StrongestToBusiest(),
  ]

  public static var names: [String] { all.map(\.name) }

  /// The name of "each program's own strategy", used when a scenario lists none.
  public static let programDefault = "program-default"

  public static func named(_ name: String) -> (any PlacementStrategy)? { all.first { $0.name == name } }
}
