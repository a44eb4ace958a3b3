import SimKernel

/// Each student goes to the nearest site with room: short commutes, no thought for hiring.
public struct NearestToHome: PlacementStrategy {
  public init() {}
  public var name: String { "nearest-to-home" }
  public var summary: String { "each student to the nearest site with room" }
  public var drawsFromStream: Bool { false }

  public func place(_ request: inout PlacementRequest, stream: inout RandomStream) {
    request.assignInOrder(Array(request.students.indices)) { _, options in options.first }
  }
}
