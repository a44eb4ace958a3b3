import Experiments
import Foundation

/// The cancellation SIGINT, SIGTERM and SIGHUP set. A signal handler is a C function that cannot
/// capture anything, so what it reaches must be global; it is created before the handler is
/// installed, and the handler only performs an atomic store on it (async-signal-safe).
private let interruptCancellation = Cancellation()

/// Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into a request to stop the run, so the runner can delete
/// its partial files before the process exits with 130, instead of dying with half-written
/// files on disk.
struct InterruptTrap {
  let cancellation = interruptCancellation
  /// Ctrl-C, `kill`, and a closed terminal or SSH session: all three stop the run the same way.
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Installs the handlers and unblocks the signals on this thread, which the worker
  /// threads inherit: a parent may have started us with them blocked (some process launchers
  /// do), and a blocked signal would never reach the handler.
  init() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signalNumber in InterruptTrap.signals {
      signal(signalNumber) { _ in interruptCancellation.cancel() }
      sigaddset(&signals, signalNumber)
    }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  /// Puts the default handlers back, so a later signal ends the process at once.
  func restore() {
    for signalNumber in InterruptTrap.signals { signal(signalNumber, SIG_DFL) }
  }
}
