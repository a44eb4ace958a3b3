import Experiments
import Foundation

/// The one-line progress report on standard error while a run goes on: replications done, the
/// rate, and the time left. Rewritten in place with a carriage return, at most four times a
/// second, and only when standard error is a terminal — a log file or a pipe gets nothing, so
/// captured output stays clean.
final class ProgressLine {
  private let enabled: Bool
  private var lastShown = -1.0
  private var width = 0

  init(enabled: Bool) { self.enabled = enabled }

  /// Shows `progress` unless the line was refreshed less than 0.25 s ago.
  func show(_ progress: RunProgress) {
    guard enabled, progress.elapsedSeconds - lastShown >= 0.25 else { return }
    lastShown = progress.elapsedSeconds
    let rate = progress.elapsedSeconds > 0 ? Double(progress.completed) / progress.elapsedSeconds : 0
    var text: String
    if progress.isOpenEnded {
      text = "\(progress.completed) replications (at most \(progress.planned), until the target is met)"
    } else {
      text = "\(progress.completed)/\(progress.planned) replications"
    }
    text += String(format: ", %.2f/s", rate)
    if !progress.isOpenEnded, rate > 0 {
      text += ", " + Self.duration(Double(progress.planned - progress.completed) / rate) + " left"
    }
    write("\r" + text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0))
    width = text.count
  }

  /// Erases the line, so what follows starts on a clean line.
  func clear() {
    guard enabled, width > 0 else { return }
    write("\r" + String(repeating: " ", count: width) + "\r")
    width = 0
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// `1:02:03`, `2:03` or `5s`.
  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
    if hours > 0 { return String(format: "%d:%02d:%02d", hours, minutes, rest) }
    if minutes > 0 { return String(format: "%d:%02d", minutes, rest) }
    return "\(rest)s"
  }
}
