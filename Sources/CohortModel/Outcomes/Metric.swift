/// The per-replication figures cohortsim reports, in the order every output lists them.
///
/// The raw values are the column names of `replications.csv` and the `metric` values of
/// `summary.csv`; `definition` is what `cohortsim help metrics` prints and `docs/MODEL.md`
/// expands on.
public enum Metric: String, CaseIterable, Sendable, Codable {
  case placed6m = "placed_6m"
  case placed12m = "placed_12m"
  case credentialed12m = "credentialed_12m"
  case offerOwnSite = "offer_own_site"
  case offerSameSystem = "offer_same_system"
  case offerRecommendation = "offer_recommendation"
  case offerOpenMarket = "offer_open_market"
  case daysToOfferMedian = "days_to_offer_median"
  case daysToOfferKMMedian = "days_to_offer_km_median"
  case contingentRate = "contingent_rate"
  case rescindedRate = "rescinded_rate"
  case relocatedRate = "relocated_rate"
  case openingsPerYear = "openings_per_year"
  case chainOpeningsPerYear = "chain_openings_per_year"
  case positionsGrowth = "positions_growth"
  case timeToFillDaysMean = "time_to_fill_days_mean"
  case unfilledOpeningsShare = "unfilled_openings_share"
  case graduates = "graduates"
  case studentsUnplacedRotations = "rotations_unplaced_share"
  case hiredAtRotationSite = "hired_at_rotation_site"
  case hiredInRotationSystem = "hired_in_rotation_system"
  case placed6mSeeking = "placed_6m_seeking"
  case placed12mSeeking = "placed_12m_seeking"
  case offerAtGraduation = "offer_at_graduation"
  case retention = "retention"
  case spiFirstAttemptPass = "spi_first_attempt_pass"
  case specialtyFirstAttemptPass = "specialty_first_attempt_pass"
  case newHireFirstYearQuit = "new_hire_first_year_quit"
  case notSeeking6m = "not_seeking_6m"

  /// What the figure means, in one or two sentences.
  public var definition: String {
    switch self {
    case .placed6m:
      "Share of graduates working as sonographers (a started job, not rescinded) within 183 days of graduating; graduates with under 183 days of follow-up before the horizon are left out."
    case .placed12m:
      "As placed_6m, within 365 days of graduating: the figure accreditors (JRC-DMS, 75% threshold) track."
    case .credentialed12m:
      "Share of graduates holding the registry credential within 365 days of graduating (JRC-DMS threshold 60%); same follow-up rule."
    case .offerOwnSite:
      "Share of accepted offers (from day 0 of the run) made because the site's staff told a current or recent clinical student of theirs to apply before posting. A graduate whose contingent job was rescinded and who accepts again counts twice."
    case .offerSameSystem:
      "Share of accepted offers made by a site on the word of another site of its hospital system where the student rotated."
    case .offerRecommendation:
      "Share of accepted offers that came through a sonographer's recommendation from a contact site."
    case .offerOpenMarket:
      "Share of accepted offers won on a public posting (even at a former rotation site). The four offer_* shares sum to 1."
    case .daysToOfferMedian:
      "Median days from graduation to the day the accepted offer was made, over graduates with 365 days of follow-up who accepted one within the run (negative: offer before graduating)."
    case .daysToOfferKMMedian:
      "Median days from graduation to an accepted offer over every graduate of the run, the never-hired included: the first day the Kaplan–Meier (Aalen–Johansen) cumulative incidence of an offer reaches one half, follow-up censored at the horizon. NA when fewer than half are ever hired."
    case .contingentRate:
      "Share of accepted offers that were contingent on passing the registry within a window after starting."
    case .rescindedRate:
      "Share of contingent offers rescinded because the credential was not earned in the window."
    case .relocatedRate:
      "Share of accepted offers at a site beyond the graduate's commuting distance from home."
    case .openingsPerYear:
      "Requisitions approved for growth or to replace sonographers leaving the occupation, per simulated year across the region: the BLS notion of openings the demand is seeded from."
    case .chainOpeningsPerYear:
      "Requisitions a year opened by sonographers moving to another site of the region (vacancy chains): job-to-job moves, not among the BLS openings of openings_per_year."
    case .positionsGrowth:
      "Relative change in budgeted sonographer positions from the start to the end of the run."
    case .timeToFillDaysMean:
      "Mean days from a requisition's approval to the day it was filled (a student's acceptance or an outside hire), over requisitions filled by the horizon."
    case .unfilledOpeningsShare:
      "Share of requisitions still unfilled at the horizon."
    case .graduates:
      "Students who graduated during the run."
    case .studentsUnplacedRotations:
      "Share of rotation slots starting from day 0 for which no site had room within the program's placement radius."
    case .hiredAtRotationSite:
      "Accepted offers at a site where the student had rotated by then ÷ accepted offers (from day 0, as the offer_* shares): counted by place whatever the tier, so an open-market hire at a former rotation site counts."
    case .hiredInRotationSystem:
      "Accepted offers at a rotation site or at any site of a hospital system the student rotated in ÷ accepted offers (from day 0); independent sites count only as rotation sites."
    case .placed6mSeeking:
      "Placement as JRCERT and JRC-DMS count it: graduates placed within 183 days ÷ graduates with 183 days of follow-up, less those not placed by then who will not relocate at all (relocation willingness 0 km) or who left the search (nobody does yet). Withdrawn students are not graduates."
    case .placed12mSeeking:
      "As placed_6m_seeking, within 365 days of graduating and over graduates with 365 days of follow-up."
    case .offerAtGraduation:
      "Graduates who had accepted an offer on or before their graduation day ÷ graduates (graduating from day 0 to the horizon)."
    case .retention:
      "Graduates ÷ admitted students, over cohorts whose scheduled graduation falls from day 0 to the horizon (1 until students withdraw)."
    case .spiFirstAttemptPass:
      "Passed first attempts ÷ first attempts at the SPI (the exam named SPI), over first attempts sat from day 0 to the horizon."
    case .specialtyFirstAttemptPass:
      "As spi_first_attempt_pass, for the other exams of pathways that have an SPI (ARDMS specialty exams); ARRT and CCI exams count towards neither."
    case .newHireFirstYearQuit:
      "Graduates who left their first job within 365 days of starting ÷ graduates who started one from day 0 with 365 days of follow-up (0 until new hires leave; NaN without such hires)."
    case .notSeeking6m:
      "Graduates left out of placed_6m_seeking as not actively seeking ÷ graduates with 183 days of follow-up: those not placed within 183 days who will not relocate at all or who left the search. Equals 1 − placed_6m ÷ placed_6m_seeking; programs' published outcomes leave out 0–14%."
    }
  }
}

/// One replication's metrics, indexed by `Metric`. NaN marks a figure with no data (e.g. no
/// graduate had a year of follow-up); the CSVs write it as `NaN` (see `CSVFormat`).
public struct ReplicationMetrics: Sendable, Equatable {
  public var values: [Double]

  public init() { values = Array(repeating: .nan, count: Metric.allCases.count) }

  public subscript(metric: Metric) -> Double {
    get { values[Metric.allCases.firstIndex(of: metric)!] }
    set { values[Metric.allCases.firstIndex(of: metric)!] = newValue }
  }
}
