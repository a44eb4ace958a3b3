import SimKernel
import Testing

@testable import CohortModel

@Suite("placement strategies")
struct PlacementStrategyTests {
  /// Two students; three sites: near and small, middle in system 1, far and busy in system 0.
  func request(previousSystems: [[Int?]] = [[], []]) -> PlacementRequest {
    let students = (0..<2).map { index in
      PlacementStudent(
        student: index, home: Location(xKm: 0, yKm: 0), aptitude: index == 0 ? 0.3 : 0.9, previousSites: [],
        previousSystems: previousSystems[index])
    }
    let sites = [
      PlacementOption(site: 0, distanceKm: 5, system: nil, expectedOpeningsPerYear: 0.2, roomLeft: 1),
      PlacementOption(site: 1, distanceKm: 20, system: 1, expectedOpeningsPerYear: 1.0, roomLeft: 1),
      PlacementOption(site: 2, distanceKm: 40, system: 0, expectedOpeningsPerYear: 2.0, roomLeft: 1),
    ]
    return PlacementRequest(
      students: students, options: [sites, sites], room: [0: 1, 1: 1, 2: 1], programSystem: 0)
  }

  func place(_ strategy: any PlacementStrategy, _ request: PlacementRequest, seed: UInt64 = 3) -> [Int?] {
    var request = request
    var stream = RandomStream(seed: seed)
    strategy.place(&request, stream: &stream)
    return request.assignment
  }

  @Test("nearest-to-home fills the nearest sites in student order")
  func nearest() { #expect(place(NearestToHome(), request()) == [0, 1]) }

  @Test("strongest-to-busiest gives the strongest student the busiest site")
  func strongestToBusiest() { #expect(place(StrongestToBusiest(), request()) == [1, 2]) }

  @Test("concentrate-system sends students to the program's main system first")
  func concentrate() { #expect(place(ConcentrateInOneSystem(), request())[0] == 2) }

  @Test("spread-systems avoids a system the student has rotated in")
  func spread() { #expect(place(SpreadAcrossSystems(), request(previousSystems: [[nil], [1]]))[1] != 1) }

  /// Student 0 has rotated at an independent site: it belongs to no system, so the nearest
  /// independent site (0) is still new to them, and student 1 takes the next.
  @Test("spread-systems counts an independent site as new to every student")
  func spreadIndependent() {
    #expect(place(SpreadAcrossSystems(), request(previousSystems: [[nil], [0]])) == [0, 1])
  }

  /// With no hospital system near the program there is nothing to concentrate in: each student
  /// goes to the nearest site with room, as under nearest-to-home, not to an independent site
  /// whose missing system would match a missing program system.
  @Test("concentrate-system without a program system places nearest first")
  func concentrateWithoutSystem() {
    let student = PlacementStudent(
      student: 0, home: Location(xKm: 0, yKm: 0), aptitude: 0.5, previousSites: [], previousSystems: [])
    let options = [
      PlacementOption(site: 0, distanceKm: 5, system: 0, expectedOpeningsPerYear: 1, roomLeft: 1),
      PlacementOption(site: 1, distanceKm: 10, system: nil, expectedOpeningsPerYear: 1, roomLeft: 1),
    ]
    let noSystem = PlacementRequest(
      students: [student], options: [options], room: [0: 1, 1: 1], programSystem: nil)
    #expect(place(ConcentrateInOneSystem(), noSystem) == [0])
  }

  /// Strongest-to-busiest also fills the two sites with most openings, but always gives the
  /// busiest to the stronger student; nearest-to-home, concentrate-system and random leave one
  /// of the two empty, so only this strategy passes both checks.
  @Test("highest-expected-hiring fills the sites with most expected openings, in random student order")
  func highestExpectedHiring() {
    let assignments = (0..<20).map { place(HighestExpectedHiring(), request(), seed: UInt64($0)) }
    #expect(assignments.allSatisfy { Set($0) == [1, 2] }, "\(assignments)")
    #expect(Set(assignments.map { $0.firstIndex(of: 2) }) == [0, 1], "\(assignments)")
  }

  @Test(
    "no strategy can place more students than a site has room for",
    arguments: PlacementStrategies.all.map(\.name))
  func capacityRespected(name: String) {
    var crowded = request()
    crowded = PlacementRequest(
      students: crowded.students + crowded.students,
      options: Array(repeating: crowded.options(for: 0), count: 4),
      room: [0: 1, 1: 1, 2: 1], programSystem: 0)
    let assignment = place(PlacementStrategies.named(name)!, crowded)
    let placed = assignment.compactMap { $0 }
    #expect(Set(placed).count == placed.count)
    #expect(placed.count == 3)
  }
}

@Suite("placement strategies that say they never draw")
struct NonDrawingStrategyTests {
  /// Four students and four equally near sites with one place each: a strategy that draws (a
  /// random order or a random site) places them differently under different seeds.
  func request() -> PlacementRequest {
    let students = (0..<4).map { index in
      PlacementStudent(
        student: index, home: Location(xKm: 0, yKm: 0), aptitude: 0.5, previousSites: [], previousSystems: [])
    }
    let sites = (0..<4).map { site in
      PlacementOption(site: site, distanceKm: 10, system: nil, expectedOpeningsPerYear: 1, roomLeft: 1)
    }
    return PlacementRequest(
      students: students, options: Array(repeating: sites, count: 4), room: [0: 1, 1: 1, 2: 1, 3: 1],
      programSystem: nil)
  }

  @Test(
    "a strategy with drawsFromStream false places the same whatever stream it is given",
    arguments: PlacementStrategies.all.filter { !$0.drawsFromStream }.map(\.name))
  func sameWithAnyStream(name: String) {
    let strategy = PlacementStrategies.named(name)!
    let assignments = Set(
      (0..<20).map { seed -> [Int?] in
        var placed = request()
        var stream = RandomStream(seed: UInt64(seed))
        strategy.place(&placed, stream: &stream)
        return placed.assignment
      })
    #expect(assignments.count == 1, "\(assignments)")
  }

  @Test("the strategies that draw say so")
  func drawingStrategiesSaySo() {
    let drawing = PlacementStrategies.all.filter(\.drawsFromStream).map(\.name)
    #expect(Set(drawing) == ["random", "highest-expected-hiring"])
  }
}
