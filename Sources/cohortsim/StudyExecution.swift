import Experiments
import Foundation

/// A study (run, compare, sweep, calibrate) that stopped without an outcome; its error is already
/// printed, and `exitCode` is what the command returns.
struct StudyFailed: Error {
  let exitCode: Int32
}

/// Runs `work` the way every long command does: Ctrl-C, SIGTERM and SIGHUP trapped
/// (`InterruptTrap`), so the runner can remove its partial files; progress on a rewritten line
/// when standard error is a terminal, and otherwise (Slurm, CI) through the plain log `makeLog`
/// builds; the line cleared afterwards. Quiet shows neither. A write failure is printed and
/// becomes exit 2 when it was the output path (bad input) and 3 otherwise.
func runShowingProgress<Progress, Outcome>(
  quiet: Bool, onTerminal: @escaping (Progress) -> RunProgress, makeLog: () -> (Progress) -> Void,
  _ work: (Cancellation, (Progress) -> Void) throws(OutputError) -> Outcome
) throws(StudyFailed) -> Outcome {
  let interrupts = InterruptTrap()
  defer { interrupts.restore() }
  let terminal = isatty(STDERR_FILENO) != 0
  let progressLine = ProgressLine(enabled: !quiet && terminal)
  let log = quiet || terminal ? nil : makeLog()
  do {
    let outcome = try work(interrupts.cancellation) { progress in
      progressLine.show(onTerminal(progress))
      log?(progress)
    }
    progressLine.clear()
    return outcome
  } catch {
    progressLine.clear()
    printError(error.description)
    throw StudyFailed(exitCode: error.isSetup ? 2 : 3)
  }
}
