import Foundation
import SimKernel

extension World {
  /// Where generated programs are, when the region clusters its generated sites around them
  /// (`generatedPrograms.sitesNearPrograms` > 0): each program's town is drawn uniformly over
  /// the region, and each generated site is, with that probability, placed at a distance
  /// `nearProgramKm` in a uniform direction from the town of a program drawn uniformly; the
  /// other sites keep their uniform place. Both come from the stream "program towns", so a
  /// region that does not cluster draws nothing from it.
  struct ProgramTowns: ~Copyable {
    var locations: [Location]
    var stream: RandomStream
    let share: Double
    let distance: Distribution

    /// Nil when the scenario does not cluster.
    init?(scenario: Scenario, replicationSeed: UInt64) {
      guard let generated = scenario.generatedPrograms, generated.sitesNearPrograms > 0 else { return nil }
      stream = RandomStream(
        replicationSeed: replicationSeed, key: StreamKey("program towns"), algorithm: scenario.generator)
      let region = scenario.region
      var drawn: [Location] = []
      for _ in 0..<generated.count {
        let x = stream.uniform() * region.widthKm
        drawn.append(region.location(xKm: x, yKm: stream.uniform() * region.heightKm))
      }
      locations = drawn
      share = generated.sitesNearPrograms
      distance = generated.nearProgramKm
    }

    /// A clustered site's place, or nil when this site stays where it was drawn uniformly.
    mutating func clusteredLocation(region: RegionParameters) -> Location? {
      guard stream.chance(share) else { return nil }
      let town = locations[stream.integer(below: locations.count)]
      let km = max(0, distance.sample(&stream))
      return region.location(km, at: 2 * Double.pi * stream.uniform(), from: town)
    }
  }
}
