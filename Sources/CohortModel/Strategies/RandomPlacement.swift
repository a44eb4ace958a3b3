import SimKernel

/// Each student, in random order, to a random site with room within the radius: the
/// no-strategy reference.
public struct RandomPlacement: PlacementStrategy {
  public init() {}
  public var name: String { "random" }
  public var summary: String { "a random site with room within the placement radius" }

  public func place(_ request: inout PlacementRequest, stream: inout RandomStream) {
    request.assignInOrder(shuffled(request.students.count, &stream)) { _, options in
      options.isEmpty ? nil : options[stream.integer(below: options.count)]
    }
  }
}

/// A Fisher–Yates permutation of 0..<count drawn with `gsl_rng_uniform_int`.
func shuffled(_ count: Int, _ stream: inout RandomStream) -> [Int] {
  var order = Array(0..<count)
  for index in stride(from: count - 1, to: 0, by: -1) {
    order.swapAt(index, stream.integer(below: index + 1))
  }
  return order
}
