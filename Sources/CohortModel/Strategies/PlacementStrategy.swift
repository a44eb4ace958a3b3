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
}

/// A student waiting for a rotation site.
public struct PlacementStudent: Sendable {
  public var student: Int
  public var home: Location
  public var aptitude: Double
  /// Sites and systems of this student's earlier rotations.
  public var previousSites: [Int]
  public var previousSystems: [Int]
}

/// A site a student could go to.
public struct PlacementOption: Sendable {
  public var site: Int
  public var distanceKm: Double
  public var system: Int
  public var expectedOpeningsPerYear: Double
  public var roomLeft: Int
}

/// One rotation's placement problem: students, and the sites with room for each.
public struct PlacementRequest {
  public let students: [PlacementStudent]
  /// The system with the most hosting capacity near the program (-1 if none): where a
  /// "concentrate" strategy sends everyone.
  public let programSystem: Int
  /// The chosen site per student (indexed like `students`), -1 when unplaced.
  public private(set) var assignment: [Int]
  /// Places left at each candidate site (only sites some student could go to).
  var room: [Int: Int]
  let options: [[PlacementOption]]

  init(students: [PlacementStudent], options: [[PlacementOption]], room: [Int: Int], programSystem: Int) {
    self.students = students
    self.options = options
    self.room = room
    self.programSystem = programSystem
    assignment = Array(repeating: -1, count: students.count)
  }

  /// Sites with room left for student `index`, nearest first, preferring sites not visited
  /// before (a second rotation at the same site teaches and shows less).
  public func options(for index: Int) -> [PlacementOption] {
    let previous = students[index].previousSites
    var fresh: [PlacementOption] = []
    var revisits: [PlacementOption] = []
    for var option in options[index] where room[option.site, default: 0] > 0 {
      option.roomLeft = room[option.site, default: 0]
      if previous.contains(option.site) { revisits.append(option) } else { fresh.append(option) }
    }
    return fresh.isEmpty ? revisits : fresh
  }

  /// Places student `index` at `site`, using one of its places.
  /// - Precondition: the site has room and the student is not yet placed.
  public mutating func assign(_ index: Int, to site: Int) {
    precondition(room[site, default: 0] > 0 && assignment[index] < 0, "placement beyond capacity")
    room[site, default: 0] -= 1
    assignment[index] = site
  }

  /// Places students in `order`, each at the option `choose` picks from those with room.
  public mutating func assignInOrder(_ order: [Int], choose: (Int, [PlacementOption]) -> PlacementOption?) {
    for index in order {
      let available = options(for: index)
      if let pick = choose(index, available) { assign(index, to: pick.site) }
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
