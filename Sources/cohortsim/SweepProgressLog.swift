import Experiments
import Foundation

/// A sweep's progress for a log rather than a terminal (Slurm, CI): one plain line on standard
/// error every `interval` seconds, never rewritten, so the log shows a sweep is alive and how far
/// it has got.
final class SweepProgressLog {
  private let enabled: Bool
  private let interval: Double
  private var lastShown = 0.0

  init(enabled: Bool, interval: Double = 30) {
    self.enabled = enabled
    self.interval = interval
  }

  func show(_ progress: SweepProgress) {
    guard enabled, progress.elapsedSeconds - lastShown >= interval else { return }
    lastShown = progress.elapsedSeconds
    let computed = progress.evaluationsDone - progress.resumed
    let rate = progress.elapsedSeconds > 0 ? Double(computed) / progress.elapsedSeconds : 0
    var text =
      "sweep: \(progress.pointsDone)/\(progress.points) points, "
      + "\(progress.evaluationsDone)/\(progress.evaluations) replications, "
      + ProgressLine.duration(progress.elapsedSeconds) + " elapsed"
    if rate > 0 {
      text +=
        ", about " + ProgressLine.duration(Double(progress.evaluations - progress.evaluationsDone) / rate)
        + " left"
    }
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
