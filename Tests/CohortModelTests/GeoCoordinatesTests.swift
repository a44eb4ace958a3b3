import CohortModel
import Foundation
import Testing

@Suite("latitude and longitude")
struct GeoCoordinatesTests {
  /// Rosetta Code's haversine task: Nashville BNA (36.12, −86.67) to Los Angeles LAX (33.94,
  /// −118.40) is 2887.2599506 km on a sphere of radius 6372.8 km; distances scale with the
  /// radius, so ours, rescaled to that radius, must agree to the micrometre.
  @Test("Nashville to Los Angeles matches Rosetta Code's haversine figure")
  func nashvilleToLosAngeles() {
    let nashville = GeoPoint(latitude: 36.12, longitude: -86.67)
    let losAngeles = GeoPoint(latitude: 33.94, longitude: -118.40)
    let rescaled = nashville.haversineKm(to: losAngeles) * 6372.8 / GeoPoint.earthRadiusKm
    #expect(abs(rescaled - 2887.2599506) < 1e-6)
  }

  /// London (51.5074, −0.1278) to Paris (48.8566, 2.3522): 343.6 km great-circle (the WGS 84
  /// geodesic is 343.9 km; the sphere is within 0.5 %).
  @Test("London to Paris is 343.6 km")
  func londonToParis() {
    let london = GeoPoint(latitude: 51.5074, longitude: -0.1278)
    let paris = GeoPoint(latitude: 48.8566, longitude: 2.3522)
    #expect(abs(london.haversineKm(to: paris) - 343.56) < 0.01)
  }

  @Test("a quarter meridian is a quarter of the mean circumference, 10007.5 km")
  func equatorToPole() {
    let distance = GeoPoint(latitude: 0, longitude: 10).haversineKm(to: GeoPoint(latitude: 90, longitude: 10))
    #expect(abs(distance - Double.pi / 2 * 6371.0088) < 1e-6)
  }

  @Test("antipodes are half the circumference apart")
  func antipodes() {
    let distance = GeoPoint(latitude: 45, longitude: -123).haversineKm(
      to: GeoPoint(latitude: -45, longitude: 57))
    #expect(abs(distance - Double.pi * 6371.0088) < 1e-6)
  }

  @Test("a point is 0 km from itself, and distance is symmetric")
  func zeroAndSymmetric() {
    let eugene = GeoPoint(latitude: 44.0521, longitude: -123.0868)
    let portland = GeoPoint(latitude: 45.5152, longitude: -122.6784)
    #expect(eugene.haversineKm(to: eugene) == 0)
    #expect(eugene.haversineKm(to: portland) == portland.haversineKm(to: eugene))
  }

  @Test("two locations on the globe are their great-circle distance apart, not their plane distance")
  func locationsUseHaversine() {
    let frame = GeoFrame(bounds: GeoBounds(south: 43, west: -124, north: 46, east: -122))
    let eugene = frame.location(of: GeoPoint(latitude: 44.0521, longitude: -123.0868))
    let portland = frame.location(of: GeoPoint(latitude: 45.5152, longitude: -122.6784))
    let greatCircle = eugene.geodetic!.haversineKm(to: portland.geodetic!)
    #expect(eugene.distanceKm(to: portland) == greatCircle)
    let plane = Location(xKm: eugene.xKm, yKm: eugene.yKm).distanceKm(
      to: Location(xKm: portland.xKm, yKm: portland.yKm))
    #expect(plane < greatCircle)
  }

  /// The grids find candidates by plane distance, so the frame's plane must never overstate a
  /// great-circle distance; checked over a grid of point pairs in the widest, most northern box
  /// the limits allow, where it is hardest.
  @Test("the frame's plane never overstates a great-circle distance in the largest box allowed")
  func planeNeverOverstates() {
    let bounds = GeoBounds(south: 40, west: -130, north: 70, east: -100)
    let frame = GeoFrame(bounds: bounds)
    let steps = stride(from: 0.0, through: 1.0, by: 0.125)
    let points = steps.flatMap { a in
      steps.map { b in GeoPoint(latitude: 40 + 30 * a, longitude: -130 + 30 * b) }
    }
    for p in points {
      for q in points {
        let a = frame.location(of: p)
        let b = frame.location(of: q)
        let plane = ((a.xKm - b.xKm) * (a.xKm - b.xKm) + (a.yKm - b.yKm) * (a.yKm - b.yKm)).squareRoot()
        #expect(plane <= p.haversineKm(to: q) + 1e-9)
      }
    }
  }

  @Test("a home drawn 50 km from its program is 50 km away on the globe")
  func homeOffset() {
    let frame = GeoFrame(bounds: GeoBounds(south: 43, west: -124, north: 46, east: -122))
    let program = GeoPoint(latitude: 44.5, longitude: -123)
    for angle in stride(from: 0.0, to: 2 * Double.pi, by: 0.5) {
      let home = frame.offset(program, distanceKm: 50, angle: angle)
      #expect(abs(home.geodetic!.haversineKm(to: program) - 50) < 0.25)
    }
  }
}

