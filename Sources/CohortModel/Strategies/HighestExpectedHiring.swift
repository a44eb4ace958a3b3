import SimKernel

/// Students, in random order, to the site with the most expected openings a year: rotations as
/// auditions where jobs are likeliest.
public struct HighestExpectedHiring: PlacementStrategy {
  public init() {}
  public var name: String { "highest-expected-hiring" }
  public var summary: String { "each student to the site with the most expected openings a year" }

  public func place(_ request: inout PlacementRequest, stream: inout RandomStream) {
    request.assignInOrder(shuffled(request.students.count, &stream)) { _, options in
      options.max { $0.expectedOpeningsPerYear < $1.expectedOpeningsPerYear }
    }
  }
}
