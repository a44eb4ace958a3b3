import CohortModel
import Foundation
import SimKernel
import Testing

/// A 200 × 200 km region of generated sites of every kind and three generated programs, with
/// `generated` spliced into `generatedPrograms` (the clustering fields).
private func townsJSON(_ generated: String) -> String {
  """
  {
    "name": "towns", "seed": 5, "years": 2,
    "demand": { "regionShare": 0.005 },
    "region": {
      "widthKm": 200, "heightKm": 200, "states": [{ "code": "TX", "share": 1 }], "systems": 2,
      "hospitals": { "count": 20 }, "imagingCenters": { "count": 10 }, "clinics": { "count": 10 }
    },
    "generatedPrograms": { "count": 3\(generated), "template": { "cohortSize": 4, "intakeYears": [2024] } }
  }
  """
}

private func kilometres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
  ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
}

@Suite("sites clustered around generated programs")
struct ProgramTownsTests {
  /// A clustered site is 5 km from its town in a uniform direction, then held inside the
  /// region: holding a point inside a rectangle that contains the town can only bring it
  /// closer, so 5 km (plus rounding, 1e-9) bounds every site's distance.
  @Test(
    "with every site clustered 5 km from a program's town, every generated site lies within 5 km of a program"
  )
  func everySiteIsNearAProgram() throws {
    let scenario = try decodeScenario(townsJSON(#", "sitesNearPrograms": 1, "nearProgramKm": 5"#))
    for replication in 0..<3 {
      let world = world(scenario, replication: replication)
      #expect(world.programs.count == 3 && world.sites.count == 40)
      let towns = world.programs.map { ($0.xKm, $0.yKm) }
      for site in world.sites {
        let nearest = towns.map { kilometres($0, (site.location.xKm, site.location.yKm)) }.min()!
        #expect(nearest <= 5 + 1e-9, "replication \(replication): \(site.name) is \(nearest) km away")
      }
      // Not all at one town: each program has sites around it.
      let homes = Set(
        world.sites.map { site in
          towns.indices.min {
            kilometres(towns[$0], (site.location.xKm, site.location.yKm))
              < kilometres(towns[$1], (site.location.xKm, site.location.yKm))
          }!
        })
      #expect(homes.count == 3)
    }
  }

  @Test(
    "with sitesNearPrograms 0 the world is the one drawn before clustering existed, and by a scenario without the field"
  )
  func shareZeroDrawsTheUnclusteredWorld() throws {
    let without = try decodeScenario(townsJSON(""))
    let zero = try decodeScenario(townsJSON(#", "sitesNearPrograms": 0, "nearProgramKm": 5"#))
    for replication in 0..<2 {
      let before = world(without, replication: replication)
      let after = world(zero, replication: replication)
      #expect(after.sites.map(\.location) == before.sites.map(\.location))
      #expect(after.sites.map(\.positions) == before.sites.map(\.positions))
      #expect(after.sites.map(\.system) == before.sites.map(\.system))
      #expect(after.programs.map(\.location) == before.programs.map(\.location))
    }
    // The programs' towns and the first sites, as the code before clustering existed (479cf84)
    // drew them for replication 0: a share of 0 must not draw towns of its own.
    let first = world(zero)
    #expect(
      first.programs.map { [$0.xKm, $0.yKm] } == [
        [107.87508296780288, 65.84161575883627], [35.318391397595406, 27.040680777281523],
        [182.64183378778398, 67.6163652446121],
      ])
    #expect(
      first.sites.prefix(2).map { [$0.location.xKm, $0.location.yKm] } == [
        [139.40673167817295, 61.193118803203106], [42.42054354399443, 76.14962947554886],
      ])
    // The field does cluster when above 0, so the comparison above can tell.
    let clustered = world(try decodeScenario(townsJSON(#", "sitesNearPrograms": 1"#)))
    #expect(clustered.sites.map(\.location) != world(without).sites.map(\.location))
  }
}
