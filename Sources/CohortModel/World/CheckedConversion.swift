extension Int {
  /// `value` rounded to the nearest whole number and held within `bounds`; NaN gives the lower
  /// bound. `Int(_: Double)` traps on NaN, an infinity or anything beyond ±9.2e18, which a draw
  /// from an unbounded distribution (a lognormal staff size, a Poisson count of applicants) or
  /// a quotient of huge inputs can produce; every such conversion in the model goes through
  /// here, with bounds the scenario limits document (docs/MODEL.md, "Limits").
  init(rounding value: Double, within bounds: ClosedRange<Int>) {
    guard !value.isNaN else {
      self = bounds.lowerBound
      return
    }
    let rounded = value.rounded()
    if rounded <= Double(bounds.lowerBound) {
      self = bounds.lowerBound
    } else if rounded >= Double(bounds.upperBound) {
      self = bounds.upperBound
    } else {
      self = Int(rounded)
    }
  }
}

/// Largest values the model converts draws to, documented in docs/MODEL.md ("Limits").
enum ModelLimits {
  /// Students a site can host at once.
  static let siteCapacity = 1_000
  /// Sonographer positions at one site.
  static let sitePositions = 100_000
  /// Outside applicants for one posting.
  static let externalApplicants = 10_000
}
