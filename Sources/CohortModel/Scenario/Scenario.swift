import Foundation
import InputFormats
import SimKernel

/// Everything one simulated world needs: geography, demand, programs, students, mechanisms.
///
/// Decoded from JSON in `Scenarios/`. Every field but `name` and `programs` has a documented
/// default (docs/MODEL.md); unknown keys are errors, so a misspelt field cannot silently fall
/// back to its default.
public struct Scenario: Sendable, Equatable {
  public var name = ""
  public var description = ""
  /// Replications a run makes unless `--replications` says otherwise.
  public var replications = 100
  /// Master seed unless `--seed` says otherwise.
  public var seed: UInt64 = 1
  /// Calendar year the run starts (1 January).
  public var startYear = 2024
  /// Years simulated.
  public var years = 10.0
  /// Placement strategies `run` simulates, each under common random numbers; empty: each
  /// program's own `strategy`.
  public var strategies: [String] = []
  public var generator = GeneratorAlgorithm.mt19937
  public var demand = DemandParameters()
  public var region = RegionParameters()
  /// Sites listed explicitly, as a program director knows them. The region's generated kinds
  /// (`region.hospitals`, …) are added around them; in a file that lists sites, a kind the
  /// `region` does not mention generates none, so listing sites alone means "these are all".
  public var sites: [SiteListing]?
  /// The spreadsheet `sitesCsv` names, whose rows were appended to `sites`.
  public var sitesSpreadsheet: SitesSpreadsheet?
  public var network = NetworkParameters()
  public var programs: [ProgramParameters] = []
  /// Programs generated from a template, in addition to those listed.
  public var generatedPrograms: GeneratedPrograms?
  public var students = StudentParameters()
  public var evaluation = EvaluationParameters()
  public var hiring = HiringParameters()
  /// Pathways by key, in addition to the built-in `ardms`, `arrt` and `cci`.
  public var credentialPathways: [String: CredentialPathway] = [:]
  public var licensure = LicensureParameters()
  /// A program director's current students (`--current-students`): set by the command line,
  /// never read from the scenario file. Nil: every cohort is generated.
  public var currentStudents: CurrentStudents?
  /// The revision of the model's defaults the file was written against (`ModelDefaults`); nil:
  /// before the first, so it is told of every default that changed since.
  public var modelDefaults: String?

  public init() {}

  /// The last simulated day.
  public var horizonDays: Double { years * 365.25 }

  /// The pathway a program names, built-in or declared.
  public func pathway(named key: String) -> CredentialPathway? {
    credentialPathways[key] ?? CredentialPathway.builtIn[key]
  }

  /// The strategies a run simulates: the scenario's list, or the programs' own when it is empty.
  public var strategiesToRun: [String] {
    strategies.isEmpty ? [PlacementStrategies.programDefault] : strategies
  }
}

