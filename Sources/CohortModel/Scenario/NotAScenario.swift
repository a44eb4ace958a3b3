import Foundation
import InputFormats
import SimKernel

/// A spreadsheet given where a scenario belongs (`cohortsim validate my-sites.csv`): said in plain
/// words, with what to type instead, rather than as a JSON parse error at line 1.
enum NotAScenario {
  /// The problem with `data` as a scenario when it is a CSV file (by its name or its header),
  /// or nil when it may be JSON and the decoder should speak.
  static func problem(in data: Data, file: String) -> FieldProblem? {
    let text = String(decoding: data.prefix(65_536), as: UTF8.self)
    let start = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
    if start.first == "{" || start.first == "[" { return nil }
    let header = (try? CSVTable(parsing: String(text.prefix { $0 != "\n" && $0 != "\r" }) + "\n"))?.columns
    let comments = text.hasPrefix("#") || text.hasPrefix("\u{FEFF}#")
    let columns =
      (try? CSVTable(parsing: text))?.columns ?? header ?? []
    let named = file.lowercased().hasSuffix(".csv") || file.lowercased().hasSuffix(".tsv")
    guard named || comments || columns.count > 2 else { return nil }
    let scenarioHelp =
      "a scenario is a JSON file ({ \"name\": …, \"programs\": [ … ] }; 'cohortsim init' writes a starter, "
      + "'cohortsim schema' describes every key)"
    if Set(SitesSpreadsheet.columns).isSubset(of: columns) {
      return FieldProblem(
        path: "line 1",
        message:
          "this is a sites spreadsheet, not a scenario: \(scenarioHelp); name the spreadsheet in the scenario, "
          + "\"sitesCsv\": \"\((file as NSString).lastPathComponent)\", and validate the scenario")
    }
    if columns.contains("student_id") {
      return FieldProblem(
        path: "line 1",
        message:
          "this is a current-students file, not a scenario: \(scenarioHelp); check it with "
          + "'cohortsim validate SCENARIO.json --current-students \(file)'")
    }
    guard named else { return nil }
    return FieldProblem(
      path: "line 1",
      message:
        "a CSV file is not a scenario: \(scenarioHelp); spreadsheets are read through one: the sites through "
        + "\"sitesCsv\" (header \(SitesSpreadsheet.columns.joined(separator: ","))), current students through "
        + "--current-students (header \(CurrentStudents.columns.joined(separator: ","))[,impression,hire_date,start_date])"
    )
  }
}
