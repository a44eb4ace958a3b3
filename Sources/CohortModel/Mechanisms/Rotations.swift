import Foundation
import SimKernel

/// Clinical rotations: placement by the program's strategy, and the weekly observation that
/// makes a rotation a months-long interview.
extension CohortDynamics {
  /// Places one rotation of a cohort: students a current-students file places stay where it
  /// says, the rest wait for the strategy (`Placement.place`), in admission order; then each
  /// placement starts.
  mutating func startRotation(
    _ cohortIndex: Int, _ rotation: Int, _ simulation: inout Simulation<CohortEvent>
  ) {
    let cohort = roster.cohorts[cohortIndex]
    let members = cohort.firstStudent..<(cohort.firstStudent + cohort.studentCount)
    // Listed students (a warm start) are where the file says; the generated rest of a listed
    // cohort (WarmStart.swift) is placed by the strategy in the room they leave.
    var listedPlacements: [(student: Int, site: Int)] = []
    var waiting: [PlacementStudent] = []
    for index in members where !roster.students[index].lifecycle.hasWithdrawn {
      if let site = fixedRotationSite(index, rotation: rotation) {
        listedPlacements.append((index, site))
        continue
      }
      let previous = roster.students[index].rotationSites
      waiting.append(
        PlacementStudent(
          student: index, home: roster.students[index].home, aptitude: roster.students[index].aptitude,
          previousSites: previous.map(Int.init), previousSystems: previous.map { world.sites[Int($0)].system }
        ))
    }
    let assignment = placement.place(
      waiting, firstStudent: cohort.firstStudent, listed: listedPlacements,
      of: PlacementRound(
        cohort: cohortIndex, size: cohort.studentCount, program: Int(cohort.program), rotation: rotation),
      world: world, positions: openings.positions, &streams)

    let end = roster.rotationDays(cohortIndex, rotation).end
    let counted = simulation.now >= 0
    for (student, site) in listedPlacements {
      if counted { counters.rotationSlots += 1 }
      beginPlacement(student, at: site, until: end, &simulation)
      trace(
        simulation.now, "rotation_start", student: student, site: site,
        "rotation=\(rotation + 1) site=\(world.sites[site].name) listed")
    }
    for (slot, placed) in waiting.enumerated() {
      if counted { counters.rotationSlots += 1 }
      guard let site = assignment[slot] else {
        if counted { counters.rotationSlotsUnplaced += 1 }
        trace(simulation.now, "rotation_unplaced", student: placed.student, "rotation=\(rotation + 1)")
        continue
      }
      beginPlacement(placed.student, at: site, until: end, &simulation)
      trace(
        simulation.now, "rotation_start", student: placed.student, site: site,
        "rotation=\(rotation + 1) site=\(world.sites[site].name)")
    }
  }

  mutating func beginPlacement(
    _ index: Int, at site: Int, until end: Double, _ simulation: inout Simulation<CohortEvent>
  ) {
    placement.arrive(at: site)
    let firstMeeting = roster.startObservation(index, at: site, until: end, now: simulation.now)
    if firstMeeting && isStillHirable(index) { lists.add(index, to: .site(Int32(site))) }
    if simulation.now + 7 <= end { simulation.schedule(.clinicalWeek(student: Int32(index)), after: 7) }
    simulation.schedule(
      .rotationEnds(student: Int32(index), site: Int32(site)), at: end, priority: CohortPriority.rotationEnd)
  }

  mutating func endRotation(_ index: Int, at site: Int, _ simulation: inout Simulation<CohortEvent>) {
    // A withdrawal ended the rotation and freed its place already (7.1a).
    guard roster.students[index].lifecycle.apply(.endRotation(site: Int32(site))) != .ignored else { return }
    placement.leave(site)
    roster.endObservation(index, at: site, &streams, &simulation)
  }
}

/// Weekly observation: what staff see of a student on rotation, and what they keep.
extension Roster {
  /// The student starts a rotation at `site` until `end`: staff start observing them, from what
  /// they still remember of a returning student. Returns whether the site's staff meet them for
  /// the first time (the dispatcher then puts a hirable student on the site's list).
  mutating func startObservation(_ index: Int, at site: Int, until end: Double, now: Double) -> Bool {
    students[index].lifecycle.record(.startRotation(site: Int32(site)))
    students[index].rotationEnd = end
    students[index].rotationSites.append(Int32(site))
    if let entry = students[index].impressions.firstIndex(where: { $0.holder == .site(Int32(site)) }) {
      // A returning student starts from what staff still remember, not from the day they left.
      let remembered = impression(of: index, by: .site(Int32(site)), now: now) ?? 0.5
      students[index].impressions[entry].value = remembered
      students[index].impressions[entry].lastDay = now
      students[index].impressions[entry].active = true
      return false
    }
    students[index].impressions.append(
      Impression(holder: .site(Int32(site)), value: 0.5, lastDay: now, active: true))
    return true
  }

