import Experiments
import Testing

@testable import cohortsim

/// Messages that name a flag are phrased by the command line from the option's declaration; the
/// library's errors carry the fact (issue 29).
@Suite("error messages that name options")
struct ErrorMessagesTests {
  @Test("a folder holding another run is refused naming the declared --overwrite, then what did not happen")
  func overwriteNamed() {
    let error = OutputError(
      path: "out", reason: "it holds another run: this one has seed 7 (the folder holds seed 42)",
      isSetup: true,
      remedy: .overwrite, consequence: "nothing was changed")
    #expect(
      ErrorMessages.message(error)
        == "cannot write out: it holds another run: this one has seed 7 (the folder holds seed 42); add --overwrite "
        + "to replace it; nothing was changed")
    #expect(!error.description.contains("--"))
  }

  @Test("a baseline over another posterior than the check's is refused naming the declared --posterior")
  func baselinePosteriorNamed() {
    let error = BaselineError(
      path: "Results/b", problem: "it ran at fixed parameters, not over a posterior",
      posterior: .drop(folder: "cal"))
    #expect(
      ErrorMessages.message(error)
        == "bad baseline Results/b: it ran at fixed parameters, not over a posterior; drop --posterior cal")
    #expect(!error.description.contains("--"))
  }

  @Test("an unusable posterior folder is named with the declared --posterior")
  func posteriorNamed() {
    let error = PosteriorError(folder: "calibration", "calibration/run.json is missing or unreadable")
    #expect(
      ErrorMessages.message(error) == "--posterior calibration: calibration/run.json is missing or unreadable"
    )
    #expect(!error.description.contains("--"))
  }
}
