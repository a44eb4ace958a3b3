import SimKernel

/// The fixed part of one replication: sites, hospital systems, programs and who-knows-whom.
///
/// Generated from the scenario with the replication's own "world" stream, so every strategy
/// compared in a replication sees the same world (common random numbers), while replications
/// differ as generated regions would.
public struct World: Sendable {
  public var sites: [Site]
  public var systemCount: Int
  public var programs: [ProgramParameters]
  /// Contacts per site (compressed sparse rows): `contacts[contactStart[s]..<contactStart[s+1]]`.
  var contactStart: [Int]
  var contacts: [Int32]
  let spatialIndex: SpatialIndex
  /// The sites that take students (`capacity` > 0), and a spatial index over them alone:
  /// placement looks only at these, and in a region of many small clinics that take no students
  /// most sites are not.
  let hostingSites: [Int32]
  let hostingIndex: SpatialIndex
  public let demand: DerivedDemand
  /// Programs listed in the scenario come first in `programs`; those after are generated.
  let listedProgramCount: Int
  /// Per listed program that names its affiliates (`programs[].affiliates`), whether each site is
  /// one; nil for a program whose affiliates are every listed site.
  let namedAffiliates: [[Bool]?]
  /// Whether the scenario lists sites: then listed programs rotate only at listed sites and
  /// generated programs only at generated ones (`isClinicalAffiliate`).
  let affiliatesAreListed: Bool

  /// Builds the world; `replicationSeed` fixes every draw.
  public init(scenario: Scenario, replicationSeed: UInt64) {
    var stream = RandomStream(
      replicationSeed: replicationSeed, key: StreamKey("world"), algorithm: scenario.generator)
    demand = DerivedDemand(scenario.demand)
    let region = scenario.region
    let listed = scenario.sites ?? []
    sites = listed.map { listing in
      let location = listing.location
      let state = listing.state ?? World.state(at: location, region: region)
      return Site(
        name: listing.name, kind: listing.kind, location: location, state: state,
        system: listing.system,
        positions: listing.staff, capacity: listing.capacity, allowsContingentHires: false,
        requiresLicence: scenario.licensure.requiresLicence(state), origin: .listed)
    }
    let listedSystems = (listed.compactMap(\.system).max() ?? -1) + 1
    let generatesSites = region.generatedSiteCount > 0
    systemCount = generatesSites ? max(region.systems, listedSystems) : listedSystems
    // Clustered regions draw their programs' towns, and which sites cluster around them, from a
    // stream of their own, so a region without clustering draws its world exactly as before.
    var towns = World.ProgramTowns(scenario: scenario, replicationSeed: replicationSeed)
    if generatesSites {
      World.generateSites(
        around: &sites, systemCount: systemCount, scenario: scenario, demand: demand, stream: &stream,
        towns: &towns)
    }
    for index in sites.indices {
      sites[index].allowsContingentHires = stream.chance(scenario.hiring.contingentHireProbability)
    }
    programs = scenario.programs
    listedProgramCount = scenario.programs.count
    let builtSites = sites
    namedAffiliates = scenario.programs.map { program in
      program.affiliates.map { names in builtSites.map { $0.origin == .listed && names.contains($0.name) } }
    }
    affiliatesAreListed = !listed.isEmpty
    if let generated = scenario.generatedPrograms {
      for index in 0..<generated.count {
        var program = generated.template
        program.name = "program-\(index)"
        let location =
          towns?.locations[index]
          ?? {
            let x = stream.uniform() * region.widthKm
            return region.location(xKm: x, yKm: stream.uniform() * region.heightKm)
          }()
        program.xKm = location.xKm
        program.yKm = location.yKm
        program.latitude = location.geodetic?.latitude
        program.longitude = location.geodetic?.longitude
        programs.append(program)
      }
    }
    (contactStart, contacts) = World.buildContacts(
      sites: sites, systemCount: systemCount, network: scenario.network, stream: &stream)
    let width = max(region.widthKm, sites.map(\.location.xKm).max() ?? 0)
    let height = max(region.heightKm, sites.map(\.location.yKm).max() ?? 0)
    spatialIndex = SpatialIndex(
      locations: sites.map(\.location), widthKm: width, heightKm: height, cellKm: 50)
    let built = sites
    let hosting = built.indices.filter { built[$0].capacity > 0 }.map(Int32.init)
    hostingSites = hosting
    hostingIndex = SpatialIndex(
      locations: hosting.map { built[Int($0)].location }, widthKm: width, heightKm: height, cellKm: 50)
  }

