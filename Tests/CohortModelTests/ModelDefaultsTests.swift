import CohortModel
import Foundation
import Testing

private func inherited(_ json: String, since revision: String? = nil) -> [String] {
  ModelDefaults.inherited(by: Data(json.utf8), since: revision).map(\.path)
}

@Suite("model defaults revisions")
struct ModelDefaultsTests {
  @Test("a file is told of a changed default it does not set, and not of one it sets")
  func listsChangedFieldsTheFileDoesNotSet() {
    let paths = inherited(#"{"hiring": {"applyProbability": 0.5}, "region": {"clinics": {"capacity": 1}}}"#)
    #expect(paths.contains("hiring.lookaheadDays"))
    #expect(!paths.contains("hiring.applyProbability"))
    #expect(!paths.contains("region.clinics.capacity"))
    #expect(paths.count == ModelDefaults.changes.count - 2)
  }

  @Test("a program field counts as set only when every program and the template set it")
  func programFieldsCountWhenEveryProgramSetsThem() {
    let rotations = #""rotations": {"count": 3, "lengthWeeks": 16}"#
    let one = inherited(#"{"programs": [{"# + rotations + #"}, {"name": "B"}]}"#)
    #expect(one.contains("programs[].rotations"))
    let both = inherited(#"{"programs": [{"# + rotations + #"}, {"# + rotations + #"}]}"#)
    #expect(!both.contains("programs[].rotations"))
    let template = inherited(
      #"{"programs": [{"# + rotations + #"}], "generatedPrograms": {"count": 2, "template": {}}}"#)
    #expect(template.contains("programs[].rotations"))
  }

  @Test("students.withdrawalProbability counts as set when every program states its retention")
  func programRetentionSetsTheWithdrawalDefault() {
    #expect(
      inherited(#"{"programs": [{"retention": 0.8}]}"#).contains("students.withdrawalProbability") == false)
    #expect(inherited(#"{"programs": [{"retention": 0.8}, {}]}"#).contains("students.withdrawalProbability"))
    #expect(
      !inherited(#"{"students": {"withdrawalProbability": 0.28}}"#).contains("students.withdrawalProbability")
    )
  }

  @Test("a file naming \"modelDefaults\": \"2026-12\" is told of no change")
  func theCurrentRevisionGivesNoChanges() throws {
    let json = listedSitesJSON().replacingOccurrences(
      of: #""name": "listed","#, with: #""name": "listed", "modelDefaults": "2026-12","#)
    let scenario = try decodeScenario(json)
    #expect(scenario.modelDefaults == "2026-12")
    #expect(inherited(json, since: scenario.modelDefaults).isEmpty)
    #expect(!inherited(json, since: nil).isEmpty)
  }

  @Test("an unknown revision is refused at modelDefaults, naming the revisions allowed")
  func unknownRevisionIsRefused() {
    let json = listedSitesJSON().replacingOccurrences(
      of: #""name": "listed","#, with: #""name": "listed", "modelDefaults": "2025-06","#)
    let problems = decodingProblems(json)
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.hasPrefix("modelDefaults: must be one of: 2026-12") == true, "\(problems)")
  }

  @Test("a \"$schema\" key is accepted and ignored")
  func schemaKeyIsIgnored() throws {
    let plain = try decodeScenario(listedSitesJSON())
    let withSchema = try decodeScenario(
      listedSitesJSON().replacingOccurrences(
        of: #""name": "listed","#, with: #""$schema": "../docs/scenario.schema.json", "name": "listed","#))
    #expect(withSchema == plain)
  }

  @Test("a program too short for the new rotation plan is refused with a message naming the old plan")
  func shortProgramNamesTheOldRotationPlan() {
    // 6 months before the clinical phase and 5 × 9.5 weeks + 4 one-week gaps (51.5 weeks, 11.8
    // months) end in month 17.8: after a 12-month program's graduation.
    let short = decodingProblems(
      listedSitesJSON(programs: #"[{ "name": "College", "xKm": 100, "yKm": 50, "lengthMonths": 12 }]"#))
    #expect(short.count == 1, "\(short)")
    #expect(short.first?.hasPrefix("programs[0].rotations: the rotations (5 × 9.5 weeks") == true, "\(short)")
    #expect(
      short.first?.contains(
        #"changed on 2026-12-06 from 3 × 16 weeks to 5 × 9.5 weeks: give "rotations": {"count": 3, "lengthWeeks": 16} to keep the old plan"#
      ) == true, "\(short)")
    // A program that states its own plan is not pointed at the old one.
    let stated = decodingProblems(
      listedSitesJSON(
        programs:
          #"[{ "name": "College", "xKm": 100, "yKm": 50, "lengthMonths": 12, "rotations": {"count": 4, "lengthWeeks": 12} }]"#
      ))
    #expect(stated.count == 1 && stated.first?.contains("must end by graduation") == true, "\(stated)")
    #expect(stated.first?.contains("old plan") == false, "\(stated)")
  }
}
