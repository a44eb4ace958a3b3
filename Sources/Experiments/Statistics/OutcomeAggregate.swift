import CohortModel

/// One row of `time_to_offer.csv`: the mean over replications of each replication's
/// cumulative incidence of an accepted offer by `day` days after graduation, with the t-based
/// 95% interval over replications (clipped to [0, 1]).
public struct OfferCurvePoint: Sendable, Equatable {
  public var strategy: String
  public var day: Int
  public var probability: Double
  public var low: Double
  public var high: Double
}

/// One row of `cohorts.csv` or `timeline.csv`: a figure's distribution over replications.
public struct GroupSummary: Sendable, Equatable {
  public var strategy: String
  /// The program and intake year for a cohort row; nil program for a timeline row.
  public var program: String?
  /// The intake year (cohorts) or the calendar year (timeline).
  public var year: Int
  public var metric: String
  public var moments: RunningMoments
}

/// The over-time outcomes of a run, replication by replication: for each strategy, the moments
/// of the time-to-offer curve on each day, of each cohort's figures and of each calendar year's.
/// Its size depends on the strategies, cohorts and years, never on the replications. Fed in
/// replication order, like `ExperimentAggregate`.
public struct OutcomeAggregate: Sendable {
  public let strategies: [String]
  public let startYear: Int
  private var curve: [[RunningMoments]]
  private var cohorts: [[CohortKey: [RunningMoments]]]
  private var timeline: [[[RunningMoments]]]
  private var cohortSize = RunningMoments()

  private struct CohortKey: Hashable, Comparable {
    var program: String
    var intakeYear: Int
    static func < (a: CohortKey, b: CohortKey) -> Bool {
      (a.program, a.intakeYear) < (b.program, b.intakeYear)
    }
  }

  public init(strategies: [String], startYear: Int) {
    self.strategies = strategies
    self.startYear = startYear
    curve = strategies.map { _ in
      Array(repeating: RunningMoments(), count: ReplicationOutcomes.curveDays.count)
    }
    cohorts = strategies.map { _ in [:] }
    timeline = strategies.map { _ in [] }
  }

  /// Adds one replication: its outcomes under each strategy, in `strategies` order.
  public mutating func add(_ replication: [ReplicationOutcomes]) {
    precondition(replication.count == strategies.count, "one set of outcomes per strategy")
    for (strategy, outcomes) in replication.enumerated() {
      for (day, value) in outcomes.offerCurve.enumerated() { curve[strategy][day].add(value) }
      for cohort in outcomes.cohorts {
        let key = CohortKey(program: cohort.program, intakeYear: cohort.intakeYear)
        var moments =
          cohorts[strategy][key] ?? Array(repeating: RunningMoments(), count: CohortMetric.all.count)
        for (index, value) in cohort.values.enumerated() { moments[index].add(value) }
        cohorts[strategy][key] = moments
      }
      while timeline[strategy].count < outcomes.timeline.count {
        timeline[strategy].append(Array(repeating: RunningMoments(), count: TimelineMetric.all.count))
      }
      for (year, values) in outcomes.timeline.enumerated() {
        for (index, value) in values.enumerated() { timeline[strategy][year][index].add(value) }
      }
      if !outcomes.cohorts.isEmpty {
        let graduates = outcomes.cohorts.reduce(0.0) { $0 + $1.values[0] }
        cohortSize.add(graduates / Double(outcomes.cohorts.count))
      }
    }
  }

  /// Graduates per cohort with at least one graduate, averaged over cohorts of each replication
  /// and strategy, then over those; nil with no graduate at all.
  public var meanCohortSize: Double? { cohortSize.count > 0 ? cohortSize.mean : nil }

  /// The rows of `time_to_offer.csv`, strategy by strategy, day by day.
  public func offerCurve() -> [OfferCurvePoint] {
    strategies.indices.flatMap { strategy in
      ReplicationOutcomes.curveDays.map { day in
        let moments = curve[strategy][day]
        let interval = moments.confidenceInterval()
        // NaN stays NaN (min/max would turn it into a bound).
        func clipped(_ end: Double) -> Double { end.isNaN ? end : min(max(end, 0), 1) }
        return OfferCurvePoint(
          strategy: strategies[strategy], day: day, probability: moments.mean, low: clipped(interval.low),
          high: clipped(interval.high))
      }
    }
  }

  /// The rows of `cohorts.csv`: strategy, then program and intake year, then `CohortMetric.all`.
  public func cohortSummaries() -> [GroupSummary] {
    strategies.indices.flatMap { strategy in
      cohorts[strategy].keys.sorted().flatMap { key in
        CohortMetric.all.indices.map { metric in
          GroupSummary(
            strategy: strategies[strategy], program: key.program, year: key.intakeYear,
            metric: CohortMetric.all[metric].name, moments: cohorts[strategy][key]![metric])
        }
      }
    }
  }

  /// The rows of `timeline.csv`: strategy, then calendar year, then `TimelineMetric.all`,
  /// leaving out a figure no replication had (a requisition figure the model did not report).
  public func timelineSummaries() -> [GroupSummary] {
    strategies.indices.flatMap { strategy in
      timeline[strategy].indices.flatMap { year in
        TimelineMetric.all.indices.filter { timeline[strategy][year][$0].count > 0 }.map { metric in
          GroupSummary(
            strategy: strategies[strategy], program: nil, year: startYear + year,
            metric: TimelineMetric.all[metric].name, moments: timeline[strategy][year][metric])
        }
      }
    }
  }
}
