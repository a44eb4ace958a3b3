import Experiments
import Foundation

/// Progress for a log rather than a terminal (Slurm, CI): one plain line on standard error every
/// `interval` seconds of the job's own elapsed time, never rewritten, so the log shows the job is
/// alive and how far it has got. `sweep` and `calibrate` share it; each says what a line holds.
final class ThrottledProgressLog<Progress> {
  private let interval: Double
  private let elapsedSeconds: (Progress) -> Double
  private let line: (Progress) -> String
  private var lastShown = 0.0

  init(
    interval: Double = 30, elapsedSeconds: @escaping (Progress) -> Double,
    line: @escaping (Progress) -> String
  ) {
    self.interval = interval
    self.elapsedSeconds = elapsedSeconds
    self.line = line
  }

  func show(_ progress: Progress) {
    let elapsed = elapsedSeconds(progress)
    guard elapsed - lastShown >= interval else { return }
    lastShown = elapsed
    FileHandle.standardError.write(Data((line(progress) + "\n").utf8))
  }
}

extension ThrottledProgressLog where Progress == SweepProgress {
  /// "sweep: 3/10 points, 12/40 replications, 1:00 elapsed, about 2:20 left".
  static func sweep() -> ThrottledProgressLog {
    ThrottledProgressLog(elapsedSeconds: \.elapsedSeconds) { progress in
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
      return text
    }
  }
}

extension ThrottledProgressLog where Progress == ABCProgress {
  /// "calibrate: generation 2/4, 37/100 accepted of 120 proposals, epsilon 1.5, 1:00 elapsed".
  static func calibration() -> ThrottledProgressLog {
    ThrottledProgressLog(elapsedSeconds: \.elapsedSeconds) { progress in
      let epsilon = progress.epsilon.map { ", epsilon \(CSVFormat.number($0))" } ?? ""
      return
        "calibrate: generation \(progress.generation + 1)/\(progress.generations), "
        + "\(progress.accepted)/\(progress.particles) accepted of \(progress.proposals) proposals\(epsilon), "
        + ProgressLine.duration(progress.elapsedSeconds) + " elapsed"
    }
  }
}
