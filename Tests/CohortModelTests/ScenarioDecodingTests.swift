import CohortModel
import Foundation
import SimKernel
import Testing

@Suite("scenario files are checked field by field")
struct ScenarioDecodingTests {
  func problems(_ json: String) -> [String] {
    do {
      _ = try Scenario.decode(Data(json.utf8), file: "test.json")
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test("every shipped scenario is valid")
  func shippedScenariosAreValid() throws {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".json")
    }
    #expect(files.count >= 5)
    for file in files { _ = try loadScenario(folder.appendingPathComponent(file).path) }
  }

  @Test("an unknown key is an error naming the allowed keys")
  func unknownKeyIsAnError() {
    let found = problems(#"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1, "cohortSise": 3}]}"#)
    #expect(found.count == 1)
    #expect(
      found[0].hasPrefix(
        "programs[0].cohortSise: unknown key \"cohortSise\" (did you mean \"cohortSize\"?); allowed keys: name, xKm"
      ))
  }

  @Test("every problem in a file is reported at once, each with its path")
  func everyProblemAtOnce() {
    let found = problems(
      #"{"name": "x", "demand": {"regionShare": 0}, "programs": [{"name": "A", "xKm": 1, "yKm": 1, "rotations": {"count": 0}}], "hiring": {"applyProbability": 1.5}}"#
    )
    #expect(found.contains("programs[0].rotations.count: must be from 1 to 12, got 0"))
    #expect(found.contains("demand.regionShare: must be in (0, 1], got 0"))
    #expect(found.contains("hiring.applyProbability: must be a probability in [0, 1], got 1.5"))
  }

  @Test("a trait that could be drawn outside [0, 1] is refused")
  func unboundedTraitRefused() {
    let found = problems(
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1}], "students": {"rapport": {"normal": {"mean": 0.5, "sd": 0.2}}}}"#
    )
    #expect(found.first?.hasPrefix("students.rapport: must draw only within [0, 1]") == true)
  }

  @Test("an invalid distribution parameter names its full path")
  func distributionPathIsFull() {
    let found = problems(
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1}], "demand": {"approvalDelayDays": {"gamma": {"shape": 2, "scale": -1}}}}"#
    )
    #expect(found == ["demand.approvalDelayDays.gamma.scale: must be > 0, got -1"])
  }

  @Test("an unknown pathway names the known ones")
  func unknownPathway() {
    let found = problems(
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1, "pathway": "rdms"}]}"#)
    #expect(found == ["programs[0].pathway: unknown pathway \"rdms\"; allowed: ardms, arrt, cci"])
  }

  @Test("budget, attrition and turnover fields are checked and named by their paths")
  func budgetAttritionAndTurnoverFieldsAreChecked() {
    let found = problems(
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1}], "demand": {"growthCycle": "monthly", "fiscalYearStartMonth": 13, "systemFreezeProbability": 1}, "students": {"withdrawalProbability": 1.2}, "hiring": {"maxChainLength": 0, "firstYearQuitProbability": -0.1}, "credentialPathways": {"ardms": {"exams": [{"name": "A", "monthsAfterStart": 1, "firstAttemptPass": 0.5}], "window": "never"}}}"#
    )
    #expect(found.contains("demand.growthCycle: must be one of fiscalYear, budgetPeriod, got \"monthly\""))
    #expect(found.contains("demand.fiscalYearStartMonth: must be a month number from 1 to 12, got 13"))
    #expect(found.contains("demand.systemFreezeProbability: must be a probability in [0, 1), got 1"))
    #expect(found.contains("students.withdrawalProbability: must be a probability in [0, 1], got 1.2"))
    #expect(found.contains("hiring.maxChainLength: must be a whole number from 1 to 1000, got 0"))
    #expect(found.contains("hiring.firstYearQuitProbability: must be a probability in [0, 1], got -0.1"))
    #expect(
      found.contains(
        "credentialPathways.ardms.window: must be one of fromGraduation, betweenPasses, got \"never\""),
      "\(found)")
  }
}

@Suite("scenario defaults and cross-field checks")
struct ScenarioDefaultsTests {
  @Test("giving only a site kind's count keeps that kind's other defaults")
  func partialSiteKindKeepsDefaults() throws {
    let json =
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1}], "region": {"clinics": {"count": 4}}}"#
    let scenario = try Scenario.decode(Data(json.utf8), file: "test.json")
    #expect(scenario.region.clinics.count == 4)
    #expect(scenario.region.clinics.independentShare == RegionParameters().clinics.independentShare)
    #expect(scenario.region.clinics.staff == RegionParameters().clinics.staff)
  }

  @Test("rotations that would run past graduation are refused")
  func rotationsMustEndByGraduation() {
    let json =
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1, "lengthMonths": 12, "clinicalStartMonth": 6, "rotations": {"count": 3, "lengthWeeks": 16}}]}"#
    #expect(throws: ScenarioError.self) { try Scenario.decode(Data(json.utf8), file: "test.json") }
  }

  @Test("a state that is not a two-letter code is refused, as is an unknown key in a state entry")
  func stateEntriesAreChecked() throws {
    let json =
      #"{"name": "x", "programs": [{"name": "A", "xKm": 1, "yKm": 1}], "region": {"states": [{"code": "Oregon", "share": 1, "sahre": 2}]}}"#
    do {
      _ = try Scenario.decode(Data(json.utf8), file: "test.json")
      Issue.record("expected an error")
    } catch {
      let messages = error.problems.map(\.description)
      #expect(messages.contains { $0.hasPrefix("region.states[0].code: must be a two-letter postal code") })
      #expect(messages.contains { $0.hasPrefix("region.states[0].sahre: unknown key") })
    }
  }
}
