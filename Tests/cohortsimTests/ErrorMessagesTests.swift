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

  /// The same three merge refusals the old messages spelt with flags, now phrased here: the
  /// library's words name no option.
  @Test("a merge refusal names the declared --shard and --out, and the library's words name neither")
  func mergeNamed() {
    let notAFolder = MergeError(.notAFolder("s0/"))
    #expect(
      ErrorMessages.message(notAFolder)
        == "s0/ is not a folder; give the folders 'cohortsim run --shard K/N --out DIR' wrote")
    let unfinished = MergeError(.unfinishedShard("s1/"))
    #expect(
      ErrorMessages.message(unfinished)
        == "s1/ has no run.json: not a finished shard (its task may have failed; rerun it with --shard K/N)")
    let clash = MergeError(.outputIsShard(output: "s1", shard: "s1/"))
    #expect(ErrorMessages.message(clash) == "--out s1 is the shard folder s1/; merge into another folder")
    for error in [notAFolder, unfinished, clash] { #expect(!error.description.contains("--")) }
  }

  @Test(
    "a missing baseline says to make one with the declared --bless, and the library's words name no option")
  func missingBaselineNamed() {
    let error = BaselineError.missing("Results/x")
    #expect(
      ErrorMessages.message(error)
        == "bad baseline Results/x: no such directory; create it with 'cohortsim check SCENARIO --bless' or "
        + "'cohortsim run'")
    #expect(!error.description.contains("--"))
  }
}
