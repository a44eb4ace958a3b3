import Foundation

/// Progress for logs: when standard error is a file or a pipe (a Slurm job, CI), a plain line
/// every `interval` seconds of a run, so the log shows the job is alive and when it should end.
/// A terminal gets the in-place progress line instead.
///
/// It keys on the run's own elapsed time (`RunProgress.elapsedSeconds`), not a clock of its own,
/// so a test can drive it with made-up progress. Any command that reports `RunProgress` can
/// use it: `run`, `compare`, and later commands that run many experiments.
public final class ProgressLog {
  public let interval: Double
  private let write: (String) -> Void
  private var nextLine: Double

  /// A log writing each line (newline included) through `write`, the first after `interval`.
  public init(interval: Double = 30, write: @escaping (String) -> Void) {
    precondition(interval > 0, "the interval between progress lines must be positive")
    self.interval = interval
    self.write = write
    nextLine = interval
  }

  /// Writes a line when `interval` seconds have passed since the last one; otherwise nothing.
  public func show(_ progress: RunProgress) {
    guard progress.elapsedSeconds >= nextLine else { return }
    // The next line is due one interval after this one, however late this one came.
    nextLine = progress.elapsedSeconds + interval
    write(Self.line(progress))
  }

  /// "progress: 120/1000 replications after 1:00, 2.00/s, about 7:20 left"; with a stopping
  /// rule (`--until`, `--select-best`) the count planned is a ceiling and the time left a bound.
  public static func line(_ progress: RunProgress) -> String {
    let rate = progress.elapsedSeconds > 0 ? Double(progress.completed) / progress.elapsedSeconds : 0
    var text =
      progress.isOpenEnded
      ? "progress: \(progress.completed) replications (at most \(progress.planned))"
      : "progress: \(progress.completed)/\(progress.planned) replications"
    text += " after \(duration(progress.elapsedSeconds))" + String(format: ", %.2f/s", rate)
    if rate > 0 {
      let left = duration(Double(progress.planned - progress.completed) / rate)
      text +=
        progress.isOpenEnded
        ? ", at most \(left) left (it stops when its rule is met)" : ", about \(left) left"
    }
    return text + "\n"
  }

  /// `1:02:03`, `2:03` or `5s`.
  public static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
    if hours > 0 { return String(format: "%d:%02d:%02d", hours, minutes, rest) }
    if minutes > 0 { return String(format: "%d:%02d", minutes, rest) }
    return "\(rest)s"
  }
}
