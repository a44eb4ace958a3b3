import CGSL

/// Quantiles of many streams of values in O(1) memory per stream, through GSL's running
/// quantile (`gsl_rstat_quantile_*`).
///
/// GSL implements the P² algorithm of R. Jain and I. Chlamtac ("The P² algorithm for dynamic
/// calculation of quantiles and histograms without storing observations", CACM 28(10), 1985):
/// five markers whose heights are adjusted by piecewise-parabolic interpolation as values
/// arrive. The figures are therefore *estimates*: exact (the interpolated sample quantile, as
/// `gsl_stats_quantile_from_sorted_data` computes it) while a stream has five values or fewer,
/// approximate beyond, and dependent on the order of the values — which is why the runner
/// feeds them in replication order. Storing every value for exact quantiles would make memory
/// grow with the number of replications, which a Monte Carlo run must not.
///
/// Owns one GSL workspace per (stream, probability) and frees each exactly once.
public struct StreamingQuantiles: ~Copyable {
  /// The probabilities estimated for every stream, e.g. [0.1, 0.5, 0.9].
  public let probabilities: [Double]
  /// Workspaces, stream-major: `workspaces[stream * probabilities.count + k]`.
  private let workspaces: [UnsafeMutablePointer<gsl_rstat_quantile_workspace>]
  private var counts: [Int]

  /// Quantile estimators for `streams` streams, each estimating every one of `probabilities`.
  /// - Precondition: every probability is in [0, 1].
  public init(streams: Int, probabilities: [Double]) {
    precondition(
      probabilities.allSatisfy { (0...1).contains($0) }, "quantile probabilities must be in [0, 1]")
    self.probabilities = probabilities
    var workspaces: [UnsafeMutablePointer<gsl_rstat_quantile_workspace>] = []
    workspaces.reserveCapacity(streams * probabilities.count)
    for _ in 0..<streams {
      for probability in probabilities {
        guard let workspace = gsl_rstat_quantile_alloc(probability) else {
          fatalError("out of memory allocating a GSL quantile workspace")
        }
        workspaces.append(workspace)
      }
    }
    self.workspaces = workspaces
    counts = Array(repeating: 0, count: streams)
  }

  deinit {
    for workspace in workspaces { gsl_rstat_quantile_free(workspace) }
  }

  /// Adds `value` to stream `stream`; NaN is ignored.
  /// - Complexity: O(number of probabilities).
  public mutating func add(_ value: Double, to stream: Int) {
    guard !value.isNaN else { return }
    counts[stream] += 1
    let first = stream * probabilities.count
    for index in first..<first + probabilities.count {
      // Returns GSL_SUCCESS unconditionally; nothing to check.
      _ = gsl_rstat_quantile_add(value, workspaces[index])
    }
  }

  /// Values added to `stream` so far.
  public func count(of stream: Int) -> Int { counts[stream] }

  /// The current estimates for `stream`, one per probability; NaN while the stream is empty.
  /// - Complexity: O(number of probabilities).
  public func estimates(for stream: Int) -> [Double] {
    guard counts[stream] > 0 else { return probabilities.map { _ in .nan } }
    let first = stream * probabilities.count
    return (first..<first + probabilities.count).map { gsl_rstat_quantile_get(workspaces[$0]) }
  }
}
