import CohortModel
import Experiments

/// One outcome the decision box judges strategies on, and how a difference in it is spoken: in
/// graduates per cohort for a share of graduates, in hires per 100 for a share of hires, in days
/// for a time. The order of `all` is the order a program director asks in.
struct DecisionMetric {
  enum Amount {
    /// A share of all graduates: × graduates per cohort.
    case graduates
    /// A share of graduates seeking work: × graduates seeking work per cohort.
    case seekers
    /// A share of hires: × 100.
    case perHundredHires
    case days
  }

  var metric: Metric
  var amount: Amount
  /// Completes "… {n} more {what}" ("graduates per cohort working within 6 months").
  var what: String

  static let all: [DecisionMetric] = [
    DecisionMetric(metric: .placed6m, amount: .graduates, what: "working within 6 months"),
    DecisionMetric(metric: .placed6mSeeking, amount: .seekers, what: "working within 6 months"),
    DecisionMetric(metric: .hiredAtRotationSite, amount: .perHundredHires, what: "at a rotation site"),
    DecisionMetric(metric: .daysToOfferMedian, amount: .days, what: "to an accepted offer (median)"),
    DecisionMetric(metric: .relocatedRate, amount: .perHundredHires, what: "needing a move"),
  ]

  var display: MetricDisplay { metric.display }

  /// Whether a positive difference is the better outcome.
  var higherIsBetter: Bool { display.better != .lower }

  /// What one unit of the metric is worth in the spoken amount, given the run's graduates per
  /// cohort (nil when unknown: then shares of graduates are spoken per 100 graduates).
  func scale(graduatesPerCohort: Double?, seekingShare: Double?) -> Double {
    switch amount {
    case .graduates: graduatesPerCohort ?? 100
    case .seekers: graduatesPerCohort.map { $0 * (seekingShare ?? 1) } ?? 100
    case .perHundredHires: 100
    case .days: 1
    }
  }

  /// "graduates per cohort" / "of every 100 hires" / "days", after the number.
  func unit(graduatesPerCohort: Double?) -> String {
    switch amount {
    case .graduates: graduatesPerCohort == nil ? "of every 100 graduates" : "graduates per cohort"
    case .seekers:
      graduatesPerCohort == nil ? "of every 100 graduates seeking work" : "graduates seeking work per cohort"
    case .perHundredHires: "of every 100 hires"
    case .days: "days"
    }
  }

  /// The direction word for a difference: more/fewer, or later/sooner for days.
  func direction(_ difference: Double) -> String {
    switch amount {
    case .days: difference > 0 ? "later" : "sooner"
    default: difference > 0 ? "more" : "fewer"
    }
  }

  /// "0.3 more graduates per cohort working within 6 months", around the already formatted amount.
  func phrase(_ amount: String, _ difference: Double, graduatesPerCohort: Double?) -> String {
    switch self.amount {
    case .days: "an offer \(amount) days \(direction(difference))"
    default: "\(amount) \(direction(difference)) \(unit(graduatesPerCohort: graduatesPerCohort)) \(what)"
    }
  }
}
