import InputFormats
import SimKernel

/// How many sonographer positions the region has and how many openings its budgets approve.
///
/// Seeded from national figures (BLS: about 5,800 openings a year and about 13% growth over
/// 2024–2034) scaled by the region's share of national employment. The model derives from them
/// the growth rate of positions and the staff-exit rate that makes replacement plus growth
/// openings match the national figure on average (`DerivedDemand`).
public struct DemandParameters: Sendable, Equatable {
  /// Openings a year nationally (BLS OOH, 2024–34 projection): replacement plus growth.
  public var nationalOpeningsPerYear = 5800.0
  /// Relative growth of positions over ten years (BLS OOH: about 13% for 2024–34).
  public var nationalGrowthOverDecade = 0.13
  /// Sonographer positions nationally at the start (estimate for 2024 from BLS 2023's 84,900 and
  /// its projected growth; an assumption).
  public var nationalPositions = 88_000.0
  /// Accredited sonography programs in the nation (row 5): a region that lists its sites holds,
  /// besides its listed programs, about `regionShare ×` this many, the rest generated (Section
  /// 5). 0 switches the generated competitors off.
  public var nationalPrograms = 390.0
  /// The modelled region's share of national employment.
  public var regionShare = 0.01
  /// Length of a budget period in days (a quarter).
  public var budgetPeriodDays = 91.0
  /// Probability that a site has a hiring freeze in a budget period: no requisition is approved
  /// there until a later period without one.
  public var freezeProbability = 0.1
  /// Days from a staff exit, or a budget review that grants growth, to the requisition's approval.
  public var approvalDelayDays = Distribution.uniform(lower: 0, upper: 30)
  /// When growth positions are granted: once a fiscal year (as hospitals budget them) or at
  /// every budget review (the earlier model, kept as the mechanism's off switch).
  public var growthCycle = GrowthCycle.fiscalYear
  /// Month (1–12) the fiscal year starts: growth positions are decided then.
  public var fiscalYearStartMonth = 7
  /// Days from the fiscal year's start to the committee's approval of its growth positions.
  public var growthCommitteeDelayDays = Distribution.uniform(lower: 0, upper: 90)
  /// Probability that a hospital system freezes hiring for a budget period: every site of the
  /// system is held, together (independent site freezes still apply on top).
  public var systemFreezeProbability = 0.05
  /// Whether a system freeze still lets sites replace patient-facing staff who leave (exits and
  /// vacancy chains): it then holds only growth.
  public var systemFreezeExemptsReplacements = true
  /// Probability that an open, unfilled requisition is cancelled when a freeze comes that holds
  /// it: the vacancy waits for the freeze to end and is requested again.
  public var freezeCancelProbability = 0.25

  public init() {}
}

/// How growth positions reach the budgets.
public enum GrowthCycle: String, Sendable, Equatable, CaseIterable {
  /// Once a year at the fiscal year's start, approved after a committee delay.
  case fiscalYear
  /// At every budget review, in proportion to the period's length.
  case budgetPeriod
}

extension DemandParameters: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case nationalOpeningsPerYear, nationalGrowthOverDecade, nationalPositions, regionShare, nationalPrograms
    case budgetPeriodDays, freezeProbability, approvalDelayDays
    case growthCycle, fiscalYearStartMonth, growthCommitteeDelayDays, systemFreezeProbability
    case systemFreezeExemptsReplacements, freezeCancelProbability
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.read(
      &nationalOpeningsPerYear, .nationalOpeningsPerYear,
      Allowed.above(0, atMost: ScenarioLimits.nationalOpenings))
    try reader.read(
      &nationalGrowthOverDecade, .nationalGrowthOverDecade,
      Allowed.within(-0.5, ScenarioLimits.growthOverDecade))
    try reader.read(
      &nationalPositions, .nationalPositions, Allowed.above(0, atMost: ScenarioLimits.nationalPositions))
    try reader.read(
      &nationalPrograms, .nationalPrograms, Allowed.within(0, Double(ScenarioLimits.programs) * 100))
    try reader.read(&regionShare, .regionShare) { (0.000_001...1).contains($0) ? nil : "must be in (0, 1]" }
    try reader.read(&budgetPeriodDays, .budgetPeriodDays) {
      (7...366).contains($0) ? nil : "must be from 7 to 366 days"
    }
    try reader.read(&freezeProbability, .freezeProbability) {
      $0 >= 0 && $0 < 1 ? nil : "must be a probability in [0, 1)"
    }
    try reader.read(&approvalDelayDays, .approvalDelayDays, Allowed.draws(in: 0))
    // More openings a year than positions would have every position turn over several times a
    // year: an event storm no real market has, and a run that does not end.
    if nationalPositions < nationalOpeningsPerYear {
      try decoder.reject(
        "must be at least nationalOpeningsPerYear (\(format(nationalOpeningsPerYear))), got "
          + format(nationalPositions),
        at: CodingKeys.nationalPositions)
    }
    var cycle = growthCycle.rawValue
    try reader.read(&cycle, .growthCycle, Allowed.oneOf(GrowthCycle.allCases.map(\.rawValue)))
    growthCycle = GrowthCycle(rawValue: cycle)!
    try reader.read(&fiscalYearStartMonth, .fiscalYearStartMonth) {
      (1...12).contains($0) ? nil : "must be a month number from 1 to 12"
    }
    try reader.read(&growthCommitteeDelayDays, .growthCommitteeDelayDays, Allowed.draws(in: 0, 365))
    try reader.read(&systemFreezeProbability, .systemFreezeProbability) {
      $0 >= 0 && $0 < 1 ? nil : "must be a probability in [0, 1)"
    }
    try reader.read(&systemFreezeExemptsReplacements, .systemFreezeExemptsReplacements)
    try reader.read(&freezeCancelProbability, .freezeCancelProbability, Allowed.probability)
  }
}

/// Rates the model derives from `DemandParameters`: what `describe` prints.
public struct DerivedDemand: Sendable, Equatable {
  /// Positions in the region at the start.
  public var initialPositions: Double
  /// Openings a year the region should see on average.
  public var openingsPerYear: Double
  /// Continuous growth rate of positions per year: ln(1 + growth over decade) / 10.
  public var growthRatePerYear: Double
  /// Staff exits per position per year, so that exits plus growth average `openingsPerYear`.
  public var exitRatePerYear: Double

  public init(_ demand: DemandParameters) {
    initialPositions = demand.nationalPositions * demand.regionShare
    openingsPerYear = demand.nationalOpeningsPerYear * demand.regionShare
    growthRatePerYear = Foundation_log1p(demand.nationalGrowthOverDecade) / 10
    // Over ten years positions average P0 · (e^{10g} − 1) / (10g); growth adds P0 · G in total.
    let g = growthRatePerYear
    let meanFactor = g == 0 ? 1 : (Foundation_expm1(10 * g)) / (10 * g)
    let growthOpeningsPerYear = initialPositions * demand.nationalGrowthOverDecade / 10
    exitRatePerYear = max(0, openingsPerYear - growthOpeningsPerYear) / (initialPositions * meanFactor)
  }

  /// Expected openings a year at a site of `positions` at the region's rates: what "highest
  /// expected hiring" ranks by (with the site's positions of the day, which growth changes).
  public func expectedOpeningsPerYear(positions: Int) -> Double {
    Double(positions) * (exitRatePerYear + growthRatePerYear)
  }
}
