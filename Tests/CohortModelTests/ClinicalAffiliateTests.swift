import CohortModel
import Foundation
import SimKernel
import Testing

/// A 100 × 100 km region of six generated hospitals around one listed program in the middle and
/// two generated programs, one intake each. With `listedSites`, two listed hospitals sit in the
/// far corner, 64 km from the listed program: farther than most generated hospitals, so a
/// nearest-to-home placement that ignored affiliation would pick generated ones.
private func affiliatesJSON(listedSites: Bool, programAffiliates: String = "") -> String {
  let sites =
    listedSites
    ? """
    "sites": [
      { "name": "Corner General", "kind": "hospital", "xKm": 5, "yKm": 5, "staff": 20, "capacity": 4 },
      { "name": "Corner East", "kind": "hospital", "xKm": 10, "yKm": 5, "staff": 20, "capacity": 4 }
    ],
    """
    : ""
  return """
    {
      "name": "affiliates", "seed": 11, "startYear": 2024, "years": 2,
      "demand": { "regionShare": 0.002 },
      "region": {
        "widthKm": 100, "heightKm": 100, "states": [{ "code": "OR", "share": 1 }], "systems": 2,
        "hospitals": { "count": 6, "staff": 20, "capacity": 3 },
        "imagingCenters": { "count": 0 }, "clinics": { "count": 0 }
      },
      \(sites)
      "programs": [{ "name": "College", "xKm": 50, "yKm": 50, "cohortSize": 8, "intakeYears": [2024]\(programAffiliates) }],
      "generatedPrograms": { "count": 2, "template": { "cohortSize": 6, "intakeYears": [2024] } }
    }
    """
}

/// The rotation sites of each student of one replication, by the student's program.
private func rotationSites(_ scenario: Scenario) -> (listed: [Int], generated: [Int]) {
  let (_, monitor) = collected(scenario)
  let listed = monitor.students.filter { $0.program == "College" }.flatMap(\.rotationSites)
  let generated = monitor.students.filter { $0.program.hasPrefix("program-") }.flatMap(\.rotationSites)
  return (listed, generated)
}

@Suite("clinical affiliates (7.2)")
struct ClinicalAffiliateTests {
  @Test("where the scenario lists sites, a listed program's students rotate only at listed sites")
  func listedProgramsRotateAtListedSites() throws {
    let scenario = try decodeScenario(affiliatesJSON(listedSites: true))
    let sites = world(scenario).sites
    #expect(sites.prefix(2).allSatisfy { $0.origin == .listed } && sites.count == 8)
    let (listed, _) = rotationSites(scenario)
    #expect(!listed.isEmpty)
    #expect(listed.allSatisfy { sites[$0].origin == .listed }, "\(listed)")
  }

  @Test("where the scenario lists sites, generated programs' students rotate only at generated sites")
  func generatedProgramsRotateAtGeneratedSites() throws {
    let scenario = try decodeScenario(affiliatesJSON(listedSites: true))
    let sites = world(scenario).sites
    let (_, generated) = rotationSites(scenario)
    #expect(!generated.isEmpty)
    #expect(generated.allSatisfy { sites[$0].origin == .generated }, "\(generated)")
  }

  @Test("without listed sites, a listed program's students rotate at the generated sites")
  func withoutListedSitesEverySiteHosts() throws {
    let scenario = try decodeScenario(affiliatesJSON(listedSites: false))
    #expect(world(scenario).sites.allSatisfy { $0.origin == .generated })
    let (listed, generated) = rotationSites(scenario)
    #expect(!listed.isEmpty)
    #expect(!generated.isEmpty)
  }

  @Test("a program that names its affiliates rotates its students only at the sites it names")
  func namedAffiliatesOnly() throws {
    let scenario = try decodeScenario(
      affiliatesJSON(listedSites: true, programAffiliates: #", "affiliates": ["Corner East"]"#))
    let sites = world(scenario).sites
    let (listed, _) = rotationSites(scenario)
    #expect(!listed.isEmpty)
    #expect(listed.allSatisfy { sites[$0].name == "Corner East" }, "\(listed)")
  }

  @Test("an affiliate that is not a listed site is refused at its field, with the nearest listed name")
  func unknownAffiliateIsRefused() {
    do {
      _ = try decodeScenario(
        affiliatesJSON(listedSites: true, programAffiliates: #", "affiliates": ["Corner Eats"]"#))
      Issue.record("an unknown affiliate was accepted")
    } catch {
      let message = String(describing: error)
      #expect(message.contains("programs[0].affiliates[0]"), "\(message)")
      #expect(message.contains("did you mean \"Corner East\""), "\(message)")
    }
  }
}
