import CohortModel

/// How a metric is shown to a person: its name in words, who it counts and which direction is
/// better. One table for the report, the console tables and (through `cohortsim help metrics
/// --csv`, committed as `notebooks/metric_names.csv`) the notebooks, so a figure is called the same
/// everywhere and no reader meets a column identifier such as `placed_6m_seeking` in a sentence.
public struct MetricDisplay: Sendable, Equatable {
  /// What the metric is a number of, which fixes how a difference between strategies is spoken.
  public enum Scale: String, Sendable {
    /// A share of all graduates: a difference × graduates per cohort is graduates per cohort.
    case shareOfGraduates = "share of graduates"
    /// A share of graduates seeking work (placement as accreditors count it).
    case shareOfSeekers = "share of graduates seeking work"
    /// A share of accepted offers (hires): a difference × 100 is hires per 100.
    case shareOfHires = "share of hires"
    /// Any other share (of requisitions, exam attempts, rotation slots, admitted students).
    case share = "share"
    case days
    case perYear = "per year"
    case relativeChange = "relative change"
    case students
  }

  public enum Better: String, Sendable {
    case higher, lower
    /// Neither direction is a better outcome for graduates (the region's openings, say).
    case neither
  }

  /// A capitalised label for an axis, a table header or a card ("Working within 6 months, all
  /// graduates"); says who is counted.
  public var name: String
  public var scale: Scale
  public var better: Better
}

extension Metric {
  /// The metric's display name, scale and better direction (see `MetricDisplay`).
  public var display: MetricDisplay {
    switch self {
    case .placed6m:
      MetricDisplay(
        name: "Working within 6 months (all graduates)", scale: .shareOfGraduates, better: .higher)
    case .placed12m:
      MetricDisplay(
        name: "Working within 12 months (all graduates)", scale: .shareOfGraduates, better: .higher)
    case .credentialed12m:
      MetricDisplay(name: "Credentialed within 12 months", scale: .shareOfGraduates, better: .higher)
    case .offerOwnSite:
      MetricDisplay(name: "Hires through the own rotation site", scale: .shareOfHires, better: .neither)
    case .offerSameSystem:
      MetricDisplay(
        name: "Hires on the word of the same hospital system", scale: .shareOfHires, better: .neither)
    case .offerRecommendation:
      MetricDisplay(name: "Hires through a recommendation", scale: .shareOfHires, better: .neither)
    case .offerOpenMarket:
      MetricDisplay(name: "Hires on the open market", scale: .shareOfHires, better: .neither)
    case .daysToOfferMedian:
      MetricDisplay(name: "Median days from graduation to an accepted offer", scale: .days, better: .lower)
    case .daysToOfferKMMedian:
      MetricDisplay(
        name: "Median days from graduation to an accepted offer (all graduates)", scale: .days, better: .lower
      )
    case .contingentRate:
      MetricDisplay(name: "Hires contingent on the registry exam", scale: .shareOfHires, better: .neither)
    case .rescindedRate: MetricDisplay(name: "Contingent offers rescinded", scale: .share, better: .lower)
    case .relocatedRate: MetricDisplay(name: "Hires that needed a move", scale: .shareOfHires, better: .lower)
    case .openingsPerYear:
      MetricDisplay(name: "Job openings a year in the region", scale: .perYear, better: .neither)
    case .chainOpeningsPerYear:
      MetricDisplay(name: "Openings a year left by moves between sites", scale: .perYear, better: .neither)
    case .positionsGrowth:
      MetricDisplay(name: "Growth in sonographer positions", scale: .relativeChange, better: .neither)
    case .timeToFillDaysMean:
      MetricDisplay(name: "Mean days to fill an opening", scale: .days, better: .neither)
    case .unfilledOpeningsShare:
      MetricDisplay(name: "Openings unfilled at the end of the run", scale: .share, better: .neither)
    case .graduates: MetricDisplay(name: "Graduates", scale: .students, better: .neither)
    case .studentsUnplacedRotations:
      MetricDisplay(name: "Rotation slots with no site in reach", scale: .share, better: .lower)
    case .hiredAtRotationSite:
      MetricDisplay(name: "Hires at a rotation site", scale: .shareOfHires, better: .higher)
    case .hiredInRotationSystem:
      MetricDisplay(
        name: "Hires at a rotation site or its hospital system", scale: .shareOfHires, better: .higher)
    case .placed6mSeeking:
      MetricDisplay(
        name: "Working within 6 months (graduates seeking work)", scale: .shareOfSeekers, better: .higher)
    case .placed12mSeeking:
      MetricDisplay(
        name: "Working within 12 months (graduates seeking work)", scale: .shareOfSeekers, better: .higher)
    case .offerAtGraduation:
      MetricDisplay(name: "Offer in hand at graduation", scale: .shareOfGraduates, better: .higher)
    case .retention: MetricDisplay(name: "Admitted students who graduate", scale: .share, better: .higher)
    case .spiFirstAttemptPass:
      MetricDisplay(name: "SPI passed at the first attempt", scale: .share, better: .higher)
    case .specialtyFirstAttemptPass:
      MetricDisplay(name: "Specialty exams passed at the first attempt", scale: .share, better: .higher)
    case .newHireFirstYearQuit:
      MetricDisplay(name: "New hires who leave within a year", scale: .share, better: .lower)
    case .notSeeking6m:
      MetricDisplay(
        name: "Graduates not seeking work at 6 months", scale: .shareOfGraduates, better: .neither)
    }
  }
}

extension MetricDisplay {
  /// The display name of a metric column, or the identifier itself for a name that is not a
  /// metric (a sweep's output, a column added later): never a blank.
  public static func name(of identifier: String) -> String {
    Metric(rawValue: identifier)?.display.name ?? timelineNames[identifier] ?? identifier
  }

  /// Display names of `timeline.csv`'s yearly figures (`TimelineMetric.all`), counts in a year.
  public static let timelineNames: [String: String] = [
    "graduates": "Graduates",
    "graduate_hires": "Graduates hired",
    "graduates_searching_at_year_end": "Graduates still searching at the year's end",
    "openings": "Job openings",
    "chain_openings": "Openings left by moves between sites",
    "outside_hires": "Openings filled from outside the programs",
    "unfilled_openings_at_year_end": "Openings unfilled at the year's end",
  ]

  /// `metric,display_name,scale,better`, one row per metric in output order: the table the
  /// notebooks read (committed as `notebooks/metric_names.csv`).
  public static var csv: String {
    var text = "metric,display_name,scale,better\n"
    for metric in Metric.allCases {
      let display = metric.display
      text += "\(metric.rawValue),\(display.name.contains(",") ? "\"\(display.name)\"" : display.name),"
      text += "\(display.scale.rawValue),\(display.better.rawValue)\n"
    }
    return text
  }
}
