import CohortModel
import Foundation

/// The three files `cohortsim init` writes for a program director: a scenario for one program at
/// a place, a sites spreadsheet of its clinical affiliates and a current-students file. Built from
/// the shipped `Scenarios/one-program-*.json` pattern (listed sites from a spreadsheet with real
/// coordinates, the rest of the region generated inside a box around them), with example rows a
/// director replaces by their own; every file validates as written, so the first run works before
/// anything is edited.
public struct StarterProgram: Sendable {
  public var programName: String
  public var state: String
  public var latitude: Double
  public var longitude: Double

  public init(programName: String, state: String, latitude: Double, longitude: Double) {
    self.programName = programName
    self.state = state
    self.latitude = latitude
    self.longitude = longitude
  }

  /// The file stem: the program's name in lower case, runs of other characters as one `-`.
  public var stem: String {
    let words = programName.lowercased().unicodeScalars.split {
      !(CharacterSet.alphanumerics.contains($0) && $0.isASCII)
    }
    let joined = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
    return joined.isEmpty ? "my-program" : joined
  }

  public var scenarioFile: String { stem + ".json" }
  public var sitesFile: String { stem + "-sites.csv" }
  public var studentsFile: String { stem + "-current-students.csv" }
  /// The schema the scenario names in `"$schema"`, written beside it for editors.
  public static let schemaFile = "cohortsim.schema.json"

  /// Half the region box's height and width, in degrees: about 150 km by 130 km at mid latitudes,
  /// a commuting region around the program as the shipped one-program scenarios have.
  static let halfHeightDegrees = 0.7
  static let halfWidthDegrees = 0.8
  /// The as-of date of the example students, and the first year of the run (the default).
  static let asOf = "2026-03-01"
  static let startYear = 2024
  static let intakeYears = Array(2022...2032)
  static let cohortSize = 10
  public static let lengthMonths = 22.0

  /// An example affiliate: where it is relative to the program (degrees), and what it is.
  struct ExampleSite {
    var name: String
    var kind: String
    var north: Double
    var east: Double
    var system: String
    var staff: Int
    var capacity: Int
  }

  /// Seven example affiliates in two systems and two independents, holding 12 students at once
  /// for cohorts of 10: replace them with the program's own.
  static let exampleSites = [
    ExampleSite(
      name: "Example Health Medical Center", kind: "hospital", north: 0.01, east: 0.02,
      system: "Example Health",
      staff: 25, capacity: 3),
    ExampleSite(
      name: "Example Health North Hospital", kind: "hospital", north: 0.15, east: 0.05,
      system: "Example Health",
      staff: 12, capacity: 2),
    ExampleSite(
      name: "Example Health West Imaging", kind: "imaging_center", north: 0.02, east: -0.2,
      system: "Example Health", staff: 5, capacity: 1),
    ExampleSite(
      name: "Second Health Regional Hospital", kind: "hospital", north: -0.18, east: 0.1,
      system: "Second Health", staff: 14, capacity: 2),
    ExampleSite(
      name: "Second Health South Imaging", kind: "imaging_center", north: -0.1, east: -0.12,
      system: "Second Health", staff: 4, capacity: 1),
    ExampleSite(
      name: "Lakeside Women's Imaging", kind: "imaging_center", north: 0.08, east: -0.08, system: "",
      staff: 3,
      capacity: 1),
    ExampleSite(
      name: "Community Hospital East", kind: "hospital", north: -0.05, east: 0.25, system: "", staff: 9,
      capacity: 2),
  ]

  /// The starter scenario. JSON holds no comments, so `description` says what each part is and
  /// what to change.
  public var scenario: String {
    let bounds = String(
      format: "{ \"south\": %.2f, \"west\": %.2f, \"north\": %.2f, \"east\": %.2f }",
      latitude - Self.halfHeightDegrees, longitude - Self.halfWidthDegrees, latitude + Self.halfHeightDegrees,
      longitude + Self.halfWidthDegrees)
    let years = Self.intakeYears.map(String.init).joined(separator: ", ")
    let description =
      "\(programName) (\(state)), started with 'cohortsim init': the program at its place, its clinical "
      + "affiliates in \(sitesFile) (replace the example rows with your sites, their towns' latitude and "
      + "longitude, state, hospital system, sonographer staff and student places), and the rest of the region's "
      + "employers generated around them inside region.bounds, a box of about 150 by 130 km around the program "
      + "(widen it to your commuting region). demand.regionShare is the region's share of the nation's "
      + "sonography employment: set it to your region's population share (people in the box / 335 million). "
      + "Give the program's cohortSize, intakeYears and lengthMonths (months from intake to graduation); "
      + "retention and firstAttemptPass when you know them. Your current students go in \(studentsFile) "
      + "(cohortsim run \(scenarioFile) --current-students \(studentsFile)). 'cohortsim validate' checks "
      + "every field; docs/MODEL.md lists each one with its unit and default."
    return """
      {
        "$schema": "\(Self.schemaFile)",
        "name": \(jsonString(stem)),
        "modelDefaults": "\(ModelDefaults.current)",
        "description": \(jsonString(description)),
        "replications": 100,
        "seed": 1,
        "demand": { "regionShare": 0.005 },
        "region": {
          "bounds": \(bounds),
          "states": [{ "code": \(jsonString(state)), "share": 1 }],
          "hospitals": { "count": 8 },
          "imagingCenters": { "count": 8 },
          "clinics": { "count": 12 }
        },
        "sitesCsv": \(jsonString(sitesFile)),
        "programs": [
          { "name": \(jsonString(programName)), "latitude": \(coordinate(latitude)), "longitude": \(coordinate(longitude)), "cohortSize": \(Self.cohortSize), "intakeYears": [\(years)], "lengthMonths": \(Int(Self.lengthMonths)) }
        ]
      }

      """
  }

