import Foundation
import InputFormats
import SimKernel

/// A program director's current students, as of a date: the warm start of `run` and `compare`
/// (`--current-students FILE.csv`). Read and checked against the scenario here; put into the
/// simulation by `CohortDynamics` (WarmStart.swift), each into a legal lifecycle state.
public struct CurrentStudents: Sendable, Equatable {
  /// The file's path, as given.
  public var file: String
  /// The as-of date, `YYYY-MM-DD`, and its model day (days from 1 January of `startYear`).
  public var asOfDate: String
  public var asOfDay: Double
  public var students: [CurrentStudent]
  /// The cohorts the file marks complete (`# complete: PROGRAM YEAR` lines before the header):
  /// their listed students are the whole cohort. Every other cohort the file lists is filled up
  /// to its drawn size with generated students.
  public var completeCohorts: [CohortKey] = []

  /// The header, in this order in the shipped file; `impression`, `hire_date` and `start_date`
  /// may be added.
  public static let columns = [
    "student_id", "program", "intake_year", "status", "rotation_sites", "current_site", "spi_passed",
    "specialty_passed", "offer_site",
  ]
  static let optionalColumns = ["impression", "hire_date", "start_date"]

  /// One line per cohort the file lists: how many students, by status, and whether the rest of
  /// the cohort is generated (what `describe --current-students` prints).
  public func cohortLines(_ scenario: Scenario) -> [String] {
    var keys: [CohortKey] = []
    for student in students
    where !keys.contains(CohortKey(program: student.program, intakeYear: student.intakeYear)) {
      keys.append(CohortKey(program: student.program, intakeYear: student.intakeYear))
    }
    return keys.map { key in
      let rows = students.filter { $0.program == key.program && $0.intakeYear == key.intakeYear }
      let hired = rows.filter { if case .hired = $0.status { true } else { false } }.count
      let searching = rows.filter { $0.status == .graduatedSearching }.count
      let rest =
        isComplete(program: key.program, intakeYear: key.intakeYear)
        ? "marked complete: no student is generated"
        : "the rest of the cohort is generated up to its size"
      return "\(scenario.programs[key.program].name) \(key.intakeYear): \(rows.count) listed "
        + "(\(rows.count - hired - searching) in program, \(searching) searching, \(hired) hired); \(rest)"
    }
  }

  /// Whether the file marks the cohort (program index, intake year) complete.
  public func isComplete(program: Int, intakeYear: Int) -> Bool {
    completeCohorts.contains(CohortKey(program: program, intakeYear: intakeYear))
  }
}

/// How a caller lets a user date a current-students file instead of its `# as_of:` line: the
/// option's name (`--as-of` on the command line) and the date given under it, if any. The model
/// names the option in its messages (a bad date, a file that states none) without knowing
/// whether it is a flag, a field or a form.
public struct AsOfOverride: Sendable, Equatable {
  /// What the user calls the override, for messages.
  public var option: String
  /// The date given, `YYYY-MM-DD`; nil: the file's own `# as_of:` line.
  public var date: String?

  public init(option: String, date: String?) {
    self.option = option
    self.date = date
  }
}

/// One cohort: a program (index into `scenario.programs`) and its intake year.
public struct CohortKey: Sendable, Hashable {
  public var program: Int
  public var intakeYear: Int

  public init(program: Int, intakeYear: Int) {
    self.program = program
    self.intakeYear = intakeYear
  }
}

/// One listed student and what the file says about them.
public struct CurrentStudent: Sendable, Equatable {
  public var id: String
  /// Index into `scenario.programs`.
  public var program: Int
  public var intakeYear: Int
  public var status: CurrentStatus
  /// Site indices (`World.siteNames` order) of the rotations completed, in order.
  public var rotationSites: [Int]
  /// The site of the rotation under way at the as-of date.
  public var currentSite: Int?
  /// Per exam of the program's pathway, in order (SPI, then the specialty exam, for ARDMS):
  /// passed by the as-of date.
  public var examsPassed: [Bool]
  /// Staff impression (0–1) the director reports for the completed rotations, or nil.
  public var impression: Double?
}

/// Where a listed student is at the as-of date.
public enum CurrentStatus: Sendable, Equatable {
  case inProgram
  case graduatedSearching
  /// Hired at `site` (a site index). `hireDay` is the model day the offer was accepted
  /// (`hire_date`; nil: the as-of date) and `startDay` the day work starts (`start_date`; nil:
  /// drawn from `hiring.onboardingDays` after the hire or graduation, whichever is later).
  case hired(site: Int, hireDay: Double?, startDay: Double?)

  static let names = ["in_program", "graduated_searching", "hired"]
}

