/// Turns the end state of a replication into its metrics and per-student outcomes.
extension CohortDynamics {
  /// Follow-up windows for placement, in days after graduation.
  static var sixMonthsDays: Double { 183 }
  static var twelveMonthsDays: Double { 365 }

  func finish(at horizon: Double) -> ReplicationMetrics {
    var metrics = ReplicationMetrics()
    var graduates = 0
    var followed6 = 0
    var placed6 = 0
    var followed12 = 0
    var placed12 = 0
    var credentialed12 = 0
    var daysToOffer: [Double] = []
    for index in students.indices {
      let student = students[index]
      let graduation = student.graduationDay
      // Withdrawn students never graduate: they leave every graduate denominator.
      guard graduation >= 0 && graduation <= horizon, !student.isWithdrawn else { continue }
      graduates += 1
      if graduation + Self.sixMonthsDays <= horizon {
        followed6 += 1
        if student.lifecycle.startDay <= graduation + Self.sixMonthsDays { placed6 += 1 }
      }
      if graduation + Self.twelveMonthsDays <= horizon {
        followed12 += 1
        if student.lifecycle.startDay <= graduation + Self.twelveMonthsDays { placed12 += 1 }
        if student.credentialDay <= graduation + Self.twelveMonthsDays { credentialed12 += 1 }
        let offerDay = student.lifecycle.offerDay
        if !offerDay.isNaN { daysToOffer.append(offerDay - graduation) }
      }
    }
    metrics[.graduates] = Double(graduates)
    metrics[.placed6m] = share(placed6, of: followed6)
    metrics[.placed12m] = share(placed12, of: followed12)
    metrics[.credentialed12m] = share(credentialed12, of: followed12)
    let accepted = counters.acceptedBySource.reduce(0, +)
    for (source, metric) in zip(
      OfferSource.allCases, [Metric.offerOwnSite, .offerSameSystem, .offerRecommendation, .offerOpenMarket])
    {
      metrics[metric] = share(
        counters.acceptedBySource[OfferSource.allCases.firstIndex(of: source)!], of: accepted)
    }
    metrics[.daysToOfferMedian] = median(daysToOffer)
    metrics[.contingentRate] = share(counters.acceptedContingent, of: accepted)
    metrics[.rescindedRate] = share(counters.rescinded, of: counters.acceptedContingent)
    metrics[.relocatedRate] = share(counters.acceptedRelocated, of: accepted)

    var opened = 0
    var occupationalOpenings = 0
    var chainOpenings = 0
    var unfilled = 0
    var fillDays = 0.0
    var filled = 0
    for requisition in requisitions where requisition.approvedDay >= 0 && requisition.approvedDay <= horizon {
      // Openings count what the budgets and moves opened, cancelled or not; a repost requests a
      // cancelled vacancy again and is not a new opening. Fill statistics follow the requisition
      // that was actually searched for: the repost, not the cancelled one.
      if !requisition.isRepost {
        if requisition.isChain { chainOpenings += 1 } else { occupationalOpenings += 1 }
      }
      guard !requisition.isCancelled else { continue }
      opened += 1
      if requisition.isFilled {
        filled += 1
        fillDays += requisition.filledDay - requisition.approvedDay
      } else {
        unfilled += 1
      }
    }
    metrics[.openingsPerYear] = Double(occupationalOpenings) / scenario.years
    metrics[.chainOpeningsPerYear] = Double(chainOpenings) / scenario.years
    let positions = sites.reduce(0) { $0 + $1.positions }
    metrics[.positionsGrowth] =
      counters.initialPositions > 0 ? Double(positions) / Double(counters.initialPositions) - 1 : .nan
    metrics[.timeToFillDaysMean] = filled > 0 ? fillDays / Double(filled) : .nan
    metrics[.unfilledOpeningsShare] = share(unfilled, of: opened)
    metrics[.studentsUnplacedRotations] = share(counters.rotationSlotsUnplaced, of: counters.rotationSlots)
    return metrics
  }

  /// Every student's outcome, in student order.
  func studentOutcomes() -> [StudentOutcome] {
    students.indices.map { index in
      let student = students[index]
      let cohort = cohorts[Int(student.cohort)]
      func known(_ value: Double) -> Double? { value.isNaN ? nil : value }
      let lifecycle = student.lifecycle
      let job = lifecycle.job
      return StudentOutcome(
        student: index, program: world.programs[Int(student.program)].name, intakeYear: cohort.intakeYear,
        graduationDay: student.graduationDay <= scenario.horizonDays && !student.isWithdrawn
          ? student.graduationDay : nil,
        daysFromGraduationToOffer: known(lifecycle.offerDay - student.graduationDay),
        offerSource: job?.source, offerSite: job.map { Int($0.site) },
        contingent: lifecycle.record.everContingent,
        rescinded: lifecycle.record.rescinded, relocated: job?.relocationKm != nil,
        relocationDistanceKm: job?.relocationKm,
        credentialDay: known(student.credentialDay), licenceDay: known(lifecycle.record.licenceDay),
        startDay: known(lifecycle.startDay), rotationSites: student.rotationSites.map(Int.init))
    }
  }
}

func share(_ part: Int, of whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : .nan }

/// The median, or NaN for no values.
func median(_ values: [Double]) -> Double {
  guard !values.isEmpty else { return .nan }
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
