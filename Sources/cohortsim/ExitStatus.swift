import CohortModel
import Experiments
import Report

/// How a command ended, as the shell sees it. The one place outcomes and errors become exit
/// codes: commands return or throw, `ExitStatus(reporting:)` prints and maps.
enum ExitStatus: Int32 {
  /// The command did what was asked.
  case done = 0
  /// A check found a difference (a metric moved, a file differs, a target missed).
  case differs = 1
  /// Bad usage or bad input: the message names the file, the field path and what is allowed.
  case badInput = 2
  /// The work failed (a write in the middle of a run, a selection that could not decide).
  case failure = 3
  /// Ctrl-C, SIGTERM or SIGHUP: partial files removed, earlier results left as they were.
  case interrupted = 130
}

/// A command's refusal or failure, already phrased: printed as it is, ending the command with
/// `status`.
struct CommandFailure: Error, CustomStringConvertible {
  let status: ExitStatus
  let message: String

  init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  var description: String { message }
}

extension ExitStatus {
  /// The status `error` ends a command with: every input error of the library is bad input; a
  /// write error is bad input when it came before any work (an unusable output path) and a
  /// failure after; nil for an error cohortsim does not expect (an internal failure).
  static func of(_ error: any Error) -> ExitStatus? {
    switch error {
    case let failure as CommandFailure: failure.status
    case let output as OutputError: output.isSetup ? .badInput : .failure
    case is UsageError, is ScenarioError, is PosteriorError, is MergeError, is BaselineError, is SweepError,
      is CalibrationError, is ReportError:
      .badInput
    default: nil
    }
  }

  /// `error` printed on standard error — a scenario error one problem a line, an unexpected one
  /// as an internal error — and the status it ends the command with.
  init(reporting error: any Error) {
    guard let status = Self.of(error) else {
      printError("internal error: \(error)")
      self = .failure
      return
    }
    if let scenarioError = error as? ScenarioError {
      for line in scenarioError.description.split(separator: "\n") { printError(String(line)) }
    } else {
      printError(ErrorMessages.message(error))
    }
    self = status
  }
}