/// What a program's calendar says about one cohort at the as-of date (model days): what a
/// current-students row must say of it, and what `cohortsim init`'s starter rows say.
public struct CohortCalendar: Sendable {
  public var admissionDay: Double
  public var graduationDay: Double
  /// Rotations ended by the as-of date, and whether one is under way then.
  public var completedRotations: Int
  public var rotationUnderWay: Bool

  public init(program: ProgramParameters, intakeYear: Int, startYear: Int, asOfDay: Double) {
    admissionDay = CohortDynamics.day(year: intakeYear, month: program.intakeMonth, startYear: startYear)
    graduationDay = admissionDay + program.lengthMonths * CohortDynamics.daysPerMonth
    var completed = 0
    var underWay = false
    for rotation in 0..<program.rotations.count {
      let (start, end) = program.rotationDays(admissionDay: admissionDay, rotation: rotation)
      if end <= asOfDay {
        completed += 1
      } else if start <= asOfDay {
        underWay = true
      }
    }
    completedRotations = completed
    rotationUnderWay = underWay
  }
}

extension CurrentStudents {
  /// Reads and checks a current-students file's `data` against `scenario`; `file` names it in
  /// problems. `asOf` may override the date the file states in a first line
  /// `# as_of: YYYY-MM-DD`. Every problem names the file and a line and column (or the override,
  /// by the name the caller gives it).
  public static func parse(_ data: Data, file: String, scenario: Scenario, asOf: AsOfOverride)
    throws(ScenarioError)
    -> CurrentStudents
  {
    func fail(_ location: String, _ message: String) -> ScenarioError {
      ScenarioError(file: file, problems: [FieldProblem(path: location, message: message)])
    }
    let table: CSVTable
    let index: [String: Int]
    do {
      table = try CSVTable(bytes: data, expected: columns)
      index = try table.columnIndices(required: columns, optional: optionalColumns)
    } catch {
      throw fail(error.location, error.message)
    }
    let statedDate = table.comments.last { $0.text.hasPrefix("as_of:") }.map {
      (text: $0.text.dropFirst(6).trimmingCharacters(in: .whitespaces), line: $0.line)
    }
    let dateText: String
    let dateLocation: String
    if let date = asOf.date {
      dateText = date
      dateLocation = asOf.option
    } else if let statedDate {
      dateText = statedDate.text
      dateLocation = "line \(statedDate.line)"
    } else {
      throw fail(
        "line 1", "states no date: give \(asOf.option) YYYY-MM-DD, or a first line \"# as_of: YYYY-MM-DD\"")
    }
    guard let asOfDay = modelDay(dateText, startYear: scenario.startYear) else {
      throw fail(dateLocation, "expected a date YYYY-MM-DD, got \"\(dateText)\"")
    }
    let firstIntake = scenario.programs.flatMap { program in
      program.intakeYears.map {
        CohortCalendar(program: program, intakeYear: $0, startYear: scenario.startYear, asOfDay: asOfDay)
          .admissionDay
      }
    }.min()
    if let firstIntake, asOfDay < firstIntake {
      throw fail(dateLocation, "\(dateText) is before every intake of the scenario's programs")
    }
    let siteNames = World.siteNames(scenario)
    let programNames = scenario.programs.map(\.name)
    var problems: [FieldProblem] = []
    var seen = Set<String>()
    var students: [CurrentStudent] = []
    for row in table.rows {
      var rowFailed = false
      func cell(_ name: String) -> String {
        index[name].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
      }
      func problem(_ name: String, _ message: String) {
        problems.append(
          FieldProblem(path: "line \(row.line), column \(index[name]! + 1) (\(name))", message: message))
        rowFailed = true
      }
      func site(_ name: String, column: String) -> Int? {
        guard let site = siteNames.firstIndex(of: name) else {
          problem(
            column,
            "unknown site \"\(name)\"\(Suggestion.phrase(for: name, among: siteNames)): not a listed site of the "
              + "scenario nor a generated kind-number name")
          return nil
        }
        return site
      }
      // In any case: Excel turns a typed true into TRUE when it saves a CSV.
      func flag(_ name: String) -> Bool {
        switch cell(name).lowercased() {
        case "true": return true
        case "false": return false
        default:
          problem(name, "must be true or false (in any case), got \"\(cell(name))\"")
          return false
        }
      }
      /// An optional date cell as a model day, nil when empty; refused before the cohort's intake.
      func date(_ name: String, calendar: CohortCalendar) -> Double? {
        guard !cell(name).isEmpty else { return nil }
        guard let day = modelDay(cell(name), startYear: scenario.startYear) else {
          problem(name, "expected a date YYYY-MM-DD or empty, got \"\(cell(name))\"")
          return nil
        }
        if day < calendar.admissionDay.rounded(.down) {
          problem(name, "\(cell(name)) is before the cohort's intake")
          return nil
        }
        return day
      }
      let id = cell("student_id")
      if id.isEmpty {
        problem("student_id", "must not be empty")
      } else if !seen.insert(id).inserted {
        problem("student_id", "student \"\(id)\" is listed twice")
      }
      guard let program = scenario.programs.firstIndex(where: { $0.name == cell("program") }) else {
        problem(
          "program",
          "unknown program \"\(cell("program"))\"\(Suggestion.phrase(for: cell("program"), among: programNames)); "
            + "the scenario's programs: \(programNames.joined(separator: ", "))"
        )
        continue
      }
      let parameters = scenario.programs[program]
      guard let intakeYear = Int(cell("intake_year")), parameters.intakeYears.contains(intakeYear) else {
        problem(
          "intake_year",
          "\(parameters.name) has no intake in \"\(cell("intake_year"))\"; its intake years: \(parameters.intakeYears.map(String.init).joined(separator: ", "))"
        )
        continue
      }
      let calendar = CohortCalendar(
        program: parameters, intakeYear: intakeYear, startYear: scenario.startYear, asOfDay: asOfDay)
      if calendar.admissionDay > asOfDay {
        problem("intake_year", "the \(intakeYear) intake starts after the as-of date \(dateText)")
        continue
      }
      let graduated = calendar.graduationDay <= asOfDay
      let rotationNames = cell("rotation_sites").split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let rotationSites = rotationNames.compactMap { site($0, column: "rotation_sites") }
      let currentSite =
        cell("current_site").isEmpty ? nil : site(cell("current_site"), column: "current_site")
      let pathway = scenario.pathway(named: parameters.pathway)!
      var examsPassed = [flag("spi_passed"), flag("specialty_passed")]
      if pathway.exams.count < 2 && examsPassed[1] {
        problem("specialty_passed", "the \(parameters.pathway) pathway has one exam: must be false")
      }
      examsPassed = Array(examsPassed.prefix(pathway.exams.count))
      if pathway.exams.count > 2 {
        problem(
          "spi_passed",
          "the \(parameters.pathway) pathway has \(pathway.exams.count) exams; the file can state two")
      }
      let offer = cell("offer_site")
      var status = CurrentStatus.inProgram
      switch cell("status") {
      case "in_program":
        if graduated {
          problem(
            "status",
            "the \(intakeYear) intake graduated before \(dateText): must be graduated_searching or hired")
        }
      case "graduated_searching":
        status = .graduatedSearching
        if !graduated {
          problem(
            "status", "the \(intakeYear) intake has not graduated by \(dateText): must be in_program or hired"
          )
        }
      case "hired":
        let hireDay = date("hire_date", calendar: calendar)
        let startDay = date("start_date", calendar: calendar)
        if let hireDay, hireDay > asOfDay {
          problem(
            "hire_date",
            "\(cell("hire_date")) is after the as-of date \(dateText): a hire the file reports happened")
        }
        if let hireDay, let startDay, startDay < hireDay {
          problem("start_date", "\(cell("start_date")) is before the hire_date \(cell("hire_date"))")
        }
        if let startDay, startDay < calendar.graduationDay - 1 {
          problem(
            "start_date",
            "\(cell("start_date")) is before the \(intakeYear) intake graduates (\(Self.date(calendar.graduationDay, startYear: scenario.startYear)) "
              + "in the model: the intake month plus lengthMonths)")
        }
        if offer.isEmpty {
          problem("offer_site", "a hired student needs the site of the accepted offer")
        } else if let offerSite = site(offer, column: "offer_site") {
          status = .hired(site: offerSite, hireDay: hireDay, startDay: startDay)
        }
      default:
        problem(
          "status",
          "unknown status \"\(cell("status"))\"; allowed: \(CurrentStatus.names.joined(separator: ", "))")
      }
      if !offer.isEmpty && cell("status") != "hired" {
        problem("offer_site", "only a hired student has an offer site")
      }
      for column in ["hire_date", "start_date"] where !cell(column).isEmpty && cell("status") != "hired" {
        problem(column, "only a hired student has a \(column); leave it empty")
      }
      if !rowFailed && rotationSites.count != calendar.completedRotations {
        problem(
          "rotation_sites",
          "the \(intakeYear) intake has completed \(calendar.completedRotations) rotations by \(dateText); rotation_sites lists \(rotationSites.count)"
            + Self.planNote(scenario.programs[program].rotations)
        )
      }
      if !rowFailed && (currentSite != nil) != calendar.rotationUnderWay {
        problem(
          "current_site",
          calendar.rotationUnderWay
            ? "the \(intakeYear) intake is on a rotation on \(dateText): name its site"
            : "the \(intakeYear) intake is not on a rotation on \(dateText): must be empty")
      }
      var impression: Double?
      if !cell("impression").isEmpty {
        if let value = Double(cell("impression")), (0...1).contains(value) {
          impression = value
        } else {
          problem("impression", "must be a number from 0 to 1, or empty, got \"\(cell("impression"))\"")
        }
      }
      students.append(
        CurrentStudent(
          id: id, program: program, intakeYear: intakeYear, status: status, rotationSites: rotationSites,
          currentSite: currentSite, examsPassed: examsPassed, impression: impression))
    }
    if table.rows.isEmpty {
      problems.append(FieldProblem(path: "line \(table.headerLine + 1)", message: "lists no students"))
    }
    let complete = completeCohorts(
      table.comments, scenario: scenario, listed: students, problems: &problems)
    guard problems.isEmpty else { throw ScenarioError(file: file, problems: problems) }
    return CurrentStudents(
      file: file, asOfDate: dateText, asOfDay: asOfDay, students: students, completeCohorts: complete)
  }