  /// One week on rotation: skill grows along the learning curve; staff observe skill,
  /// reliability and rapport through noise and the student's composure under watch; their
  /// impression moves toward what they saw; now and then a clash sets it back.
  mutating func observeWeek(
    _ index: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    guard let site = students[index].lifecycle.rotationSite.map(Int.init) else { return }
    let evaluation = scenario.evaluation
    students[index].weeksOfExperience += 1
    let week = Int(students[index].weeksOfExperience)
    let (noise, clashDraw) = withStudentStream(index, .observation(week: week), &streams) { stream in
      (stream.normal(mean: 0, standardDeviation: evaluation.observationNoise), stream.uniform())
    }
    let observed = observedQuality(index) + students[index].composure + noise
    guard
      let entry = students[index].impressions.firstIndex(where: { $0.holder == .site(Int32(site)) })
    else {
      return
    }
    let before = students[index].impressions[entry].value
    var value = min(1, max(0, before + evaluation.learningRate * (observed - before)))
    if clashDraw < evaluation.clashProbabilityPerWeek * (1 - students[index].rapport) {
      value = max(0, value - evaluation.clashPenalty)
      trace(simulation.now, "clash", student: index, site: site, "impression=\(fixed(value))")
    }
    students[index].impressions[entry].value = value
    students[index].impressions[entry].lastDay = simulation.now
    let threshold = scenario.hiring.strongImpressionThreshold
    if before <= threshold && value > threshold {
      trace(simulation.now, "noticed", student: index, site: site, "impression=\(fixed(value))")
    }
    if simulation.now + 7 <= students[index].rotationEnd {
      simulation.schedule(.clinicalWeek(student: Int32(index)), after: 7)
    }
  }

  /// What staff would rate the student this week, before noise: weighted skill, reliability and
  /// rapport on a 0–1 scale. Skill follows a learning curve toward aptitude.
  func observedQuality(_ index: Int) -> Double {
    let evaluation = scenario.evaluation
    let skill =
      students[index].aptitude
      * (1 - exp(-students[index].weeksOfExperience / evaluation.learningCurveWeeks))
    let total = evaluation.skillWeight + evaluation.reliabilityWeight + evaluation.rapportWeight
    return
      (evaluation.skillWeight * skill + evaluation.reliabilityWeight * students[index].reliability
      + evaluation.rapportWeight * students[index].rapport) / total
  }

  /// The end of a rotation as staff see it: a reported impression (warm start) replaces the
  /// built one, staff stop observing, and word of the student may spread through the site's
  /// system after a delay.
  mutating func endObservation(
    _ index: Int, at site: Int, _ streams: inout RandomStreamBank,
    _ simulation: inout Simulation<CohortEvent>
  ) {
    applyReportedImpression(index, at: site)
    if let entry = students[index].impressions.firstIndex(where: { $0.holder == .site(Int32(site)) }) {
      students[index].impressions[entry].active = false
      students[index].impressions[entry].lastDay = simulation.now
    }
    let evaluation = scenario.evaluation
    // Keyed by the rotation's number in the student's program.
    let rotation = students[index].rotationSites.count
    let (spreads, delay) = withStudentStream(index, .rotationEnd(rotation: rotation), &streams) { stream in
      (stream.chance(evaluation.spreadProbability), evaluation.spreadDelayDays.sample(&stream))
    }
    trace(
      simulation.now, "rotation_end", student: index, site: site,
      "impression=\(fixed(impression(of: index, by: .site(Int32(site)), now: simulation.now) ?? .nan))")
    if spreads && world.sites[site].system != nil {
      simulation.schedule(.reputationSpreads(student: Int32(index), site: Int32(site)), after: delay)
    }
  }
}

/// Six decimals: trace details and messages.
func fixed(_ value: Double) -> String { value.isNaN ? "NA" : String(format: "%.6f", value) }
