import CohortModel
import Experiments
import Foundation

/// Tells a user whose scenario predates a change of defaults which of them it now takes
/// (ModelDefaults): on standard error, before any work, unless the command is quiet.
func noteChangedDefaults(_ file: ScenarioFile, quiet: Bool) {
  guard !quiet, !file.changedDefaults.isEmpty else { return }
  printError("\(file.path): " + ModelDefaults.note(file.changedDefaults))
}
