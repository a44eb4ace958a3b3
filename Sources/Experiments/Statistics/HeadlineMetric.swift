import CohortModel

/// A figure a program director asks about first, with what "better" means for it and, for a
/// share of graduates, how a difference in it reads as graduates per cohort.
///
/// `HeadlineMetric.all` is the one list `run`'s closing table, `compare`'s ranked table and the
/// per-cohort table draw from: a new headline figure is one more entry here.
public struct HeadlineMetric: Sendable {
  public var metric: Metric
  /// True when a larger value is the better outcome (a share placed); false for durations.
  public var higherIsBetter: Bool
  /// For a share of graduates: the graduates it counts, as a phrase ("graduates working within 6
  /// months"), so a difference × cohort size reads "+0.9 graduates working within 6 months per
  /// cohort of 14". Nil when the metric is not a share of graduates (a share of offers, a day
  /// count), where that product would mean nothing.
  public var graduatesPhrase: String?

  public init(_ metric: Metric, higherIsBetter: Bool = true, graduatesPhrase: String? = nil) {
    self.metric = metric
    self.higherIsBetter = higherIsBetter
    self.graduatesPhrase = graduatesPhrase
  }

  /// The headline metrics, in the order tables print them.
  public static let all: [HeadlineMetric] = [
    HeadlineMetric(.placed6m, graduatesPhrase: "graduates working within 6 months"),
    HeadlineMetric(.placed12m, graduatesPhrase: "graduates working within 12 months"),
    HeadlineMetric(.credentialed12m, graduatesPhrase: "graduates credentialed within 12 months"),
    HeadlineMetric(.offerOwnSite),
    HeadlineMetric(.daysToOfferMedian, higherIsBetter: false),
    HeadlineMetric(.daysToOfferKMMedian, higherIsBetter: false),
  ]
}
