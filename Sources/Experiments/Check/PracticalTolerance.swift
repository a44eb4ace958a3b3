import CohortModel

/// How large a difference in a metric must be to matter, whatever the test says: with enough
/// replications a test finds differences too small for anyone to act on. A metric has moved
/// only when the difference is both significant and larger than `threshold`.
///
/// - Shares (placed_*, credentialed_12m, the offer_* shares, the *_rate and *_share figures,
///   positions_growth, hired_*, retention, the first-attempt pass rates, new_hire_first_year_quit): 0.01
///   absolute, one percentage point.
/// - Days (days_to_offer_median, days_to_offer_km_median, time_to_fill_days_mean): 2% of the baseline
///   mean, at least one
///   day.
/// - Counts (openings_per_year, chain_openings_per_year, graduates): 2% of the baseline mean.
public struct PracticalTolerance: Sendable, Equatable {
  /// Differences up to this are ignored…
  public var absolute: Double
  /// …or up to this fraction of the baseline mean's size, whichever is larger.
  public var relative: Double

  public init(absolute: Double, relative: Double) {
    self.absolute = absolute
    self.relative = relative
  }

  /// The largest difference from `baselineMean` that does not count as a move.
  public func threshold(baselineMean: Double) -> Double {
    max(absolute, relative * (baselineMean.isFinite ? abs(baselineMean) : 0))
  }

  /// The tolerance for `metric`.
  public static func of(_ metric: Metric) -> PracticalTolerance {
    // Exhaustive on purpose: a new metric must be given its kind of tolerance here.
    switch metric {
    case .daysToOfferMedian, .daysToOfferKMMedian, .timeToFillDaysMean:
      PracticalTolerance(absolute: 1, relative: 0.02)
    case .openingsPerYear, .chainOpeningsPerYear, .graduates:
      PracticalTolerance(absolute: 0, relative: 0.02)
    case .placed6m, .placed12m, .credentialed12m, .offerOwnSite, .offerSameSystem, .offerRecommendation,
      .offerOpenMarket, .contingentRate, .rescindedRate, .relocatedRate, .positionsGrowth,
      .unfilledOpeningsShare,
      .studentsUnplacedRotations, .hiredAtRotationSite, .hiredInRotationSystem, .placed6mSeeking,
      .placed12mSeeking, .offerAtGraduation, .retention, .spiFirstAttemptPass, .specialtyFirstAttemptPass,
      .newHireFirstYearQuit, .notSeeking6m:
      PracticalTolerance(absolute: 0.01, relative: 0)
    }
  }
}
