import SimKernel

/// Which placement problem a rotation poses: the cohort (its index and size), its program and
/// which of the program's rotations it is.
struct PlacementRound {
  var cohort: Int
  var size: Int
  var program: Int
  var rotation: Int
}

/// Rotation placement, with one owner: how many students each site hosts now, each cohort's
/// nearby sites, the run's strategy, and the scratch tables lent to each request.
///
/// The dispatcher says who waits (`startRotation`: students not withdrawn and not placed by a
/// current-students file, in admission order) and starts each placement; this type finds each
/// waiting student's options, runs the strategy on them and keeps the occupancy the options are
/// measured against.
struct Placement {
  /// The strategy every program uses in this run, or nil for each program's own.
  let strategy: (any PlacementStrategy)?
  /// Students on rotation at each site now: what its `capacity` is compared with.
  private(set) var occupancy: [Int]
  /// Per cohort between its first and last rotation, its students' sites within the placement
  /// radius, nearest first (`NearbyLists`).
  private var nearbyByCohort: [NearbyLists?] = []
  /// Places left per site for the rotation being placed (all zero between placements) and the
  /// pool of its students' options (empty between placements): lent to the `PlacementRequest`
  /// and handed back, so a region of thousands of sites does not fill and copy a table of them,
  /// nor regrow the pool, at every rotation.
  private var roomTable: [Int]
  private var optionScratch: [PlacementOption] = []

  init(strategy: (any PlacementStrategy)?, siteCount: Int) {
    self.strategy = strategy
    occupancy = Array(repeating: 0, count: siteCount)
    roomTable = Array(repeating: 0, count: siteCount)
  }

  /// A student starts a rotation at `site`.
  mutating func arrive(at site: Int) { occupancy[site] += 1 }

  /// A student leaves `site`: the rotation ended, or they withdrew during it.
  mutating func leave(_ site: Int) { occupancy[site] -= 1 }

  /// Places `waiting` (in admission order; `firstStudent` is the cohort's first student) for
  /// `round`, with `listed` students already placed by a current-students file taking their
  /// places first, and returns each waiting student's site (nil: unplaced).
  ///
  /// A student's options are the program's clinical affiliates within its placement radius with a
  /// place left, nearest first (ties by site), each with the site's system and its expected
  /// openings at today's `positions`. The strategy draws from the stream keyed by (cohort,
  /// rotation) and nothing else, so placement moves no other draw.
  mutating func place(
    _ waiting: [PlacementStudent], firstStudent: Int, listed: [(student: Int, site: Int)],
    of round: PlacementRound, world: World, positions: [Int], _ streams: inout RandomStreamBank
  ) -> [Int?] {
    let program = world.programs[round.program]
    let radius = program.placementRadiusKm
    var optionPool = optionScratch
    optionScratch = []
    var optionRanges: [Range<Int>] = []
    // Both taken out while lent to the request, so its writes do not copy them.
    var room = roomTable
    roomTable = []
    assert(room.count == world.sites.count && room.allSatisfy { $0 == 0 } && optionPool.isEmpty)
    if round.cohort >= nearbyByCohort.count {
      nearbyByCohort.append(contentsOf: repeatElement(nil, count: round.cohort + 1 - nearbyByCohort.count))
    }
    // Taken out of the array while in use (so it stays uniquely referenced), put back until the
    // cohort's last rotation: only cohorts between rotations hold their lists.
    var nearby = nearbyByCohort[round.cohort] ?? NearbyLists(ranges: Array(repeating: nil, count: round.size))
    nearbyByCohort[round.cohort] = nil
    for student in waiting {
      let first = optionPool.count
      for near in nearby.sites(
        of: student.student - firstStudent, home: student.home, radiusKm: radius, world)
      {
        let site = Int(near.site)
        guard world.isClinicalAffiliate(site, of: round.program) else { continue }
        let left =
          world.sites[site].capacity - occupancy[site]
          - (listed.isEmpty ? 0 : listed.count { $0.site == site })
        guard left > 0 else { continue }
        room[site] = left
        optionPool.append(
          PlacementOption(
            site: site, distanceKm: near.distanceKm, system: world.sites[site].system,
            expectedOpeningsPerYear: world.demand.expectedOpeningsPerYear(positions: positions[site]),
            roomLeft: left))
      }
      optionRanges.append(first..<optionPool.count)
    }
    if round.rotation + 1 < program.rotations.count { nearbyByCohort[round.cohort] = nearby }
    var request = PlacementRequest(
      students: waiting, optionPool: consume optionPool, optionRanges: optionRanges, room: consume room,
      programSystem: Self.mainSystem(near: program.location, radiusKm: radius, program: round.program, world))
    let strategy = self.strategy ?? PlacementStrategies.named(program.strategy)!
    if strategy.drawsFromStream {
      streams.withStream(seeding: WorldDraw.placementStream(cohort: round.cohort, rotation: round.rotation)) {
        stream in
        strategy.place(&request, stream: &stream)
      }
    } else {
      streams.withStream(WorldDraw.placement(cohort: round.cohort, rotation: round.rotation)) {
        stream in
        strategy.place(&request, stream: &stream)
      }
    }
    (roomTable, optionScratch) = request.recycle()
    return request.assignment
  }

  /// The hospital system with the most hosting capacity for `program` within `radiusKm`, or nil.
  static func mainSystem(near location: Location, radiusKm: Double, program: Int, _ world: World) -> Int? {
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
