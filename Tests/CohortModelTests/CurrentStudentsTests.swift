import CohortModel
import Foundation
import Testing

/// The shipped Oregon scenario (sites from its spreadsheet) and current-students file.
func oregonScenario() throws -> Scenario {
  try loadScenario(
    repositoryRoot.appendingPathComponent("Scenarios/one-program-oregon.json").path)
}

let oregonStudentsPath = repositoryRoot.appendingPathComponent(
  "Scenarios/one-program-oregon-current-students.csv"
).path

private let header =
  "student_id,program,intake_year,status,rotation_sites,current_site,spi_passed,specialty_passed,offer_site"
private let college = "Calapooia Community College"
/// The five rotations the 2024 intake has completed by 2026-03-01 (the default plan, 7.2).
private let completedRotations =
  "Santiam Health Albany Medical Center;Santiam Health Lebanon Hospital;Row River Health Eugene Medical Center;"
  + "Santiam Health Corvallis Imaging;Row River Health Springfield Hospital"

/// The problems a current-students text gives as "file: where: message" lines (as of 2026-03-01
/// unless the text or `asOf` says otherwise).
private func problems(_ rows: String, asOf: String? = "2026-03-01") throws -> [String] {
  let scenario = try oregonScenario()
  do {
    _ = try CurrentStudents.parse(
      Data((header + "\n" + rows + "\n").utf8), file: "students.csv", scenario: scenario,
      asOf: CohortModelTests.asOf(asOf))
    return []
  } catch {
    return error.description.split(separator: "\n").map(String.init)
  }
}

@Suite("the current-students file")
struct CurrentStudentsTests {
  @Test("the shipped Oregon file reads: 14 students at mixed stages, as of its stated date")
  func shippedFileReads() throws {
    let current = try CurrentStudents.parse(
      try fileBytes(oregonStudentsPath), file: oregonStudentsPath, scenario: try oregonScenario(),
      asOf: asOf(nil))
    #expect(current.students.count == 14)
    #expect(current.asOfDate == "2026-03-01")
    #expect(current.asOfDay == 790)
    #expect(current.students.contains { $0.status == .graduatedSearching })
    #expect(current.students.contains { $0.currentSite != nil })
    #expect(current.students.contains { if case .hired = $0.status { true } else { false } })
  }