  /// The cohorts marked `# complete: PROGRAM YEAR` (one line each, before the header), or every
  /// cohort the file lists for `# complete: all`. A marker naming no listed cohort is refused:
  /// it would otherwise say nothing.
  static func completeCohorts(
    _ comments: [(line: Int, text: String)], scenario: Scenario, listed: [CurrentStudent],
    problems: inout [FieldProblem]
  ) -> [CohortKey] {
    let listedCohorts = listed.map { CohortKey(program: $0.program, intakeYear: $0.intakeYear) }
    var complete: [CohortKey] = []
    for comment in comments where comment.text.hasPrefix("complete:") {
      let text = comment.text.dropFirst("complete:".count).trimmingCharacters(in: .whitespaces)
      let location = "line \(comment.line) (# complete:)"
      if text == "all" {
        complete += listedCohorts.filter { !complete.contains($0) }
        continue
      }
      let words = text.split(separator: " ")
      let programName = words.dropLast().joined(separator: " ")
      guard let yearText = words.last, let year = Int(yearText), !programName.isEmpty else {
        problems.append(
          FieldProblem(
            path: location,
            message: "expected \"# complete: PROGRAM INTAKE_YEAR\" or \"# complete: all\", got \"\(text)\""))
        continue
      }
      let names = scenario.programs.map(\.name)
      guard let program = names.firstIndex(of: programName) else {
        problems.append(
          FieldProblem(
            path: location,
            message:
              "unknown program \"\(programName)\"\(Suggestion.phrase(for: programName, among: names)); the "
              + "scenario's programs: \(names.joined(separator: ", "))"))
        continue
      }
      let key = CohortKey(program: program, intakeYear: year)
      guard listedCohorts.contains(key) else {
        problems.append(
          FieldProblem(
            path: location,
            message: "the file lists no student of \(programName)'s \(year) intake, so it cannot be complete")
        )
        continue
      }
      if !complete.contains(key) { complete.append(key) }
    }
    return complete
  }

