import SimKernel

/// Every student to the nearest site of the program's main hospital system, so that the whole
/// system gets to know them; the nearest site of any kind when the system has no room.
public struct ConcentrateInOneSystem: PlacementStrategy {
  public init() {}
  public var name: String { "concentrate-system" }
  public var summary: String { "all rotations inside the program's main hospital system" }
  public var drawsFromStream: Bool { false }

  public func place(_ request: inout PlacementRequest, stream: inout RandomStream) {
    let system = request.programSystem
    request.assignInOrder(Array(request.students.indices)) { _, options in
      options.first { system != nil && $0.system == system } ?? options.first
    }
  }
}