  @Test("a good row reads its sites, exams and status")
  func goodRow() throws {
    let current = try CurrentStudents.parse(
      Data((header + "\nA,\(college),2024,in_program,\(completedRotations),,true,false,\n").utf8),
      file: "s.csv",
      scenario: try oregonScenario(), asOf: asOf("2026-03-01"))
    let names = World.siteNames(try oregonScenario())
    #expect(
      current.students[0].rotationSites.map { names[$0] }
        == completedRotations.split(separator: ";").map(String.init))
    #expect(current.students[0].examsPassed == [true, false])
    #expect(current.students[0].status == .inProgram && current.students[0].currentSite == nil)
  }

  @Test("an unknown site in rotation_sites names the file, the line and the column")
  func unknownRotationSite() throws {
    let rows =
      "A,\(college),2024,in_program,Santiam Health Albany Medical Center;Nowhere General;Florence Coast Clinic,,true,false,"
    let found = try problems(rows)
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix(
        "students.csv: line 2, column 5 (rotation_sites): unknown site \"Nowhere General\"") == true)
  }

  @Test("hired without an offer_site names the offer_site column")
  func hiredWithoutOffer() throws {
    let found = try problems("A,\(college),2024,hired,\(completedRotations),,true,false,")
    #expect(
      found == [
        "students.csv: line 2, column 9 (offer_site): a hired student needs the site of the accepted offer"
      ])
  }

  @Test("an offer_site on a student who is not hired is refused")
  func offerWithoutHire() throws {
    let found = try problems(
      "A,\(college),2024,in_program,\(completedRotations),,true,false,Florence Coast Clinic")
    #expect(found == ["students.csv: line 2, column 9 (offer_site): only a hired student has an offer site"])
  }

  @Test("an intake year the program does not have names the intake_year column")
  func nonexistentIntake() throws {
    let found = try problems("A,\(college),2019,in_program,,,false,false,")
    #expect(
      found.first?.hasPrefix(
        "students.csv: line 2, column 3 (intake_year): Calapooia Community College has no intake in \"2019\"")
        == true)
  }

  @Test("an intake after the as-of date names the intake_year column")
  func intakeAfterDate() throws {
    let found = try problems("A,\(college),2027,in_program,,,false,false,")
    #expect(
      found == [
        "students.csv: line 2, column 3 (intake_year): the 2027 intake starts after the as-of date 2026-03-01"
      ])
  }

  @Test("a date before every intake names --as-of")
  func dateBeforeEveryIntake() throws {
    let found = try problems("A,\(college),2024,in_program,,,false,false,", asOf: "2020-01-15")
    #expect(found == ["students.csv: --as-of: 2020-01-15 is before every intake of the scenario's programs"])
  }

  @Test("a stated date before every intake names its line")
  func statedDateBeforeEveryIntake() throws {
    let scenario = try oregonScenario()
    do {
      _ = try CurrentStudents.parse(
        Data("# as_of: 2021-06-01\n\(header)\nA,\(college),2024,in_program,,,false,false,\n".utf8),
        file: "s.csv",
        scenario: scenario, asOf: asOf(nil))
      Issue.record("accepted")
    } catch {
      #expect(
        error.description == "s.csv: line 1: 2021-06-01 is before every intake of the scenario's programs")
    }
  }

  @Test("a bad override date is named as the caller names the override, not as a flag the model knows")
  func overrideNamedByCaller() throws {
    let text = "\(header)\nA,\(college),2024,in_program,,,false,false,\n"
    let error = #expect(throws: ScenarioError.self) {
      try CurrentStudents.parse(
        Data(text.utf8), file: "s.csv", scenario: try oregonScenario(),
        asOf: AsOfOverride(option: "the date field", date: "2026-02-30"))
    }
    #expect(error?.description == "s.csv: the date field: expected a date YYYY-MM-DD, got \"2026-02-30\"")
  }

  @Test("a file that states no date is told to give the caller's override or an as_of line")
  func noDateNamesTheCallersOverride() throws {
    let text = "\(header)\nA,\(college),2024,in_program,,,false,false,\n"
    let error = #expect(throws: ScenarioError.self) {
      try CurrentStudents.parse(
        Data(text.utf8), file: "s.csv", scenario: try oregonScenario(),
        asOf: AsOfOverride(option: "the date field", date: nil))
    }
    #expect(
      error?.description
        == "s.csv: line 1: states no date: give the date field YYYY-MM-DD, or a first line \"# as_of: YYYY-MM-DD\""
    )
  }

  @Test("a malformed date is refused naming where it came from")
  func malformedDate() throws {
    #expect(
      try problems("A,\(college),2024,in_program,,,false,false,", asOf: "2026-02-30") == [
        "students.csv: --as-of: expected a date YYYY-MM-DD, got \"2026-02-30\""
      ])
  }

  @Test("too few completed rotations for the calendar names rotation_sites")
  func rotationCount() throws {
    let found = try problems("A,\(college),2024,in_program,Florence Coast Clinic,,true,false,")
    #expect(
      found == [
        "students.csv: line 2, column 5 (rotation_sites): the 2024 intake has completed 5 rotations by 2026-03-01; rotation_sites lists 1"
          + CurrentStudents.planNote(RotationPlan())
      ])
  }

  @Test("a cohort on rotation needs its current_site")
  func currentSiteNeeded() throws {
    let found = try problems("A,\(college),2025,in_program,,,false,false,")
    #expect(
      found == [
        "students.csv: line 2, column 6 (current_site): the 2025 intake is on a rotation on 2026-03-01: name its site"
      ])
  }

  @Test("in_program for a cohort that has graduated names the status column")
  func graduatedInProgram() throws {
    let found = try problems("A,\(college),2023,in_program,\(completedRotations),,true,false,")
    #expect(
      found.first?.hasPrefix(
        "students.csv: line 2, column 4 (status): the 2023 intake graduated before 2026-03-01") == true)
  }

  @Test("an unknown status lists the statuses allowed")
  func unknownStatus() throws {
    let found = try problems("A,\(college),2024,on_leave,\(completedRotations),,true,false,")
    #expect(
      found == [
        "students.csv: line 2, column 4 (status): unknown status \"on_leave\"; allowed: in_program, graduated_searching, hired"
      ])
  }

  @Test("a student listed twice names the second row")
  func duplicateStudent() throws {
    let row = "A,\(college),2024,in_program,\(completedRotations),,true,false,"
    #expect(
      try problems(row + "\n" + row) == [
        "students.csv: line 3, column 1 (student_id): student \"A\" is listed twice"
      ])
  }

  @Test("an exam column that is not true or false names its column")
  func badFlag() throws {
    #expect(
      try problems("A,\(college),2024,in_program,\(completedRotations),,yes,false,") == [
        "students.csv: line 2, column 7 (spi_passed): must be true or false (in any case), got \"yes\""
      ])
  }

  @Test("an exam column written TRUE or False, as Excel saves it, reads as the boolean")
  func flagInAnyCase() throws {
    let current = try CurrentStudents.parse(
      Data((header + "\nA,\(college),2024,in_program,\(completedRotations),,TRUE,False,\n").utf8),
      file: "s.csv", scenario: try oregonScenario(), asOf: asOf("2026-03-01"))
    #expect(current.students[0].examsPassed == [true, false])
  }

  @Test("a missing column names line 1 and where it belongs")
  func missingColumn() throws {
    let scenario = try oregonScenario()
    do {
      _ = try CurrentStudents.parse(
        Data("student_id,program,intake_year\nA,\(college),2024\n".utf8), file: "s.csv",
        scenario: scenario, asOf: asOf("2026-03-01"))
      Issue.record("accepted")
    } catch {
      #expect(error.description.hasPrefix("s.csv: line 1, column 4: missing column \"status\""))
    }
  }
  /// Reads `text` as a current-students file of the Oregon scenario, with the date it states.
  private func read(_ text: String) throws -> CurrentStudents {
    try CurrentStudents.parse(Data(text.utf8), file: "s.csv", scenario: try oregonScenario(), asOf: asOf(nil))
  }

  @Test("a file with Windows line ends reads its as_of line and its rows")
  func windowsLineEnds() throws {
    let row = "A,\(college),2024,in_program,\(completedRotations),,true,false,"
    let current = try read("# as_of: 2026-03-01\r\n\(header)\r\n\(row)\r\n")
    #expect(current.asOfDate == "2026-03-01" && current.students.map(\.id) == ["A"])
  }

  @Test("a file starting with a byte-order mark reads its as_of line")
  func byteOrderMark() throws {
    let row = "A,\(college),2024,in_program,\(completedRotations),,true,false,"
    let current = try read("\u{FEFF}# as_of: 2026-03-01\n\(header)\n\(row)\n")
    #expect(current.asOfDate == "2026-03-01" && current.students.count == 1)
  }

  @Test("a file separated by semicolons is read, its rotation sites in quotes")
  func semicolonSeparated() throws {
    let header = header.replacingOccurrences(of: ",", with: ";")
    let row = "A;\(college);2024;in_program;\"\(completedRotations)\";;true;false;"
    let current = try read("# as_of: 2026-03-01\n\(header)\n\(row)\n")
    #expect(current.students.first?.rotationSites.count == 5)
  }

  @Test("a file separated by tabs is read")
  func tabSeparated() throws {
    let header = header.replacingOccurrences(of: ",", with: "\t")
    let row = "A\t\(college)\t2024\tin_program\t\(completedRotations)\t\ttrue\tfalse\t"
    let current = try read("# as_of: 2026-03-01\n\(header)\n\(row)\n")
    #expect(current.students.first?.examsPassed == [true, false])
  }

  @Test("a semicolon-separated row whose rotation sites are not quoted names the separator")
  func semicolonUnquoted() throws {
    let header = header.replacingOccurrences(of: ",", with: ";")
    let row = "A;\(college);2024;in_program;\(completedRotations);;true;false;"
    do {
      _ = try read("# as_of: 2026-03-01\n\(header)\n\(row)\n")
      Issue.record("accepted")
    } catch let error as ScenarioError {
      #expect(
        error.description
          == "s.csv: line 3, column 10: has 13 fields; the header has 9 (the header is separated by semicolons: a field holding one must be in double quotes)"
      )
    }
  }
}