  /// `day` (a model day) as `YYYY-MM-DD`.
  public static func date(_ day: Double, startYear: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let origin = calendar.date(from: DateComponents(year: startYear, month: 1, day: 1))!
    let date = origin.addingTimeInterval(day.rounded(.down) * 86_400)
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  /// Days from 1 January of `startYear` to `text` (`YYYY-MM-DD`, Gregorian), or nil.
  public static func modelDay(_ text: String, startYear: Int) -> Double? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: year, month: month, day: day)
    guard components.isValidDate(in: calendar), let date = calendar.date(from: components),
      let origin = calendar.date(from: DateComponents(year: startYear, month: 1, day: 1))
    else { return nil }
    return (date.timeIntervalSince(origin) / 86_400).rounded()
  }
}

extension CurrentStudents {
  /// The rotation plan behind a count of completed rotations, and when it is the default, that
  /// the default changed: a file written for the old default lists too few sites.
  public static func planNote(_ plan: RotationPlan) -> String {
    let text =
      " (the program's plan: \(plan.count) rotations of \(format(plan.lengthWeeks)) weeks, \(format(plan.gapWeeks))-week gaps"
    guard plan == RotationPlan() else { return text + ")" }
    return text
      + "; the default plan changed on 2026-12-06 from 3 × 16 weeks: list every completed rotation's site, or give "
      + "the program \"rotations\": {\"count\": 3, \"lengthWeeks\": 16} to keep the old plan)"
  }
}