  /// The names sites have in every output, in index order: listed sites by their own names,
  /// then generated ones as `kind-number` (`hospital-0`, `imaging_center-3`). They depend on the
  /// scenario only, not on the replication's draws, so a name means the same slot in every
  /// replication.
  public static func siteNames(_ scenario: Scenario) -> [String] {
    (scenario.sites ?? []).map(\.name) + generatedSiteNames(scenario.region)
  }

  /// The names a sites spreadsheet gives systems, by system index; a system without one
  /// (numbered in JSON `sites`, or generated) is called `system-N` in outputs.
  public static func systemNames(_ scenario: Scenario) -> [Int: String] {
    var names: [Int: String] = [:]
    for site in scenario.sites ?? [] {
      if let system = site.system, let name = site.systemName { names[system] = name }
    }
    return names
  }

  /// Generated sites' names, in generation order.
  public static func generatedSiteNames(_ region: RegionParameters) -> [String] {
    region.generatedKinds.flatMap { kind, parameters in
      (0..<parameters.count).map { "\(kind.rawValue)-\($0)" }
    }
  }

  /// Appends the region's generated sites to `sites` (the listed ones, possibly none).
  ///
  /// Hospital systems are regional: each has a home, and a generated site that belongs to one
  /// joins the system whose home is nearest. Every home is drawn, so a region without listed
  /// sites draws exactly as before listing existed; a system with listed sites then has its home
  /// moved to their centre, so generated sites join the listed systems near their sites.
  /// Positions: the region's total (national figures × region share) less the listed sites'
  /// staff is shared among generated sites in proportion to their staff draws, at least one each.
  private static func generateSites(
    around sites: inout [Site], systemCount: Int, scenario: Scenario, demand: DerivedDemand,
    stream: inout RandomStream, towns: inout ProgramTowns?
  ) {
    let region = scenario.region
    let listedCount = sites.count
    var systemHomes = (0..<systemCount).map { _ in
      let x = stream.uniform() * region.widthKm
      return region.location(xKm: x, yKm: stream.uniform() * region.heightKm)
    }
    for system in systemHomes.indices {
      let members = sites.filter { $0.system == system }
      guard !members.isEmpty else { continue }
      let count = Double(members.count)
      systemHomes[system] = region.location(
        xKm: members.reduce(0) { $0 + $1.location.xKm } / count,
        yKm: members.reduce(0) { $0 + $1.location.yKm } / count)
    }
    var staffDraws: [Double] = []
    for (kind, parameters) in region.generatedKinds {
      for index in 0..<parameters.count {
        let x = stream.uniform() * region.widthKm
        let uniform = region.location(xKm: x, yKm: stream.uniform() * region.heightKm)
        let location = towns?.clusteredLocation(region: region) ?? uniform
        let independent = systemCount == 0 || stream.chance(parameters.independentShare)
        let system =
          independent
          ? nil
          : systemHomes.indices.min {
            (systemHomes[$0].distanceKm(to: location), $0) < (systemHomes[$1].distanceKm(to: location), $1)
          }!
        staffDraws.append(max(1, parameters.staff.sample(&stream)))
        let capacity = Int(
          rounding: parameters.capacity.sample(&stream), within: 0...ModelLimits.siteCapacity)
        let state = World.state(at: location, region: region)
        sites.append(
          Site(
            name: "\(kind.rawValue)-\(index)", kind: kind, location: location, state: state, system: system,
            positions: 0, capacity: capacity, allowsContingentHires: false,
            requiresLicence: scenario.licensure.requiresLicence(state), origin: .generated))
      }
    }
    let listedPositions = Double(sites[..<listedCount].reduce(0) { $0 + $1.positions })
    let remaining = max(0, demand.initialPositions - listedPositions)
    let total = staffDraws.reduce(0, +)
    for (offset, draw) in staffDraws.enumerated() {
      sites[listedCount + offset].positions = Int(
        rounding: draw / total * remaining, within: 1...ModelLimits.sitePositions)
    }
  }