/// A scenario placed by latitude and longitude around Eugene, Oregon; `extra` splices fields
/// into the region, `sites` and `programs` replace the lists.
func globeScenarioJSON(
  region extra: String = "",
  sites: String =
    #"[{ "name": "Eugene General", "kind": "hospital", "latitude": 44.05, "longitude": -123.09, "staff": 10, "capacity": 2 }]"#,
  programs: String = #"[{ "name": "College", "latitude": 44.6, "longitude": -123.1 }]"#
) -> String {
  """
  {
    "name": "globe",
    "demand": { "regionShare": 0.002 },
    "region": { "states": [{ "code": "OR", "share": 1 }]\(extra) },
    "sites": \(sites),
    "programs": \(programs)
  }
  """
}

@Suite("scenarios placed by latitude and longitude")
struct GlobeScenarioTests {
  @Test("a scenario placed by latitude and longitude decodes, with the places' box as its region")
  func decodes() throws {
    let scenario = try decodeScenario(globeScenarioJSON())
    let bounds = try #require(scenario.region.frame?.bounds)
    #expect(bounds.south < 44.05 && bounds.north > 44.6 && bounds.west < -123.1 && bounds.east > -123.09)
    #expect(scenario.region.widthKm > 0 && scenario.region.heightKm > 0)
  }

  @Test("a site by xKm in a scenario placed by latitude/longitude is refused, naming the field")
  func mixingSiteRefused() {
    let sites = #"""
      [{ "name": "A", "kind": "hospital", "latitude": 44.05, "longitude": -123.09, "staff": 10, "capacity": 2 },
       { "name": "B", "kind": "clinic", "xKm": 5, "yKm": 5, "staff": 1, "capacity": 1 }]
      """#
    let problems = decodingProblems(globeScenarioJSON(sites: sites))
    #expect(problems.contains { $0.hasPrefix("sites[1].xKm:") && $0.contains("mixing") })
  }

  @Test("a program by xKm among sites by latitude/longitude is refused, naming the field")
  func mixingProgramRefused() {
    let problems = decodingProblems(globeScenarioJSON(programs: #"[{ "name": "C", "xKm": 5, "yKm": 5 }]"#))
    #expect(problems.contains { $0.hasPrefix("programs[0].xKm:") && $0.contains("mixing") })
  }

  @Test("one place given both ways is refused, naming the field")
  func bothInOnePlaceRefused() {
    let sites =
      #"[{ "name": "A", "kind": "hospital", "latitude": 44, "longitude": -123, "xKm": 3, "staff": 1, "capacity": 1 }]"#
    #expect(decodingProblems(globeScenarioJSON(sites: sites)).contains { $0.hasPrefix("sites[0].xKm:") })
  }

  @Test("region.widthKm beside latitude/longitude places is refused, naming the field")
  func widthWithGlobeRefused() {
    let problems = decodingProblems(globeScenarioJSON(region: #", "widthKm": 100"#))
    #expect(problems.contains { $0.hasPrefix("region.widthKm:") })
  }

  @Test("a latitude beyond 90 is refused, naming the field and the range")
  func latitudeRange() {
    let sites =
      #"[{ "name": "A", "kind": "hospital", "latitude": 91, "longitude": -123, "staff": 1, "capacity": 1 }]"#
    #expect(
      decodingProblems(globeScenarioJSON(sites: sites)).contains {
        $0.hasPrefix("sites[0].latitude:") && $0.contains("90")
      })
  }

  @Test("a longitude beyond 180 is refused, naming the field")
  func longitudeRange() {
    let programs = #"[{ "name": "C", "latitude": 44, "longitude": -181 }]"#
    #expect(
      decodingProblems(globeScenarioJSON(programs: programs)).contains {
        $0.hasPrefix("programs[0].longitude:")
      })
  }

  @Test("a site outside region.bounds is refused, naming its field")
  func outsideBounds() {
    let region = #", "bounds": { "south": 44.3, "west": -124, "north": 45, "east": -122 }"#
    #expect(
      decodingProblems(globeScenarioJSON(region: region)).contains {
        $0.hasPrefix("sites[0].latitude:") && $0.contains("outside")
      })
  }

  @Test("region.bounds with south above north is refused")
  func invertedBounds() {
    let region = #", "bounds": { "south": 45, "west": -124, "north": 44, "east": -122 }"#
    #expect(decodingProblems(globeScenarioJSON(region: region)).contains { $0.hasPrefix("region.bounds:") })
  }

  @Test("the world measures site-to-site and program-to-site distances on the globe")
  func worldUsesGlobe() throws {
    let scenario = try decodeScenario(
      globeScenarioJSON(region: #", "hospitals": { "count": 5, "independentShare": 1 }"#))
    let world = World(scenario: scenario, replicationSeed: 7)
    for site in world.sites {
      let point = try #require(site.location.geodetic)
      #expect(scenario.region.frame!.bounds.contains(point))
    }
    let college = world.programs[0].location
    #expect(
      college.distanceKm(to: world.sites[0].location)
        == GeoPoint(latitude: 44.6, longitude: -123.1).haversineKm(
          to: GeoPoint(latitude: 44.05, longitude: -123.09)))
  }
}
