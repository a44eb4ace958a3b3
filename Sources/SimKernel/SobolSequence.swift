import CGSL

/// GSL's Sobol' low-discrepancy sequence (`gsl_qrng_sobol`, Antonov–Saleev's Gray-code
/// construction with Bratley and Fox's direction numbers), up to 40 dimensions. The sole owner
/// of its `gsl_qrng`, freed once.
///
/// GSL's sequence starts at (½, …, ½): it leaves out the all-zero first point of the
/// construction, so no design point sits on a corner of the cube.
public struct SobolSequence: ~Copyable {
  private let generator: UnsafeMutablePointer<gsl_qrng>
  public let dimensions: Int

  /// - Precondition: `1 ≤ dimensions ≤ 40`.
  public init(dimensions: Int) {
    precondition((1...40).contains(dimensions), "GSL's Sobol' sequence has 1 to 40 dimensions")
    self.dimensions = dimensions
    generator = gsl_qrng_alloc(cohortsim_qrng_sobol(), UInt32(dimensions))!
  }

  deinit { gsl_qrng_free(generator) }

  /// The next point of the sequence, in [0, 1)^dimensions.
  public mutating func next() -> [Double] {
    var point = [Double](repeating: 0, count: dimensions)
    point.withUnsafeMutableBufferPointer { _ = gsl_qrng_get(generator, $0.baseAddress) }
    return point
  }
}
