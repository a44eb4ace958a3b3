import Foundation
import SimKernel

/// Where the model's defaults come from, and which of them changed when.
///
/// Defaults are the calibrated model (MODEL.md, "Calibration status"): a scenario states only
/// what is particular to its region or program. When defaults change, a scenario written
/// against the old ones still runs, on the new ones, and is told which of the changed fields it
/// takes: each revision lists its changes, and a scenario's `"modelDefaults"` names the revision
/// it was written against (absent: before the first, so every change applies to it).
public enum ModelDefaults {
  /// The revision the code's defaults are; a scenario naming it is told of no change.
  public static let current = "2026-12"
  /// Every revision a scenario may name, oldest first.
  public static let revisions = [current]
  /// The calibration the current defaults come from, as `run.json` and `describe` name it.
  public static let calibration =
    "joint ABC-SMC calibration of 2026-12-06 over baseline, one-program-oregon and national-sample "
    + "(Results/calibration-joint, particle 3 of its last generation; targets Scenarios/targets/joint.json)"

  /// One default that changed in revision `revision`.
  public struct Change: Sendable, Equatable {
    /// The field as MODEL.md's parameter tables name it; `programs[]` stands for every listed
    /// program and `generatedPrograms.template`.
    public var path: String
    public var old: String
    public var new: String
    public var revision: String
  }

  /// The changes of revision 2026-12 (issue 25: one calibrated model for every scenario).
  public static var changes: [Change] {
    let hiring = HiringParameters()
    let students = StudentParameters()
    let plan = RotationPlan()
    func number(_ value: Double) -> String { format(value) }
    return [
      ("hiring.strongImpressionThreshold", "0.55", number(hiring.strongImpressionThreshold)),
      ("hiring.lookaheadDays", "270", number(hiring.lookaheadDays)),
      ("hiring.holdWindowDays", "180", number(hiring.holdWindowDays)),
      ("hiring.contingentHireProbability", "0.5", number(hiring.contingentHireProbability)),
      ("hiring.finalTermApplyDays", "90", number(hiring.finalTermApplyDays)),
      ("hiring.externalApplicants", "poisson(1.2)", hiring.externalApplicants.summary),
      ("hiring.applyProbability", "0.7", number(hiring.applyProbability)),
      ("students.unwillingToRelocateShare", "0.55", number(students.unwillingToRelocateShare)),
      ("hiring.knowledgeWeight", "0.5", number(hiring.knowledgeWeight)),
      ("hiring.recentStudentDays", "365", number(hiring.recentStudentDays)),
      ("evaluation.memoryHalfLifeDays", "240", number(EvaluationParameters().memoryHalfLifeDays)),
      (
        "students.withdrawalProbability", "0.28 for everyone",
        "none: each program's retention (programs[].retention, beta(9, 3)), varied by cohort"
      ),
      (
        "students.examAbility", "normal(0, 0.8)",
        students.examAbility.summary + " plus program and cohort shifts"
      ),
      (
        "programs[].rotations", "3 × 16 weeks, 1-week gaps",
        "\(plan.count) × \(number(plan.lengthWeeks)) weeks, \(number(plan.gapWeeks))-week gaps"
      ),
      ("region.clinics.capacity", "1", "0 (clinics take no students)"),
    ].map { Change(path: $0.0, old: $0.1, new: $0.2, revision: current) }
  }

  /// The changes made after `revision` (nil: every change) whose field the scenario file `json`
  /// does not set, in `changes` order. A program path counts as set only when every listed
  /// program and the template set it; `students.withdrawalProbability` counts as set when the
  /// file gives it or every program gives its own `retention`.
  public static func inherited(by json: Data, since revision: String?) -> [Change] {
    guard revision != current else { return [] }
    guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else { return [] }
    var programs = root["programs"] as? [[String: Any]] ?? []
    if let template = (root["generatedPrograms"] as? [String: Any])?["template"] as? [String: Any] {
      programs.append(template)
    }
    func sets(_ path: String) -> Bool {
      if path.hasPrefix("programs[].") {
        let key = String(path.dropFirst("programs[].".count))
        return !programs.isEmpty && programs.allSatisfy { $0[key] != nil }
      }
      var node: Any? = root
      for key in path.split(separator: ".") {
        node = (node as? [String: Any])?[String(key)]
      }
      return node != nil
    }
    return changes.filter { change in
      if change.path == "students.withdrawalProbability" {
        return !sets(change.path) && !sets("programs[].retention")
      }
      return !sets(change.path)
    }
  }

  /// One line per change, for a note on standard error.
  public static func note(_ changes: [Change]) -> String {
    "note: this scenario does not name \"modelDefaults\": \"\(current)\", and takes \(changes.count) defaults "
      + "that changed in that revision (now from the \(calibration)); it runs on the new ones. Set a field to keep "
      + "its old value, or add \"modelDefaults\": \"\(current)\" once the scenario is checked against them:\n"
      + changes.map { "  \($0.path): was \($0.old), now \($0.new)" }.joined(separator: "\n")
  }
}