extension Scenario: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, description, replications, seed, startYear, years, strategies, generator, demand, region, sites
    case sitesCsv, network, programs, generatedPrograms, students, evaluation, hiring, credentialPathways,
      licensure, modelDefaults
    /// A JSON Schema reference for editors; not read.
    case schema = "$schema"
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let reader = try FieldReader(decoder, CodingKeys.self)
    try reader.require(&name, .name) { name in
      name.isEmpty || name.contains("/") || name.hasPrefix(".")
        ? "must be a non-empty file-name-safe word"
        : name.utf8.count > ScenarioLimits.nameBytes
          ? "must be at most \(ScenarioLimits.nameBytes) bytes long (it names the results folder; this one has "
            + "\(name.utf8.count))" : nil
    }
    try reader.read(&description, .description)
    try reader.read(&modelDefaults, .modelDefaults) { revision in
      revision.map { ModelDefaults.revisions.contains($0) }.map {
        $0
          ? nil
          : "must be one of: \(ModelDefaults.revisions.joined(separator: ", ")) (the revision of the defaults the scenario was written against)"
      } ?? nil
    }
    try reader.read(&replications, .replications) {
      (1...10_000_000).contains($0) ? nil : "must be from 1 to 10000000"
    }
    try reader.read(&seed, .seed)
    try reader.read(&startYear, .startYear) { (1900...2200).contains($0) ? nil : "must be a calendar year" }
    try reader.read(&years, .years) { (0.25...100).contains($0) ? nil : "must be from 0.25 to 100 years" }
    try reader.read(&strategies, .strategies) { list in
      list.allSatisfy(PlacementStrategies.names.contains) && Set(list).count == list.count
        ? nil : "must list distinct strategies among \(PlacementStrategies.names.joined(separator: ", "))"
    }
    try reader.read(&generator, .generator)
    try reader.read(&demand, .demand)
    try reader.read(&region, .region)
    try reader.read(&sites, .sites) {
      ($0?.isEmpty ?? false) ? "must list at least one site, or be omitted to generate sites" : nil
    }
    let jsonSiteCount = sites?.count ?? 0
    var sitesCsv: String?
    try reader.read(&sitesCsv, .sitesCsv) { path in
      (path ?? "x").isEmpty ? "must name a CSV file, relative to the scenario file" : nil
    }
    if sites != nil || sitesCsv != nil { try onlyGivenKindsAround(sites ?? [], decoder: decoder) }
    if let sitesCsv { try appendSpreadsheet(sitesCsv, decoder: decoder) }
    try inferStates(decoder: decoder)
    if let listed = sites { try onlyGivenKindsAround(listed, decoder: decoder) }
    try reader.read(&network, .network)
    try reader.read(&programs, .programs)
    try reader.read(&generatedPrograms, .generatedPrograms)
    if programs.isEmpty && generatedPrograms == nil {
      try decoder.reject("a scenario needs programs: list them in \"programs\" or give \"generatedPrograms\"")
    }
    addCompetingPrograms()
    try placeOnGlobe(jsonSiteCount: jsonSiteCount, decoder: decoder)
    try reader.read(&students, .students)
    try reader.read(&evaluation, .evaluation)
    try reader.read(&hiring, .hiring)
    try reader.read(&credentialPathways, .credentialPathways)
    try reader.read(&licensure, .licensure)
    try checkCrossReferences(decoder)
  }

  /// A region that lists its sites is a director's own region: other programs train students
  /// there too and their graduates compete for its jobs. Unless the scenario generates programs
  /// itself, it gets `round(regionShare × nationalPrograms − listed programs)` generated ones
  /// (none when that is below 1), with the listed programs' first intake years and every other
  /// field at its default: their students rotate only at generated sites (7.2).
  private mutating func addCompetingPrograms() {
    guard let listed = sites, !listed.isEmpty, generatedPrograms == nil, !programs.isEmpty else { return }
    let expected = demand.regionShare * demand.nationalPrograms - Double(programs.count)
    let count = Int(min(expected, Double(ScenarioLimits.programs)).rounded())
    guard count >= 1 else { return }
    var generated = GeneratedPrograms()
    generated.count = count
    generated.template.intakeYears = programs[0].intakeYears
    generatedPrograms = generated
  }

  /// With listed sites, the region generates only the kinds it names (`hospitals`,
  /// `imagingCenters`, `clinics`), and has as many systems as the listed sites use unless
  /// `region.systems` says more. Without listed sites every kind keeps its default count.
  private mutating func onlyGivenKindsAround(_ listed: [SiteListing], decoder: any Decoder) throws {
    typealias Keys = RegionParameters.CodingKeys
    let top = try decoder.container(keyedBy: CodingKeys.self)
    let given: (Keys) -> Bool = { key in
      guard top.contains(.region), let region = try? top.nestedContainer(keyedBy: Keys.self, forKey: .region)
      else { return false }
      return region.contains(key)
    }
    if !given(.hospitals) { region.hospitals.count = 0 }
    if !given(.imagingCenters) { region.imagingCenters.count = 0 }
    if !given(.clinics) { region.clinics.count = 0 }
    let listedSystems = (listed.compactMap(\.system).max() ?? -1) + 1
    if !given(.systems) { region.systems = listedSystems }
  }

  /// Whether the scenario's `region` object gives `key`.
  private func regionGives(_ key: RegionParameters.CodingKeys, _ decoder: any Decoder) -> Bool {
    guard let top = try? decoder.container(keyedBy: CodingKeys.self),
      let region = try? top.nestedContainer(keyedBy: RegionParameters.CodingKeys.self, forKey: .region)
    else { return false }
    return region.contains(key)
  }

  /// A scenario that lists sites in states but does not give `region.states` would otherwise
  /// be in the default state (TX): when every listed site that names a state names the same
  /// one, that state is the region's (share 1); when they name several, the scenario is refused
  /// once, at `region.states`, with the line to add (states west to east by their sites' mean
  /// position, shares by their number of listed sites), since where the borders lie is the
  /// director's to say.
  private mutating func inferStates(decoder: any Decoder) throws {
    guard !regionGives(.states, decoder), let listed = sites else { return }
    var named: [String] = []
    for state in listed.compactMap(\.state) where !named.contains(state) { named.append(state) }
    let codes = region.states.map(\.code)
    guard !named.allSatisfy(codes.contains) else { return }
    if named.count == 1 {
      region.states = [StateShare(code: named[0], share: 1)]
      return
    }
    func east(_ site: SiteListing) -> Double { site.longitude ?? site.xKm }
    let bands = named.map { state in
      let members = listed.filter { $0.state == state }
      return (state, east: members.map(east).reduce(0, +) / Double(members.count), count: members.count)
    }.sorted { $0.east < $1.east }
    let total = Double(bands.map(\.count).reduce(0, +))
    let shares = bands.map {
      StateShare(code: $0.0, share: max(0.01, (Double($0.count) / total * 100).rounded() / 100))
    }
    let line = shares.map { "{\"code\": \"\($0.code)\", \"share\": \(format($0.share))}" }.joined(
      separator: ", ")
    // Refused once, here: not again per site row against the default state.
    region.states = shares
    try decoder.reject(
      "the listed sites name the states \(named.joined(separator: ", ")), but the scenario does not give region.states "
        + "(the default is \(codes.joined(separator: ", "))); add, with the states west to east and each one's share "
        + "of the region's width: \"region\": {\"states\": [\(line)]}",
      at: Path("region.states"))
  }

  /// Gets the sites spreadsheet `path` names (relative to the scenario file) through the
  /// decoder's `InputResolver` and appends its rows to `sites`. Its problems are reported against
  /// the spreadsheet, by line and column.
  private mutating func appendSpreadsheet(_ path: String, decoder: any Decoder) throws {
    let resolver = decoder.userInfo[.inputResolver] as? InputResolver ?? .noFiles
    let resolved = resolver.resolve(path)
    let file = resolved.file
    let bytes: Data
    switch resolved.bytes {
    case .success(let data): bytes = data
    case .failure(let problem):
      try decoder.reject("cannot read the sites spreadsheet \(file): it \(problem)", at: CodingKeys.sitesCsv)
      return
    }
    let spreadsheet = SitesSpreadsheet(path: path, file: file, bytes: bytes)
    let listed = sites ?? []
    let context = SitesSpreadsheetContext(
      takenNames: Set(listed.map(\.name) + World.generatedSiteNames(region)),
      stateCodes: regionGives(.states, decoder) ? region.states.map(\.code) : nil,
      // A box already reported as impossible is not held against every row as well.
      bounds: region.bounds?.problem() == nil ? region.bounds : nil,
      listedSystems: (listed.compactMap(\.system).max() ?? -1) + 1)
    sites = listed + (try spreadsheet.listings(context))
    sitesSpreadsheet = spreadsheet
  }

  /// A scenario places every site and program by latitude/longitude or every one by
  /// `xKm`/`yKm`. On the globe, the region is `region.bounds` or the places' box with a margin
  /// (10 % of each span, at least 0.1°), laid out on a `GeoFrame`; every place gets its position
  /// on that plane, so the rest of the model works in km as on a rectangle.
  private mutating func placeOnGlobe(jsonSiteCount: Int, decoder: any Decoder) throws {
    let listed = sites ?? []
    let firstGlobe: String? =
      region.bounds != nil
      ? "region.bounds"
      : listed.count > jsonSiteCount
        ? "sitesCsv"
        : listed.firstIndex { $0.latitude != nil }.map { "sites[\($0)].latitude" }
          ?? programs.firstIndex { $0.latitude != nil }.map { "programs[\($0)].latitude" }
    guard let firstGlobe else { return }
    // A box already reported as impossible (south above north, …) cannot be laid out.
    guard region.bounds?.problem() == nil else { return }
    let mixing =
      "this scenario places by latitude/longitude (\(firstGlobe)); give latitude and longitude here too: mixing them with xKm/yKm is refused"
    for index in 0..<jsonSiteCount where listed[index].latitude == nil {
      try decoder.reject(mixing, at: Path("sites[\(index)].xKm"))
    }
    for (index, program) in programs.enumerated() where program.latitude == nil {
      try decoder.reject(mixing, at: Path("programs[\(index)].xKm"))
    }
    let top = try decoder.container(keyedBy: CodingKeys.self)
    if let region = try? top.nestedContainer(keyedBy: RegionParameters.CodingKeys.self, forKey: .region) {
      for key in [RegionParameters.CodingKeys.widthKm, .heightKm] where region.contains(key) {
        try decoder.reject(
          "this scenario places by latitude/longitude (\(firstGlobe)); its region is region.bounds or the places' box, not a rectangle in km: remove this field",
          at: Path("region.\(key.stringValue)"))
      }
    }
    let points =
      listed.compactMap { geoPoint($0.latitude, $0.longitude) }
      + programs.compactMap { geoPoint($0.latitude, $0.longitude) }
    guard let bounds = region.bounds ?? Self.box(around: points) else {
      try decoder.reject(
        "a latitude/longitude region with no listed sites or programs needs region.bounds",
        at: Path("region.bounds"))
      return
    }
    if region.bounds == nil, let problem = bounds.problem() {
      let (place, detail) = farthestPlace(jsonSiteCount: jsonSiteCount)
      try decoder.reject(
        "the listed sites' and programs' box (with its margin) \(problem): \(detail)", at: Path(place))
      return
    }
    let frame = GeoFrame(bounds: bounds)
    region.frame = frame
    region.widthKm = frame.widthKm
    region.heightKm = frame.heightKm
    func place(_ point: GeoPoint, _ path: String, _ name: String) throws -> Location {
      if !bounds.contains(point) {
        try decoder.reject(
          "\(name) lies outside region.bounds (latitude \(format(bounds.south))…\(format(bounds.north)), longitude \(format(bounds.west))…\(format(bounds.east)))",
          at: Path(
            path
              + (point.latitude < bounds.south || point.latitude > bounds.north ? ".latitude" : ".longitude"))
        )
      }
      return frame.location(of: point)
    }
    for index in 0..<jsonSiteCount {
      guard let point = geoPoint(listed[index].latitude, listed[index].longitude) else { continue }
      let location = try place(point, "sites[\(index)]", "site \"\(listed[index].name)\"")
      sites![index].xKm = location.xKm
      sites![index].yKm = location.yKm
    }
    for index in listed.indices.dropFirst(jsonSiteCount) {
      let location = frame.location(of: geoPoint(listed[index].latitude, listed[index].longitude)!)
      sites![index].xKm = location.xKm
      sites![index].yKm = location.yKm
    }
    for (index, program) in programs.enumerated() {
      guard let point = geoPoint(program.latitude, program.longitude) else { continue }
      let location = try place(point, "programs[\(index)]", "program \"\(program.name)\"")
      programs[index].xKm = location.xKm
      programs[index].yKm = location.yKm
    }
  }

  /// The listed place farthest from the median latitude and longitude of all of them, named by
  /// where it is written (`sitesCsv` file and line, or its JSON path) and by name: what a box too
  /// large to be one region usually comes from, a dropped minus sign or a swapped pair.
  private func farthestPlace(jsonSiteCount: Int) -> (place: String, detail: String) {
    var places: [(place: String, name: String, point: GeoPoint)] = []
    for (index, site) in (sites ?? []).enumerated() {
      guard let point = geoPoint(site.latitude, site.longitude) else { continue }
      let place =
        site.spreadsheetLine.map { "\(sitesSpreadsheet?.path ?? "sitesCsv"), line \($0)" }
        ?? "sites[\(index)]"
      places.append((place, "site \"\(site.name)\"", point))
    }
    for (index, program) in programs.enumerated() {
      guard let point = geoPoint(program.latitude, program.longitude) else { continue }
      places.append(("programs[\(index)]", "program \"\(program.name)\"", point))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    let latitude = median(places.map(\.point.latitude))
    let longitude = median(places.map(\.point.longitude))
    func distance(_ point: GeoPoint) -> Double {
      max(abs(point.latitude - latitude), abs(point.longitude - longitude))
    }
    let farthest = places.max { distance($0.point) < distance($1.point) }!
    let point = farthest.point
    var hint = ""
    if abs(-point.longitude - longitude) < abs(point.longitude - longitude) / 4 {
      hint = "; is the longitude's minus sign missing? West of Greenwich is negative"
    } else if abs(-point.latitude - latitude) < abs(point.latitude - latitude) / 4 {
      hint = "; is the latitude's minus sign missing? South of the equator is negative"
    } else if max(abs(point.longitude - latitude), abs(point.latitude - longitude)) < distance(point) / 4 {
      hint = "; are its latitude and longitude swapped?"
    }
    return (
      farthest.place,
      "\(farthest.name) at latitude \(format(point.latitude)), longitude \(format(point.longitude)) lies farthest "
        + "from the others (median latitude \(format(latitude)), longitude \(format(longitude)))\(hint); "
        + "or give region.bounds"
    )
  }

  /// The points' box widened by 10 % of each span on every side (at least 0.1°).
  private static func box(around points: [GeoPoint]) -> GeoBounds? {
    guard let first = points.first else { return nil }
    var bounds = GeoBounds(
      south: first.latitude, west: first.longitude, north: first.latitude, east: first.longitude)
    for point in points.dropFirst() {
      bounds.south = min(bounds.south, point.latitude)
      bounds.north = max(bounds.north, point.latitude)
      bounds.west = min(bounds.west, point.longitude)
      bounds.east = max(bounds.east, point.longitude)
    }
    let latitudeMargin = max(0.1, (bounds.north - bounds.south) * 0.1)
    let longitudeMargin = max(0.1, (bounds.east - bounds.west) * 0.1)
    return GeoBounds(
      south: max(-90, bounds.south - latitudeMargin), west: max(-180, bounds.west - longitudeMargin),
      north: min(90, bounds.north + latitudeMargin), east: min(180, bounds.east + longitudeMargin))
  }

  /// Checks that need more than one field: names that must exist elsewhere in the file.
  private func checkCrossReferences(_ decoder: any Decoder) throws {
    for (index, program) in programs.enumerated() where pathway(named: program.pathway) == nil {
      let known = (Array(CredentialPathway.builtIn.keys) + credentialPathways.keys).sorted().joined(
        separator: ", ")
      try decoder.reject(
        "unknown pathway \"\(program.pathway)\"; allowed: \(known)", at: Path("programs[\(index)].pathway"))
    }
    if let generated = generatedPrograms, pathway(named: generated.template.pathway) == nil {
      try decoder.reject(
        "unknown pathway \"\(generated.template.pathway)\"", at: Path("generatedPrograms.template.pathway"))
    }
    let siteNames = (sites ?? []).map(\.name)
    for (index, program) in programs.enumerated() {
      for (position, name) in (program.affiliates ?? []).enumerated() where !siteNames.contains(name) {
        try decoder.reject(
          "unknown site \"\(name)\"\(Suggestion.phrase(for: name, among: siteNames)): a program's affiliates are "
            + "sites the scenario lists (sites or sitesCsv)",
          at: Path("programs[\(index)].affiliates[\(position)]"))
      }
    }
    let names = programs.map(\.name)
    if Set(names).count != names.count {
      try decoder.reject("program names must be distinct", at: Path("programs"))
    }
    let siteCount = (sites?.count ?? 0) + region.generatedSiteCount
    if siteCount == 0 {
      try decoder.reject(
        "the region has no clinical sites: list sites or give a count > 0", at: Path("region"))
    }
    for (index, pair) in network.contacts.enumerated() where pair.contains(where: { $0 >= siteCount }) {
      try decoder.reject(
        "site index out of range: there are \(siteCount) sites (0...\(siteCount - 1))",
        at: Path("network.contacts[\(index)]"))
    }
    if region.systems == 0
      && [region.hospitals, region.imagingCenters, region.clinics].contains(where: {
        $0.count > 0 && $0.independentShare < 1
      })
    {
      try decoder.reject("with systems 0 every independentShare must be 1", at: Path("region.systems"))
    }
    try checkPlaces(decoder)
  }

  /// Programs and listed sites must lie inside the region, listed sites' states must be among
  /// `region.states`, their system indices must run 0, 1, 2, … without gaps, and every site name
  /// must be distinct (outputs name sites, not number them).
  private func checkPlaces(_ decoder: any Decoder) throws {
    let width = region.widthKm
    let height = region.heightKm
    func inside(_ x: Double, _ y: Double, _ path: String, _ name: String) throws {
      if x > width {
        try decoder.reject(
          "\(name) lies outside the region: must be at most region.widthKm (\(width)), got \(x)",
          at: Path(path + ".xKm"))
      }
      if y > height {
        try decoder.reject(
          "\(name) lies outside the region: must be at most region.heightKm (\(height)), got \(y)",
          at: Path(path + ".yKm"))
      }
    }
    let onPlane = region.frame == nil
    for (index, program) in programs.enumerated() where onPlane {
      try inside(program.xKm, program.yKm, "programs[\(index)]", "program \"\(program.name)\"")
    }
    guard let listed = sites else { return }
    let codes = region.states.map(\.code)
    for (index, site) in listed.enumerated() {
      if onPlane { try inside(site.xKm, site.yKm, "sites[\(index)]", "site \"\(site.name)\"") }
      if let state = site.state, !codes.contains(state) {
        // A spreadsheet's row is named by its file and line, a JSON site by its path.
        let place =
          site.spreadsheetLine.map { "\(sitesSpreadsheet?.path ?? "sitesCsv"), line \($0) (state)" }
          ?? "sites[\(index)].state"
        try decoder.reject(
          "site \"\(site.name)\": state \"\(state)\" is not among region.states (\(codes.joined(separator: ", ")))",
          at: Path(place))
      }
    }
    let used = Set(listed.compactMap(\.system))
    let listedSystems = (used.max() ?? -1) + 1
    if let gap = (0..<listedSystems).first(where: { !used.contains($0) }),
      let index = listed.firstIndex(where: { $0.system.map { $0 > gap } ?? false })
    {
      try decoder.reject(
        "system \(listed[index].system!) is used but no listed site is in system \(gap); system indices must run 0, 1, 2, … without gaps",
        at: Path("sites[\(index)].system"))
    }
    if region.systems < listedSystems {
      try decoder.reject(
        "the listed sites use \(listedSystems) systems; must be at least \(listedSystems), got \(region.systems)",
        at: Path("region.systems"))
    }
    var seen = Set(World.generatedSiteNames(region))
    for (index, site) in listed.enumerated() {
      if !seen.insert(site.name).inserted {
        try decoder.reject(
          "site name \"\(site.name)\" is used twice (generated sites are named kind-number, e.g. hospital-0)",
          at: Path("sites[\(index)].name"))
      }
    }
  }
}

