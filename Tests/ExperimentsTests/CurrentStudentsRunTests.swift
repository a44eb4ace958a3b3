import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path
private let oregon = root + "/Scenarios/one-program-oregon.json"
private let oregonStudents = root + "/Scenarios/one-program-oregon-current-students.csv"

/// `current_students.csv`'s rows as fields (no field of the Oregon output holds a comma).
private func currentStudentRows(_ directory: String) throws -> [[String]] {
  let text = try String(contentsOfFile: directory + "/current_students.csv", encoding: .utf8)
  return text.split(separator: "\r\n").map {
    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
}

@Suite(
  "runs warm-started from current students",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct CurrentStudentsRunTests {
  @Test(
    "run --current-students writes one row per listed student, with p_offer_6m ≤ p_offer_12m and 1 for the hired"
  )
  func runWritesCurrentStudents() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      [
        "run", oregon, "--current-students", oregonStudents, "--replications", "3", "--quiet", "--out", "out",
      ],
      in: directory)
    #expect(status == 0, "\(stderr)")
    let rows = try currentStudentRows(directory + "/out")
    #expect(rows.first == OutputSchema.currentStudents.names)
    #expect(
      rows.first == [
        "student_id", "p_offer_6m", "p_offer_12m", "likeliest_site", "p_likeliest_site", "p_relocate",
        "strategy",
      ])
    let body = Array(rows.dropFirst())
    #expect(body.count == 14)
    let hired = try String(contentsOfFile: oregonStudents, encoding: .utf8).split(separator: "\n")
      .filter { $0.contains(",hired,") }.map { String($0.prefix { $0 != "," }) }
    #expect(hired.count == 4)
    for row in body {
      let p6 = try #require(Double(row[1]))
      let p12 = try #require(Double(row[2]))
      let pSite = try #require(Double(row[4]))
      let pRelocate = try #require(Double(row[5]))
      for p in [p6, p12, pSite, pRelocate] { #expect((0...1).contains(p)) }
      #expect(p6 <= p12)
      if hired.contains(row[0]) { #expect(p6 == 1, "\(row[0])") }
    }
    let run = try String(contentsOfFile: directory + "/out/run.json", encoding: .utf8)
    #expect(run.contains("\"as_of\" : \"2026-03-01\""))
    #expect(run.contains("\"current_students_sha256\""))
  }

  /// The ids the Oregon current-students file lists, in file order.
  private func listedIds() throws -> [String] {
    try String(contentsOfFile: oregonStudents, encoding: .utf8).split(separator: "\n")
      .filter { $0.hasPrefix("CCC-") }.map { String($0.prefix { $0 != "," }) }
  }

  /// The values of `column` in a CSV file of `directory`.
  private func column(_ column: String, of file: String, in directory: String) throws -> [String] {
    let records = OutputContractTests.parse(
      try String(contentsOfFile: directory + "/" + file, encoding: .utf8))
    let index = try #require(records.first?.firstIndex(of: column), "\(file) has no \(column)")
    return records.dropFirst().map { $0[index] }
  }

  @Test("students.csv names each listed student by the file's student_id, and a generated one NA")
  func studentsCarryListedIds() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      [
        "run", oregon, "--current-students", oregonStudents, "--students", "--replications", "1", "--quiet",
        "--out", "out",
      ],
      in: directory)
    #expect(status == 0, "\(stderr)")
    let ids = try column("student_id", of: "students.csv", in: directory + "/out")
    #expect(ids.filter { $0 != "NA" }.sorted() == (try listedIds()).sorted())
    #expect(ids.contains("NA"))
  }

  @Test("trace.csv names a listed student's events by the file's student_id")
  func traceCarriesListedIds() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      [
        "run", oregon, "--current-students", oregonStudents, "--trace", "--replications", "1", "--quiet",
        "--out", "out",
      ],
      in: directory)
    #expect(status == 0, "\(stderr)")
    let ids = Set(try column("student_id", of: "trace.csv", in: directory + "/out"))
    #expect(ids.subtracting(["NA"]) == Set(try listedIds()))
  }

  @Test("compare --current-students writes a row per strategy and listed student")
  func compareWritesCurrentStudents() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      [
        "compare", oregon, "--strategies", "nearest-to-home,random", "--current-students", oregonStudents,
        "--replications", "2", "--quiet", "--out", "out",
      ], in: directory)
    #expect(status == 0, "\(stderr)")
    let body = try currentStudentRows(directory + "/out").dropFirst()
    #expect(body.count == 28)
    #expect(Set(body.map { $0[6] }) == ["nearest-to-home", "random"])
  }

  @Test(
    "the report of a warm-started run has a current-students row per listed student; without one, no section")
  func reportSection() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      [
        "run", oregon, "--current-students", oregonStudents, "--replications", "2", "--quiet", "--out",
        "warm",
      ],
      in: directory)
    #expect(status == 0, "\(stderr)")
    #expect(try runCohortsim(["report", "warm", "--out", "warm.html"], in: directory).0 == 0)
    let html = try String(contentsOfFile: directory + "/warm.html", encoding: .utf8)
    let section = try #require(html.range(of: "<section id=\"current-students\">"))
    let body = html[section.upperBound...].prefix { _ in true }
    let end = try #require(body.range(of: "</section>"))
    let rows = body[..<end.lowerBound].components(separatedBy: "<tr><td>CCC-").count - 1
    #expect(rows == 14)
    #expect(
      try runCohortsim(["run", oregon, "--replications", "2", "--quiet", "--out", "cold"], in: directory).0
        == 0)
    #expect(try runCohortsim(["report", "cold", "--out", "cold.html"], in: directory).0 == 0)
    #expect(
      !(try String(contentsOfFile: directory + "/cold.html", encoding: .utf8)).contains("current-students"))
  }

  @Test("a bad current-students file exits 2 naming the file, line and column, and writes nothing")
  func badFileExits2() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let text = try String(contentsOfFile: oregonStudents, encoding: .utf8)
      .replacingOccurrences(
        of: "CCC-2023-02,Calapooia Community College,2023,",
        with: "CCC-2023-02,Calapooia Community College,2021,")
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/students.csv"))
    let (status, _, stderr) = try runCohortsim(
      [
        "run", oregon, "--current-students", "students.csv", "--replications", "2", "--quiet", "--out", "out",
      ],
      in: directory)
    #expect(status == 2)
    #expect(
      stderr.contains(
        "students.csv: line 4, column 3 (intake_year): Calapooia Community College has no intake in \"2021\"")
    )
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("--as-of without --current-students is a usage error")
  func asOfAlone() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, _, stderr) = try runCohortsim(
      ["run", oregon, "--as-of", "2026-03-01", "--out", "out"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--as-of dates a current-students file"))
  }

  @Test("validate --current-students checks the file and says how many students it lists")
  func validateReadsStudents() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let (status, stdout, stderr) = try runCohortsim(
      ["validate", oregon, "--current-students", oregonStudents], in: directory)
    #expect(status == 0, "\(stderr)")
    #expect(stdout.contains("lists 14 current students as of 2026-03-01"))
  }

  @Test("validate --current-students refuses a bad file with exit 2, naming its line and column")
  func validateRefusesBadStudents() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let text = try String(contentsOfFile: oregonStudents, encoding: .utf8)
      .replacingOccurrences(
        of: "CCC-2023-02,Calapooia Community College,2023,",
        with: "CCC-2023-02,Calapooia Community College,2021,")
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/students.csv"))
    let (status, stdout, stderr) = try runCohortsim(
      ["validate", oregon, "--current-students", "students.csv", "--as-of", "2026-03-01"], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("students.csv: line 4, column 3 (intake_year)"))
    #expect(!stdout.contains("ok:"))
  }
}
