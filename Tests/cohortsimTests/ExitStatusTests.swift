import CohortModel
import Experiments
import Testing

@testable import cohortsim

/// The one mapping of errors to exit codes (issue 29).
@Suite("exit codes")
struct ExitStatusTests {
  @Test("the exit codes are 0 done, 1 differs, 2 bad input, 3 failure, 130 interrupted")
  func codes() {
    #expect(
      [ExitStatus.done, .differs, .badInput, .failure, .interrupted].map(\.rawValue) == [0, 1, 2, 3, 130])
  }

  @Test("a usage error and the library's input errors are bad input")
  func inputErrorsAreBadInput() {
    let errors: [any Error] = [
      UsageError(message: "x", command: "run"), PosteriorError(folder: "posterior", "x"), MergeError("x"),
      CalibrationError(file: "t.json", path: "targets", "x"),
    ]
    for error in errors { #expect(ExitStatus.of(error) == .badInput, "\(type(of: error))") }
  }

  @Test("a write error is bad input before any work and a failure after")
  func outputErrorBySetup() {
    #expect(ExitStatus.of(OutputError(path: "out", reason: "x", isSetup: true)) == .badInput)
    #expect(ExitStatus.of(OutputError(path: "out", reason: "x", isSetup: false)) == .failure)
  }

  @Test("a command's own failure keeps its status; an unexpected error is none of the known ones")
  func commandFailureAndUnknown() {
    #expect(ExitStatus.of(CommandFailure(.interrupted, "interrupted")) == .interrupted)
    #expect(ExitStatus.of(UndeclaredOption(option: "x", command: "run")) == nil)
  }
}