/// A ready-made path for cross-field problems found after decoding.
private struct Path: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ text: String) { stringValue = text }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// Problems with a scenario file, with the file's path: what `validate` prints and what every
/// command turns into exit code 2.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
  public var file: String
  public var problems: [FieldProblem]

  public init(file: String, problems: [FieldProblem]) {
    self.file = file
    self.problems = problems
  }

  public var description: String {
    problems.map { "\(file): \($0)" }.joined(separator: "\n")
  }
}

extension Scenario {
  /// Decodes scenario JSON, reporting every problem found, each with its path; `file` names it
  /// in errors, and `resolver` gives the files it names (`sitesCsv`). The model never opens a
  /// file: with the default resolver, a scenario naming one is refused at `sitesCsv`.
  public static func decode(_ data: Data, file: String, resolver: InputResolver = .noFiles)
    throws(ScenarioError) -> Scenario
  {
    if let problem = NotAScenario.problem(in: data, file: file) {
      throw ScenarioError(file: file, problems: [problem])
    }
    if let problem = StrictJSON.problem(in: data) { throw ScenarioError(file: file, problems: [problem]) }
    let log = ProblemLog()
    let decoder = JSONDecoder()
    decoder.userInfo[.problemLog] = log
    decoder.userInfo[.inputResolver] = resolver
    do {
      let scenario = try decoder.decode(Scenario.self, from: data)
      if !log.problems.isEmpty { throw ScenarioError(file: file, problems: log.problems) }
      return scenario
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError(file: file, problems: log.problems + fieldProblems(from: error))
    }
  }
}

extension CodingUserInfoKey {
  /// How the scenario being decoded gets the files it names relative to itself (`sitesCsv`).
  static let inputResolver = CodingUserInfoKey(rawValue: "cohortsim.inputResolver")!
}
