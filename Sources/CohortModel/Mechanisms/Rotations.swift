import Foundation
import SimKernel

/// Clinical rotations: placement by the program's strategy, and the weekly observation that
/// makes a rotation a months-long interview.
extension CohortDynamics {
  mutating func startRotation(
    _ cohortIndex: Int, _ rotation: Int, _ simulation: inout Simulation<CohortEvent>
  ) {
    let cohort = cohorts[cohortIndex]
    let program = world.programs[Int(cohort.program)]
    let radius = program.placementRadiusKm
    var waiting: [PlacementStudent] = []
    var optionPool = optionScratch
    optionScratch = []
    var optionRanges: [Range<Int>] = []
    // Both taken out while lent to the request, so its writes do not copy them.
    var room = roomTable
    roomTable = []
    assert(room.count == world.sites.count && room.allSatisfy { $0 == 0 } && optionPool.isEmpty)
    // Listed students (a warm start) are where the file says; the generated rest of a listed
    // cohort (WarmStart.swift) is placed by the strategy in the room they leave.
    var listedPlacements: [(student: Int, site: Int)] = []
    for index in cohort.firstStudent..<(cohort.firstStudent + cohort.studentCount)
    where !students[index].lifecycle.hasWithdrawn {
      if let site = fixedRotationSite(index, rotation: rotation) { listedPlacements.append((index, site)) }
    }
    if cohortIndex >= nearbyByCohort.count {
      nearbyByCohort.append(contentsOf: repeatElement(nil, count: cohortIndex + 1 - nearbyByCohort.count))
    }
    // Taken out of the array while in use (so it stays uniquely referenced), put back until the
    // cohort's last rotation: only cohorts between rotations hold their lists.
    var nearby =
      nearbyByCohort[cohortIndex] ?? NearbyLists(ranges: Array(repeating: nil, count: cohort.studentCount))
    nearbyByCohort[cohortIndex] = nil
    for index in cohort.firstStudent..<(cohort.firstStudent + cohort.studentCount)
    where !students[index].lifecycle.hasWithdrawn {
      if fixedRotationSite(index, rotation: rotation) != nil { continue }
      let previous = students[index].rotationSites
      waiting.append(
        PlacementStudent(
          student: index, home: students[index].home, aptitude: students[index].aptitude,
          previousSites: previous.map(Int.init), previousSystems: previous.map { world.sites[Int($0)].system }
        ))
      let first = optionPool.count
      for near in nearby.sites(
        of: index - cohort.firstStudent, home: students[index].home, radiusKm: radius, world)
      {
        let site = Int(near.site)
        guard world.isClinicalAffiliate(site, of: Int(cohort.program)) else { continue }
        let left =
          world.sites[site].capacity - occupancy[site]
          - (listedPlacements.isEmpty ? 0 : listedPlacements.count { $0.site == site })
        guard left > 0 else { continue }
        room[site] = left
        optionPool.append(
          PlacementOption(
            site: site, distanceKm: near.distanceKm, system: world.sites[site].system,
            expectedOpeningsPerYear: world.demand.expectedOpeningsPerYear(
              positions: openings.positions[site]),
            roomLeft: left))
      }
      optionRanges.append(first..<optionPool.count)
    }
    if rotation + 1 < program.rotations.count { nearbyByCohort[cohortIndex] = nearby }
    var request = PlacementRequest(
      students: waiting, optionPool: consume optionPool, optionRanges: optionRanges, room: consume room,
      programSystem: mainSystem(near: program.location, radiusKm: radius, program: Int(cohort.program)))
    let strategy = self.strategy ?? PlacementStrategies.named(program.strategy)!
    if strategy.drawsFromStream {
      streams.withStream(seeding: WorldDraw.placementStream(cohort: cohortIndex, rotation: rotation)) {
        stream in
        strategy.place(&request, stream: &stream)
      }
    } else {
      withWorldStream(.placement(cohort: cohortIndex, rotation: rotation)) {
        stream in
        strategy.place(&request, stream: &stream)
      }
    }
    (roomTable, optionScratch) = request.recycle()

    let end = rotationDays(cohortIndex, rotation).end
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
      guard let site = request.assignment[slot] else {
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

  /// The hospital system with the most hosting capacity for `program` within `radiusKm`, or nil.
  func mainSystem(near location: Location, radiusKm: Double, program: Int) -> Int? {
    var capacity = [Int](repeating: 0, count: world.systemCount)
    world.forEachHostingSite(within: radiusKm, of: location) { site, _ in
      if let system = world.sites[site].system, world.isClinicalAffiliate(site, of: program) {
        capacity[system] += world.sites[site].capacity
      }
    }
    guard let best = capacity.indices.max(by: { (capacity[$0], -$0) < (capacity[$1], -$1) }),
      capacity[best] > 0
    else {
      return nil
    }
    return best
  }

  mutating func beginPlacement(
    _ index: Int, at site: Int, until end: Double, _ simulation: inout Simulation<CohortEvent>
  ) {
    occupancy[site] += 1
    students[index].lifecycle.record(.startRotation(site: Int32(site)))
    students[index].rotationEnd = end
    students[index].rotationSites.append(Int32(site))
    if let entry = students[index].impressions.firstIndex(where: { $0.holder == .site(Int32(site)) }) {
      // A returning student starts from what staff still remember, not from the day they left.
      let remembered = impression(of: index, by: .site(Int32(site)), now: simulation.now) ?? 0.5
      students[index].impressions[entry].value = remembered
      students[index].impressions[entry].lastDay = simulation.now
      students[index].impressions[entry].active = true
    } else {
      students[index].impressions.append(
        Impression(holder: .site(Int32(site)), value: 0.5, lastDay: simulation.now, active: true))
      if isStillHirable(index) { lists.add(index, to: .site(Int32(site))) }
    }
    if simulation.now + 7 <= end { simulation.schedule(.clinicalWeek(student: Int32(index)), after: 7) }
    simulation.schedule(
      .rotationEnds(student: Int32(index), site: Int32(site)), at: end, priority: CohortPriority.rotationEnd)
  }

  /// One week on rotation: skill grows along the learning curve; staff observe skill,
  /// reliability and rapport through noise and the student's composure under watch; their
  /// impression moves toward what they saw; now and then a clash sets it back.
  mutating func observeWeek(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard let site = students[index].lifecycle.rotationSite.map(Int.init) else { return }
    let evaluation = scenario.evaluation
    students[index].weeksOfExperience += 1
    let week = Int(students[index].weeksOfExperience)
    let (noise, clashDraw) = withStudentStream(index, .observation(week: week)) { stream in
      (stream.normal(mean: 0, standardDeviation: evaluation.observationNoise), stream.uniform())
    }
    let observed = observedQuality(index) + students[index].composure + noise
    guard let entry = students[index].impressions.firstIndex(where: { $0.holder == .site(Int32(site)) })
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
      students[index].aptitude * (1 - exp(-students[index].weeksOfExperience / evaluation.learningCurveWeeks))
    let total = evaluation.skillWeight + evaluation.reliabilityWeight + evaluation.rapportWeight
    return
      (evaluation.skillWeight * skill + evaluation.reliabilityWeight * students[index].reliability
      + evaluation.rapportWeight * students[index].rapport) / total
  }

  mutating func endRotation(_ index: Int, at site: Int, _ simulation: inout Simulation<CohortEvent>) {
    // A withdrawal ended the rotation and freed its place already (7.1a).
    guard students[index].lifecycle.apply(.endRotation(site: Int32(site))) != .ignored else { return }
    occupancy[site] -= 1
    applyReportedImpression(index, at: site)
    if let entry = students[index].impressions.firstIndex(where: { $0.holder == .site(Int32(site)) }) {
      students[index].impressions[entry].active = false
      students[index].impressions[entry].lastDay = simulation.now
    }
    let evaluation = scenario.evaluation
    // Keyed by the rotation's number in the student's program.
    let rotation = students[index].rotationSites.count
    let (spreads, delay) = withStudentStream(index, .rotationEnd(rotation: rotation)) { stream in
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

/// A site within a student's placement radius, and how far it is from their home.
struct NearbySite {
  var site: Int32
  var distanceKm: Double
}

/// One cohort's students' sites within the placement radius that take students, nearest first
/// (ties by site): found and sorted at a student's first rotation and kept for the cohort's later
/// ones, since neither the home, the program's radius nor the sites move. Dropped after the
/// cohort's last rotation, so memory follows the cohorts in rotation, not every student of the run.
struct NearbyLists {
  var pool: [NearbySite] = []
  /// Per student of the cohort (by position in it): their sites, `pool[range]`; nil until found.
  var ranges: [Range<Int32>?]

  mutating func sites(of member: Int, home: Location, radiusKm: Double, _ world: World) -> ArraySlice<
    NearbySite
  > {
    if let range = ranges[member] { return pool[Int(range.lowerBound)..<Int(range.upperBound)] }
    let first = pool.count
    // Only sites that take students: a site of no capacity is never an option.
    world.forEachHostingSite(within: radiusKm, of: home) { site, distance in
      pool.append(NearbySite(site: Int32(site), distanceKm: distance))
    }
    pool[first...].sort { ($0.distanceKm, $0.site) < ($1.distanceKm, $1.site) }
    ranges[member] = Int32(first)..<Int32(pool.count)
    return pool[first..<pool.count]
  }
}

/// Six decimals: trace details and messages.
func fixed(_ value: Double) -> String { value.isNaN ? "NA" : String(format: "%.6f", value) }
