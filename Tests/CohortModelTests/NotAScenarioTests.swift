import CohortModel
import Foundation
import Testing

/// The one line decoding `text` as the scenario `file` reports.
private func problem(_ text: String, file: String) -> String {
  do {
    _ = try Scenario.decode(Data(text.utf8), file: file)
    return "accepted"
  } catch {
    return error.description
  }
}

@Suite("a spreadsheet given where a scenario belongs")
struct NotAScenarioTests {
  @Test("a sites spreadsheet is named as one, with the sitesCsv line to write")
  func sitesSpreadsheet() {
    let message = problem(
      "\u{FEFF}name,kind,latitude,longitude,state,system,staff,capacity\r\nA,hospital,43,-88,WI,,3,1\r\n",
      file: "dir/my-sites.csv")
    #expect(message.hasPrefix("dir/my-sites.csv: line 1: this is a sites spreadsheet, not a scenario"))
    #expect(message.contains(#""sitesCsv": "my-sites.csv""#))
  }

  @Test("a current-students file is named as one, with the command that checks it")
  func studentsFile() {
    let message = problem("# as_of: 2026-03-01\nstudent_id;program\nA;B\n", file: "kids.txt")
    #expect(message.contains("this is a current-students file, not a scenario"))
    #expect(message.contains("--current-students kids.txt"))
  }

  @Test("any other .csv file is told what a scenario is and which headers the spreadsheets have")
  func otherCSV() {
    let message = problem("a,b\n1,2\n", file: "x.csv")
    #expect(message.contains("a CSV file is not a scenario"))
    #expect(message.contains("header name,kind,latitude,longitude,state,system,staff,capacity"))
  }

  @Test("a broken JSON file still gets the JSON parser's message")
  func brokenJSON() {
    #expect(problem("{\"name\": }", file: "s.json").contains("line 1, column 10"))
  }
}