  /// The sites spreadsheet: comment lines say what each column holds, then the example rows.
  public var sites: String {
    var text = """
      # \(programName): the clinical sites the program holds affiliation agreements with. Its students
      # rotate only here; cohortsim generates the region's other employers. Replace the example rows
      # with your own, one a site, keeping the header line. Lines starting with # before the header are
      # comments. Save from Excel or LibreOffice as CSV: commas, semicolons or tabs all work.
      #   name       the site's name, as your current-students file writes it (no ";")
      #   kind       hospital, imaging_center or clinic (clinics take no students by default)
      #   latitude   decimal degrees, north positive, decimal point (43.0389); the town's will do
      #   longitude  decimal degrees, east positive: west of Greenwich is negative (-87.9065)
      #   state      two-letter code (\(state)); must be one of the scenario's region.states
      #   system     the hospital system's name, the same text on each of its sites; empty if independent
      #   staff      sonographers employed there (whole number, at least 1)
      #   capacity   students it takes on rotation at once (whole number, 0 for none)
      name,kind,latitude,longitude,state,system,staff,capacity

      """
    for site in Self.exampleSites {
      text +=
        [
          csvField(site.name), site.kind, coordinate(latitude + site.north),
          coordinate(longitude + site.east),
          state, csvField(site.system), String(site.staff), String(site.capacity),
        ].joined(separator: ",") + "\n"
    }
    return text
  }

  /// The current-students file: comment lines document every column and cell format, then one
  /// example student in each situation, written to agree with the program's calendar on the as-of
  /// date (rotations completed and under way), so the file validates as written.
  public func students(program: ProgramParameters) -> String {
    var text = """
      # as_of: \(Self.asOf)
      # \(programName): the students you have today, one a row (change the as_of date above to today's).
      # Each listed cohort is filled up to cohortSize with generated students; when the file lists a
      # whole cohort, say so with a line before the header such as
      #   # complete: \(programName) 2024
      # Columns (cells may be left empty only where said):
      #   student_id        any text, unique; outputs name the student by it
      #   program           the program's name, as in the scenario
      #   intake_year       the year the student's cohort started (one of the program's intakeYears)
      #   status            in_program, graduated_searching or hired
      #   rotation_sites    the sites of the rotations completed by the as_of date, in order, separated by ";"
      #                     (names as in the sites file; quote the cell when the file is separated by ";")
      #   current_site      the site of the rotation under way on the as_of date; empty between rotations
      #   spi_passed        true or false (TRUE and FALSE too): the pathway's first exam passed by the as_of date
      #   specialty_passed  true or false: the second exam (the specialty) passed
      #   offer_site        hired students only: the site of the accepted job
      #   impression        optional, 0 to 1: how well staff rate the student (empty: simulated)
      #   hire_date         optional, hired only, YYYY-MM-DD: the day the offer was accepted
      #   start_date        optional, hired only, YYYY-MM-DD: the day work started or starts
      # 'cohortsim validate SCENARIO --current-students FILE' says, row by row, what the calendar expects.
      student_id,program,intake_year,status,rotation_sites,current_site,spi_passed,specialty_passed,offer_site,impression,hire_date,start_date

      """
    let names = Self.exampleSites.map(\.name)
    guard let asOfDay = CurrentStudents.modelDay(Self.asOf, startYear: Self.startYear) else { return text }
    var number = 0
    for (year, status) in [
      (2023, "hired"), (2023, "graduated_searching"), (2024, "in_program"), (2025, "in_program"),
    ] {
      number += 1
      let calendar = CohortCalendar(
        program: program, intakeYear: year, startYear: Self.startYear, asOfDay: asOfDay)
      let done = (0..<calendar.completedRotations).map { names[($0 + number) % names.count] }
      let current =
        calendar.rotationUnderWay ? names[(calendar.completedRotations + number) % names.count] : ""
      var hire = ""
      var start = ""
      var offer = ""
      if status == "hired" {
        offer = done.last ?? names[0]
        hire = CurrentStudents.date(calendar.graduationDay - 30, startYear: Self.startYear)
        start = CurrentStudents.date(calendar.graduationDay + 30, startYear: Self.startYear)
      }
      let graduated = calendar.graduationDay <= asOfDay
      text +=
        [
          "S\(year)-\(number)", csvField(programName), String(year), status,
          csvField(done.joined(separator: ";")),
          csvField(current), graduated ? "true" : "false", graduated && status == "hired" ? "true" : "false",
          csvField(offer), status == "in_program" ? "0.6" : "", hire, start,
        ].joined(separator: ",") + "\n"
    }
    return text
  }

  private func coordinate(_ value: Double) -> String { String(format: "%.4f", value) }

  private func jsonString(_ text: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  }

  private func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0 == "\n" })
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }
}