  /// The state a point lies in: states divide the region west to east by their shares.
  static func state(at location: Location, region: RegionParameters) -> String {
    let total = region.states.reduce(0) { $0 + $1.share }
    var edge = 0.0
    for state in region.states {
      edge += state.share / total * region.widthKm
      if location.xKm < edge { return state.code }
    }
    return region.states.last?.code ?? "US"
  }

  /// Sonographers' contacts: each pair inside a system with `withinSystemProbability`, a
  /// Poisson number of contacts outside it, plus any listed pairs; symmetric, no duplicates.
  private static func buildContacts(
    sites: [Site], systemCount: Int, network: NetworkParameters, stream: inout RandomStream
  ) -> ([Int], [Int32]) {
    var neighbours = [[Int32]](repeating: [], count: sites.count)
    func link(_ a: Int, _ b: Int) {
      guard a != b, !neighbours[a].contains(Int32(b)) else { return }
      neighbours[a].append(Int32(b))
      neighbours[b].append(Int32(a))
    }
    var members = [[Int]](repeating: [], count: systemCount)
    for (index, site) in sites.enumerated() {
      if let system = site.system { members[system].append(index) }
    }
    for group in members where group.count > 1 {
      for i in 0..<group.count {
        for j in (i + 1)..<group.count where stream.chance(network.withinSystemProbability) {
          link(group[i], group[j])
        }
      }
    }
    if sites.count > 1 && network.crossSystemContactsMean > 0 {
      for index in sites.indices {
        for _ in 0..<(stream.poisson(mean: network.crossSystemContactsMean / 2)) {
          let other = stream.integer(below: sites.count)
          if sites[index].system == nil || sites[other].system != sites[index].system { link(index, other) }
        }
      }
    }
    for pair in network.contacts where pair[0] < sites.count && pair[1] < sites.count {
      link(pair[0], pair[1])
    }
    var start = [0]
    var flat: [Int32] = []
    for list in neighbours {
      flat.append(contentsOf: list.sorted())
      start.append(flat.count)
    }
    return (start, flat)
  }

  /// The sites a site's sonographers know.
  public func contacts(of site: Int) -> ArraySlice<Int32> {
    contacts[contactStart[site]..<contactStart[site + 1]]
  }

  /// Calls `body` with every site within `radiusKm` of `location` and its distance, in the
  /// spatial index's fixed cell order (callers that need another order sort by a total key).
  func forEachSite(within radiusKm: Double, of location: Location, _ body: (Int, Double) -> Void) {
    spatialIndex.forEachCandidate(near: location, radiusKm: radiusKm) { site in
      let distance = sites[site].location.distanceKm(to: location)
      if distance <= radiusKm { body(site, distance) }
    }
  }

  /// Whether `program`'s students may rotate at `site` (7.2): a program places students only at
  /// sites with which it holds a clinical affiliation agreement. In a scenario that lists sites,
  /// those are the affiliates of the listed programs, and the generated sites around them host
  /// only generated programs' students; without listed sites every site hosts every program.
  func isClinicalAffiliate(_ site: Int, of program: Int) -> Bool {
    guard affiliatesAreListed else { return true }
    if program < listedProgramCount, let named = namedAffiliates[program] { return named[site] }
    return (sites[site].origin == .listed) == (program < listedProgramCount)
  }

  /// `forEachSite` restricted to the sites that take students, in the hosting index's cell
  /// order: the same sites and distances as filtering `forEachSite` by capacity.
  func forEachHostingSite(within radiusKm: Double, of location: Location, _ body: (Int, Double) -> Void) {
    hostingIndex.forEachCandidate(near: location, radiusKm: radiusKm) { position in
      let site = Int(hostingSites[position])
      let distance = sites[site].location.distanceKm(to: location)
      if distance <= radiusKm { body(site, distance) }
    }
  }
}
