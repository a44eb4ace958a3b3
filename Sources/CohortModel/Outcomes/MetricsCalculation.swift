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
    var notSeeking6 = 0
    var notSeeking12 = 0
    var offeredByGraduation = 0
    var daysToOffer: [Double] = []
    var waits: [CumulativeIncidence.Ending] = []
    for index in roster.students.indices {
      let student = roster.students[index]
      let graduation = student.graduationDay
      guard graduation >= 0 && graduation <= horizon && !student.lifecycle.hasWithdrawn else { continue }
      if let wait = CumulativeIncidence.offerWait(
        graduationDay: graduation, daysToOffer: student.lifecycle.offerDay.map { $0 - graduation },
        horizon: horizon)
      {
        waits.append(wait)
      }
      graduates += 1
      if let accepted = student.lifecycle.record.firstAcceptedDay, accepted <= graduation {
        offeredByGraduation += 1
      }
      if graduation + Self.sixMonthsDays <= horizon {
        followed6 += 1
        if let start = student.lifecycle.startDay, start <= graduation + Self.sixMonthsDays {
          placed6 += 1
        } else if student.isNotSeeking {
          notSeeking6 += 1
        }
      }
      if graduation + Self.twelveMonthsDays <= horizon {
        followed12 += 1
        if let start = student.lifecycle.startDay, start <= graduation + Self.twelveMonthsDays {
          placed12 += 1
        } else if student.isNotSeeking {
          notSeeking12 += 1
        }
        if let credential = student.lifecycle.record.credentialDay,
          credential <= graduation + Self.twelveMonthsDays
        {
          credentialed12 += 1
        }
        if let offerDay = student.lifecycle.offerDay { daysToOffer.append(offerDay - graduation) }
      }
    }
    metrics[.graduates] = Double(graduates)
    metrics[.placed6m] = share(placed6, of: followed6)
    metrics[.placed12m] = share(placed12, of: followed12)
    metrics[.credentialed12m] = share(credentialed12, of: followed12)
    metrics[.placed6mSeeking] = share(placed6, of: followed6 - notSeeking6)
    metrics[.placed12mSeeking] = share(placed12, of: followed12 - notSeeking12)
    metrics[.notSeeking6m] = share(notSeeking6, of: followed6)
    metrics[.offerAtGraduation] = share(offeredByGraduation, of: graduates)
    metrics[.retention] = retention(at: horizon)
    metrics[.newHireFirstYearQuit] = firstYearQuitShare(at: horizon)
    let accepted = counters.acceptedBySource.reduce(0, +)
    for (source, metric) in zip(
      OfferSource.allCases, [Metric.offerOwnSite, .offerSameSystem, .offerRecommendation, .offerOpenMarket])
    {
      metrics[metric] = share(
        counters.acceptedBySource[OfferSource.allCases.firstIndex(of: source)!], of: accepted)
    }
    metrics[.daysToOfferMedian] = median(daysToOffer)
    metrics[.daysToOfferKMMedian] = waits.isEmpty ? .nan : CumulativeIncidence(waits).quantile(0.5)
    metrics[.contingentRate] = share(counters.acceptedContingent, of: accepted)
    metrics[.rescindedRate] = share(counters.rescinded, of: counters.acceptedContingent)
    metrics[.relocatedRate] = share(counters.acceptedRelocated, of: accepted)
    metrics[.hiredAtRotationSite] = share(counters.acceptedAtRotationSite, of: accepted)
    metrics[.hiredInRotationSystem] = share(counters.acceptedInRotationSystem, of: accepted)
    for (kind, metric) in zip(ExamKind.allCases, [Metric.spiFirstAttemptPass, .specialtyFirstAttemptPass]) {
      let index = ExamKind.allCases.firstIndex(of: kind)!
      metrics[metric] = share(counters.firstAttemptPasses[index], of: counters.firstAttempts[index])
    }

    var opened = 0
    var occupationalOpenings = 0
    var chainOpenings = 0
    var unfilled = 0
    var fillDays = 0.0
    var filled = 0
    for requisition in reportedRequisitions(horizon: horizon) {
      // Openings count what the budgets and moves opened, cancelled or not; a repost requests a
      // cancelled vacancy again and is not a new opening. Fill statistics follow the requisition
      // that was actually searched for: the repost, not the cancelled one.
      if !requisition.isRepost {
        if requisition.isChain { chainOpenings += 1 } else { occupationalOpenings += 1 }
      }
      guard !requisition.isCancelled else { continue }
      opened += 1
      if let filledDay = requisition.filledDay {
        filled += 1
        fillDays += filledDay - requisition.approvedDay
      } else {
        unfilled += 1
      }
    }
    metrics[.openingsPerYear] = Double(occupationalOpenings) / scenario.years
    metrics[.chainOpeningsPerYear] = Double(chainOpenings) / scenario.years
    let positions = openings.positions.reduce(0, +)
    metrics[.positionsGrowth] =
      counters.initialPositions > 0 ? Double(positions) / Double(counters.initialPositions) - 1 : .nan
    metrics[.timeToFillDaysMean] = filled > 0 ? fillDays / Double(filled) : .nan
    metrics[.unfilledOpeningsShare] = share(unfilled, of: opened)
    metrics[.studentsUnplacedRotations] = share(counters.rotationSlotsUnplaced, of: counters.rotationSlots)
    return metrics
  }

  /// Graduates ÷ admitted over the cohorts whose scheduled graduation is in [0, horizon].
  private func retention(at horizon: Double) -> Double {
    var admitted = 0
    var graduated = 0
    for cohort in roster.cohorts where cohort.studentCount > 0 {
      let program = world.programs[Int(cohort.program)]
      let graduation = cohort.admissionDay + program.lengthMonths * Self.daysPerMonth
      guard graduation >= 0 && graduation <= horizon else { continue }
      let members = roster.students[cohort.firstStudent..<cohort.firstStudent + cohort.studentCount]
      admitted += members.count
      graduated += members.filter { !$0.withdrew }.count
    }
    return share(graduated, of: admitted)
  }

  /// Of the graduates who started a job from day 0 with a year of follow-up, the share who left
  /// it within the year.
  private func firstYearQuitShare(at horizon: Double) -> Double {
    var hires = 0
    var quit = 0
    for student in roster.students {
      guard let startDay = student.lifecycle.startDay, startDay >= 0,
        startDay + Self.twelveMonthsDays <= horizon
      else { continue }
      hires += 1
      if let left = student.firstJobLeftDay, left <= startDay + Self.twelveMonthsDays { quit += 1 }
    }
    return share(quit, of: hires)
  }

  /// Every student's outcome, in student order.
  func studentOutcomes() -> [StudentOutcome] {
    roster.students.indices.map { index in
      let student = roster.students[index]
      let cohort = roster.cohorts[Int(student.cohort)]
      let lifecycle = student.lifecycle
      let job = lifecycle.job
      return StudentOutcome(
        student: index, program: world.programs[Int(student.program)].name, intakeYear: cohort.intakeYear,
        graduationDay: student.graduationDay <= scenario.horizonDays && !student.lifecycle.hasWithdrawn
          ? student.graduationDay : nil,
        daysFromGraduationToOffer: lifecycle.offerDay.map { $0 - student.graduationDay },
        offerSource: job?.source, offerSite: job.map { Int($0.site) },
        contingent: lifecycle.record.everContingent,
        rescinded: lifecycle.record.rescinded, relocated: job?.relocationKm != nil,
        relocationDistanceKm: job?.relocationKm,
        credentialDay: lifecycle.record.credentialDay, licenceDay: lifecycle.record.licenceDay,
        startDay: lifecycle.startDay, rotationSites: student.rotationSites.map(Int.init),
        unwillingToRelocate: student.unwillingToRelocate, leftSearch: student.leftSearch,
        studentId: roster.listedStudent(index)?.id)
    }
  }

  /// Every requisition approved from day 0 to the horizon, in approval order: where, when, whether
  /// a vacancy chain opened it, and who filled it by the horizon (a student or graduate of a
  /// modelled program, or an outside hire), for the per-year timeline.
  func requisitionOutcomes(horizon: Double) -> [RequisitionOutcome] {
    reportedRequisitions(horizon: horizon).map { requisition in
      let filledBy: RequisitionOutcome.Filler? =
        switch requisition.lifecycle.state {
        case .filled(let student, let day) where day <= horizon: student == nil ? .outsideHire : .student
        default: nil
        }
      return RequisitionOutcome(
        site: Int(requisition.site), approvedDay: requisition.approvedDay, isChain: requisition.isChain,
        filledDay: filledBy == nil ? nil : requisition.filledDay, filledBy: filledBy,
        cancelledDay: requisition.lifecycle.cancelledDay.flatMap { $0 <= horizon ? $0 : nil })
    }
  }

}

extension CohortDynamics {
  /// The requisitions the metrics and outputs count: approved from day 0 to the horizon, without
  /// the records of listed students' hires (no opening: the hire was made before the run).
  func reportedRequisitions(horizon: Double) -> LazyFilterSequence<[Requisition]> {
    openings.requisitions.lazy.filter {
      $0.approvedDay >= 0 && $0.approvedDay <= horizon && $0.origin != .listedHire
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
