import Foundation

/// The temporary folders `cohortsim check` reruns into: `cohortsim-check-<pid>-<uuid>` in the
/// temporary directory, with the results folder's lock and staging folder beside it
/// (`.cohortsim-check-<pid>-<uuid>.cohortsim-lock`, `….cohortsim-staging-…`). A check removes
/// all three when it ends or is interrupted (INT, TERM, HUP); `kill -9` or a crash cannot be
/// caught, so every check first removes those of checks whose process is gone. The pid in the name is what makes that safe while other checks run:
/// a folder is removed only when no process has its pid (a reused pid keeps the folder until
/// that process ends too, never removes a live check's).
public enum CheckScratch {
  public static let prefix = "cohortsim-check-"

  /// A new folder path for this process (not created).
  public static func newFolder(in temporary: String = NSTemporaryDirectory()) -> String {
    (temporary as NSString).appendingPathComponent(
      "\(prefix)\(getpid())-\(UUID().uuidString)")
  }

  /// Removes every `cohortsim-check-<pid>-…` and `.cohortsim-check-<pid>-…` entry in `temporary`
  /// whose pid no process has; returns the names removed, sorted. Entries of other users' live
  /// processes and names without a pid are left alone.
  @discardableResult
  public static func removeStale(in temporary: String = NSTemporaryDirectory()) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
    var removed: [String] = []
    for name in names.sorted() where name.hasPrefix(prefix) || name.hasPrefix("." + prefix) {
      let rest = name.dropFirst(prefix.count + (name.hasPrefix(".") ? 1 : 0))
      guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
        !isAlive(pid)
      else { continue }
      let path = (temporary as NSString).appendingPathComponent(name)
      if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(name) }
    }
    return removed
  }

  /// `kill(pid, 0)` delivers nothing: it fails with ESRCH only when no such process exists
  /// (EPERM means it exists under another user).
  public static func isAlive(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno != ESRCH }
}
