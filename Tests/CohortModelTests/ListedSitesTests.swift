import CohortModel
import Foundation
import SimKernel
import Testing

/// A 200 × 100 km region, Oregon west of x = 100 and Washington east of it, with two listed
/// systems at opposite ends (system 0 in the far west, system 1 in the far east), one listed
/// independent clinic, and `region` fields spliced in by each test.
func listedSitesJSON(region extra: String = "", sites extraSites: String = "", programs: String? = nil)
  -> String
{
  """
  {
    "name": "listed",
    "demand": { "regionShare": 0.002 },
    "region": {
      "widthKm": 200, "heightKm": 100,
      "states": [{ "code": "OR", "share": 1 }, { "code": "WA", "share": 1 }]\(extra)
    },
    "sites": [
      { "name": "West General", "kind": "hospital", "xKm": 5, "yKm": 50, "system": 0, "staff": 20, "capacity": 2 },
      { "name": "West Imaging", "kind": "imaging_center", "xKm": 10, "yKm": 40, "system": 0, "staff": 4, "capacity": 1 },
      { "name": "East General", "kind": "hospital", "xKm": 195, "yKm": 50, "system": 1, "staff": 20, "capacity": 2 },
      { "name": "Middle Clinic", "kind": "clinic", "xKm": 100, "yKm": 50, "staff": 2, "capacity": 1 }\(extraSites)
    ],
    "programs": \(programs ?? #"[{ "name": "College", "xKm": 100, "yKm": 50, "cohortSize": 10 }]"#)
  }
  """
}

func decodeScenario(_ json: String) throws(ScenarioError) -> Scenario {
  try Scenario.decode(Data(json.utf8), file: "test.json")
}

