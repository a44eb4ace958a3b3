import Experiments
import Testing

@Suite("progress lines for logs")
struct ProgressLogTests {
  /// Feeds progress at the given elapsed times and returns the lines written.
  static func lines(at times: [Double], planned: Int = 100, openEnded: Bool = false) -> [String] {
    var written: [String] = []
    let log = ProgressLog(interval: 30) { written.append($0) }
    for (index, time) in times.enumerated() {
      log.show(
        RunProgress(completed: index + 1, planned: planned, isOpenEnded: openEnded, elapsedSeconds: time))
    }
    return written
  }

  @Test("nothing is written before the first interval has passed")
  func quietAtFirst() {
    #expect(Self.lines(at: [0, 1, 10, 29.9]).isEmpty)
  }

  @Test("one line per interval however often progress is reported")
  func oneLinePerInterval() {
    let times = stride(from: 0.0, through: 95, by: 0.25).map { $0 }
    #expect(Self.lines(at: times).count == 3)
  }

  @Test("a line gives replications done, the rate and the time left")
  func lineContents() {
    let line = ProgressLog.line(
      RunProgress(completed: 60, planned: 100, isOpenEnded: false, elapsedSeconds: 30))
    #expect(line == "progress: 60/100 replications after 30s, 2.00/s, about 20s left\n")
  }

  @Test("with a stopping rule the planned count is a ceiling and the time left a bound")
  func openEndedLine() {
    let line = ProgressLog.line(
      RunProgress(completed: 60, planned: 1000, isOpenEnded: true, elapsedSeconds: 60))
    #expect(
      line
        == "progress: 60 replications (at most 1000) after 1:00, 1.00/s, at most 15:40 left (it stops when its rule is met)\n"
    )
  }
}
