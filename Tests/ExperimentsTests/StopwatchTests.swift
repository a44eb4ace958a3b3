import Experiments
import Foundation
import Testing

@Suite("the stopwatch every runner times itself with")
struct StopwatchTests {
  @Test("a stopwatch counts fractions of a second from when it was started")
  func countsFractionsOfASecond() {
    let stopwatch = Stopwatch()
    #expect(stopwatch.elapsedSeconds < 0.05)
    Thread.sleep(forTimeInterval: 0.03)
    let elapsed = stopwatch.elapsedSeconds
    #expect(elapsed >= 0.03 && elapsed < 5, "\(elapsed)")
  }
}
