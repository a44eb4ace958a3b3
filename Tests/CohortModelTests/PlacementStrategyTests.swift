import SimKernel
import Testing

@testable import CohortModel

@Suite("placement strategies")
struct PlacementStrategyTests {
  /// Two students; three sites: near and small, middle in system 1, far and busy in system 0.
  func request(previousSystems: [[Int]] = [[], []]) -> PlacementRequest {
    let students = (0..<2).map { index in
      PlacementStudent(
        student: index, home: Location(xKm: 0, yKm: 0), aptitude: index == 0 ? 0.3 : 0.9, previousSites: [],
        previousSystems: previousSystems[index])
    }
    let sites = [
      PlacementOption(site: 0, distanceKm: 5, system: -1, expectedOpeningsPerYear: 0.2, roomLeft: 1),
      PlacementOption(site: 1, distanceKm: 20, system: 1, expectedOpeningsPerYear: 1.0, roomLeft: 1),
      PlacementOption(site: 2, distanceKm: 40, system: 0, expectedOpeningsPerYear: 2.0, roomLeft: 1),
    ]
    return PlacementRequest(
      students: students, options: [sites, sites], room: [0: 1, 1: 1, 2: 1], programSystem: 0)
  }

  func place(_ strategy: any PlacementStrategy, _ request: PlacementRequest) -> [Int] {
    var request = request
    var stream = RandomStream(seed: 3)
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
  func spread() { #expect(place(SpreadAcrossSystems(), request(previousSystems: [[-2], [1]]))[1] != 1) }

  @Test("highest-expected-hiring takes the site with most expected openings first")
  func highestExpectedHiring() { #expect(place(HighestExpectedHiring(), request()).contains(2)) }

  @Test(
    "no strategy can place more students than a site has room for",
    arguments: PlacementStrategies.all.map(\.name))
  func capacityRespected(name: String) {
    var crowded = request()
    crowded = PlacementRequest(
      students: crowded.students + crowded.students, options: Array(repeating: crowded.options[0], count: 4),
      room: [0: 1, 1: 1, 2: 1], programSystem: 0)
    let assignment = place(PlacementStrategies.named(name)!, crowded)
    let placed = assignment.filter { $0 >= 0 }
    #expect(Set(placed).count == placed.count)
    #expect(placed.count == 3)
  }
}