func decodingProblems(_ json: String) -> [String] {
  do {
    _ = try decodeScenario(json)
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

func world(_ scenario: Scenario, replication: Int = 0) -> World {
  World(
    scenario: scenario,
    replicationSeed: SeedDerivation.replicationSeed(master: scenario.seed, replication: replication))
}

@Suite("listed sites inside a generated region")
struct ListedSitesTests {
  @Test("generated kinds add to the listed sites rather than replacing them")
  func generatedKindsAddToListedSites() throws {
    let scenario = try decodeScenario(
      listedSitesJSON(region: #", "hospitals": { "count": 3 }, "clinics": { "count": 2 }"#))
    let sites = world(scenario).sites
    #expect(sites.count == 4 + 3 + 2)
    #expect(sites.prefix(4).map(\.name) == ["West General", "West Imaging", "East General", "Middle Clinic"])
    #expect(sites.prefix(4).allSatisfy { $0.origin == .listed })
    #expect(
      sites.dropFirst(4).map(\.name) == ["hospital-0", "hospital-1", "hospital-2", "clinic-0", "clinic-1"])
    #expect(sites.dropFirst(4).allSatisfy { $0.origin == .generated })
  }

  @Test("a file listing sites and naming no kind in region generates no other site")
  func listedSitesAloneAreTheWholeRegion() throws {
    let scenario = try decodeScenario(listedSitesJSON())
    #expect(world(scenario).sites.map(\.origin) == [.listed, .listed, .listed, .listed])
    #expect(world(scenario).systemCount == 2)
  }

  @Test("generated sites share the region's positions the listed sites leave")
  func generatedSitesShareTheRemainingPositions() throws {
    let scenario = try decodeScenario(listedSitesJSON(region: #", "hospitals": { "count": 5 }"#))
    let sites = world(scenario).sites
    let demand = DerivedDemand(scenario.demand)
    #expect(sites.prefix(4).map(\.positions) == [20, 4, 20, 2])
    let generated = sites.dropFirst(4).reduce(0) { $0 + $1.positions }
    // 176 positions in the region less 46 listed; rounding moves each site by at most 0.5.
    let remaining = demand.initialPositions - 46
    #expect(abs(Double(generated) - remaining) <= 2.5)
  }

  @Test("generated sites join the listed system whose sites are nearest")
  func generatedSitesJoinNearbyListedSystems() throws {
    let scenario = try decodeScenario(
      listedSitesJSON(region: #", "hospitals": { "count": 40, "independentShare": 0 }"#))
    for replication in 0..<3 {
      for site in world(scenario, replication: replication).sites where site.origin == .generated {
        // System 0's listed sites centre on x = 7.5, system 1's on x = 195: the midpoint is 101.25.
        if site.location.xKm < 95 { #expect(site.system == 0, "\(site.name) at x \(site.location.xKm)") }
        if site.location.xKm > 108 { #expect(site.system == 1, "\(site.name) at x \(site.location.xKm)") }
      }
    }
  }

  @Test("site names are listed names, then generated kind-number names, the same in every replication")
  func siteNamesAreStable() throws {
    let scenario = try decodeScenario(listedSitesJSON(region: #", "imagingCenters": { "count": 2 }"#))
    let names = World.siteNames(scenario)
    #expect(
      names == [
        "West General", "West Imaging", "East General", "Middle Clinic", "imaging_center-0",
        "imaging_center-1",
      ])
    #expect(world(scenario, replication: 4).sites.map(\.name) == names)
  }

  @Test("a program outside the region is refused with its field path")
  func programOutsideRegionRefused() {
    let found = decodingProblems(
      listedSitesJSON(programs: #"[{ "name": "College", "xKm": 100, "yKm": 150, "cohortSize": 10 }]"#))
    #expect(
      found == [
        "programs[0].yKm: program \"College\" lies outside the region: must be at most region.heightKm (100.0), got 150.0"
      ])
  }

  @Test("a listed site outside the region is refused with its field path")
  func siteOutsideRegionRefused() {
    let found = decodingProblems(
      listedSitesJSON(
        sites: #", { "name": "Far", "kind": "clinic", "xKm": 260, "yKm": 5, "staff": 1, "capacity": 1 }"#))
    #expect(
      found == [
        "sites[4].xKm: site \"Far\" lies outside the region: must be at most region.widthKm (200.0), got 260.0"
      ])
  }

  @Test("a gap in the listed system indices is refused at the first site past the gap")
  func systemIndexGapRefused() {
    let found = decodingProblems(
      listedSitesJSON(
        sites:
          #", { "name": "Gap", "kind": "clinic", "xKm": 50, "yKm": 5, "system": 3, "staff": 1, "capacity": 1 }"#
      ))
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix("sites[4].system: system 3 is used but no listed site is in system 2") == true)
  }

  @Test("a listed site's state missing from region.states is refused")
  func unknownSiteStateRefused() {
    let found = decodingProblems(
      listedSitesJSON(
        sites:
          #", { "name": "Cal", "kind": "clinic", "xKm": 50, "yKm": 5, "state": "CA", "staff": 1, "capacity": 1 }"#
      ))
    #expect(found == [#"sites[4].state: site "Cal": state "CA" is not among region.states (OR, WA)"#])
  }

  @Test("region.systems below the systems the listed sites use is refused")
  func tooFewSystemsRefused() {
    let found = decodingProblems(listedSitesJSON(region: #", "systems": 1, "hospitals": { "count": 2 }"#))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("region.systems: the listed sites use 2 systems") == true)
  }

  @Test("a listed name used twice, or taken by a generated site, is refused")
  func duplicateSiteNamesRefused() {
    let twice = decodingProblems(
      listedSitesJSON(
        sites:
          #", { "name": "West General", "kind": "clinic", "xKm": 50, "yKm": 5, "staff": 1, "capacity": 1 }"#))
    #expect(twice.count == 1 && twice[0].hasPrefix(#"sites[4].name: site name "West General" is used twice"#))
    let generated = decodingProblems(
      listedSitesJSON(
        region: #", "clinics": { "count": 1 }"#,
        sites: #", { "name": "clinic-0", "kind": "clinic", "xKm": 50, "yKm": 5, "staff": 1, "capacity": 1 }"#)
    )
    #expect(
      generated.count == 1 && generated[0].hasPrefix(#"sites[4].name: site name "clinic-0" is used twice"#))
  }

  @Test("describe warns when the openings a year are below half the students admitted a year")
  func fewOpeningsWarn() throws {
    let crowded = try decodeScenario(
      listedSitesJSON(programs: #"[{ "name": "College", "xKm": 100, "yKm": 50, "cohortSize": 20 }]"#))
    // 46 listed positions give 46 × 5800/88000 ≈ 3.0 openings a year for 20 students a year.
    // (The listed sites' 6 places for cohorts of 20 give the capacity warning too.)
    let openings = { (scenario: Scenario) in
      ScenarioDescription(scenario).warnings.filter { $0.contains("expected openings a year") }
    }
    #expect(openings(crowded).count == 1)
    #expect(openings(crowded).first?.contains("below half the students") == true)
    let generatedAround = try decodeScenario(
      listedSitesJSON(
        region: #", "hospitals": { "count": 10 }"#,
        programs: #"[{ "name": "College", "xKm": 100, "yKm": 50, "cohortSize": 20 }]"#))
    // The region's 176 positions give ≈ 11.6 openings a year: above 10.
    #expect(openings(generatedAround).isEmpty)
  }
}
