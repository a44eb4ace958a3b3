import SimKernel

/// The strongest students (by aptitude) choose first, each taking the busiest site (most
/// positions' worth of expected openings) with room: a program showcasing its best.
public struct StrongestToBusiest: PlacementStrategy {
  public init() {}
  public var name: String { "strongest-to-busiest" }
  public var summary: String { "strongest students to the busiest sites" }
  public var drawsFromStream: Bool { false }

  public func place(_ request: inout PlacementRequest, stream: inout RandomStream) {
    let order = request.students.indices.sorted {
      (request.students[$0].aptitude, $1) > (request.students[$1].aptitude, $0)
    }
    request.assignInOrder(order) { _, options in
      options.max {
        ($0.expectedOpeningsPerYear, -$0.distanceKm) < ($1.expectedOpeningsPerYear, -$1.distanceKm)
      }
    }
  }
}
