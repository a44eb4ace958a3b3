import Foundation
import Testing

/// Tests too slow for a debug `swift test` (a whole national replication, say) run only when
/// `COHORTSIM_HEAVY_TESTS=1`: `.ci/heavy-tests` runs the whole suite so, in a release build, as a
/// step of `.ci/run`. Nothing is dropped, only moved to where it is fast.
enum HeavyTests {
  static var enabled: Bool { ProcessInfo.processInfo.environment["COHORTSIM_HEAVY_TESTS"] == "1" }
  static let reason: Comment = "heavy: runs with COHORTSIM_HEAVY_TESTS=1 in .ci/heavy-tests (release build)"
}
