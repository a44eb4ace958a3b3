import Experiments
import Foundation

/// Runs `work` the way every long command does: Ctrl-C, SIGTERM and SIGHUP trapped
/// (`InterruptTrap`), so the runner can remove its partial files; progress on a rewritten line
/// when standard error is a terminal, and otherwise (Slurm, CI) through the plain log `makeLog`
/// builds; the line cleared afterwards, also before a write failure goes up to be printed. Quiet
/// shows neither.
func runShowingProgress<Progress, Outcome>(
  quiet: Bool, onTerminal: @escaping (Progress) -> RunProgress, makeLog: () -> (Progress) -> Void,
  _ work: (Cancellation, (Progress) -> Void) throws(OutputError) -> Outcome
) throws(OutputError) -> Outcome {
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
    throw error
  }
}
