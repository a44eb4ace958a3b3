import SimKernel

/// Each rotation in a hospital system (or independent site) the student has not been to yet,
/// nearest first: many departments see each student, none for long.
public struct SpreadAcrossSystems: PlacementStrategy {
  public init() {}
  public var name: String { "spread-systems" }
  public var summary: String { "each rotation in a system the student has not rotated in yet" }
  public var drawsFromStream: Bool { false }

  public func place(_ request: inout PlacementRequest, stream: inout RandomStream) {
    let students = request.students
    request.assignInOrder(Array(students.indices)) { index, options in
      let seen = students[index].previousSystems
      return options.first { $0.system == nil || !seen.contains($0.system) } ?? options.first
    }
  }
}
