import CohortModel
import Foundation
import Testing

/// Keeps the students of one replication.
private struct StudentsMonitor: ReplicationMonitor {
  var students: [StudentOutcome] = []
  var wantsTrace: Bool { false }
  var wantsStudents: Bool { true }
  mutating func trace(_ record: TraceRecord) {}
  mutating func student(_ outcome: StudentOutcome) { students.append(outcome) }
}

private let header =
  "student_id,program,intake_year,status,rotation_sites,current_site,spi_passed,specialty_passed,offer_site"
private let college = "Calapooia Community College"
/// The five sites of a 2023 student's completed rotations (the default plan).
private let rotations =
  "Santiam Health Albany Medical Center;Row River Health Eugene Medical Center;Santiam Health Corvallis Imaging;"
  + "Row River Health Cottage Grove Community Hospital;Row River Health Junction City Imaging"

/// The Oregon scenario warm-started from `text` as of 2026-03-01, one replication of seed 4.
private func run(_ text: String) throws -> (CurrentStudents, [StudentOutcome]) {
  var scenario = try oregonScenario()
  let current = try CurrentStudents.parse(
    Data(text.utf8), file: "s.csv", scenario: scenario, asOf: asOf("2026-03-01"))
  scenario.currentStudents = current
  var monitor = StudentsMonitor()
  _ = Replication.run(scenario: scenario, strategy: "program-default", replicationSeed: 4, monitor: &monitor)
  return (current, monitor.students.filter { $0.program == college && $0.intakeYear == 2023 })
}

@Suite("a warm start counts its cohorts and hires right")
struct WarmStartCountingTests {
  @Test("a cohort the file marks complete consists of its listed students only")
  func completeCohort() throws {
    let rows =
      "A,\(college),2023,graduated_searching,\(rotations),,true,true,\n"
      + "B,\(college),2023,graduated_searching,\(rotations),,true,false,\n"
    let (current, open) = try run(header + "\n" + rows)
    let (marked, closed) = try run("# complete: \(college) 2023\n" + header + "\n" + rows)
    #expect(current.completeCohorts.isEmpty && marked.completeCohorts.count == 1)
    #expect(open.count > 2)
    #expect(closed.map(\.studentId) == ["A", "B"])
  }

  @Test("# complete: all marks every cohort the file lists")
  func completeAll() throws {
    let (current, closed) = try run(
      "# complete: all\n" + header + "\nA,\(college),2023,graduated_searching,\(rotations),,true,true,\n")
    #expect(current.completeCohorts == [CohortKey(program: 0, intakeYear: 2023)])
    #expect(closed.count == 1)
  }

  @Test("a complete marker naming a misspelt program suggests the scenario's program")
  func completeMisspelt() throws {
    let text =
      "# complete: Calapooia Comunity College 2023\n" + header
      + "\nA,\(college),2023,graduated_searching,\(rotations),,true,true,\n"
    do {
      _ = try run(text)
      Issue.record("accepted")
    } catch let error as ScenarioError {
      #expect(error.description.contains("line 1 (# complete:)"))
      #expect(error.description.contains("did you mean \"\(college)\"?"))
    }
  }

  @Test("a student listed as hired with hire_date and start_date starts work on the start_date")
  func hiredFromRealDates() throws {
    let (current, students) = try run(
      header + ",hire_date,start_date\n"
        + "A,\(college),2023,hired,\(rotations),,true,true,Row River Health Eugene Medical Center,2025-04-01,2025-06-16\n"
    )
    let listed = try #require(students.first { $0.studentId == "A" })
    let start = try #require(listed.startDay)
    #expect(start == CurrentStudents.modelDay("2025-06-16", startYear: 2024))
    // Placed within six months of graduating, not on the as-of date 320 days later.
    #expect(start - listed.graduationDay! < 183)
    #expect(start < current.asOfDay)
  }

  @Test("a start_date before the cohort graduates is refused naming the column and the graduation date")
  func startBeforeGraduation() throws {
    let text =
      header + ",hire_date,start_date\n"
      + "A,\(college),2023,hired,\(rotations),,true,true,Row River Health Eugene Medical Center,2025-01-01,2025-02-01\n"
    do {
      _ = try run(text)
      Issue.record("accepted")
    } catch let error as ScenarioError {
      #expect(error.description.contains("line 2, column 11 (start_date)"))
      #expect(error.description.contains("2025-06-01"))
    }
  }

  @Test("a hire_date on a student who is not hired is refused")
  func hireDateNotHired() throws {
    do {
      _ = try run(
        header + ",hire_date\nA,\(college),2023,graduated_searching,\(rotations),,true,true,,2025-05-01\n")
      Issue.record("accepted")
    } catch let error as ScenarioError {
      #expect(error.description.contains("(hire_date): only a hired student has a hire_date"))
    }
  }

  @Test("a misspelt site in the students file suggests the listed site")
  func siteSuggestion() throws {
    let misspelt = rotations.replacingOccurrences(of: "Corvallis", with: "Corvalis")
    do {
      _ = try run(header + "\nA,\(college),2023,graduated_searching,\(misspelt),,true,true,\n")
      Issue.record("accepted")
    } catch let error as ScenarioError {
      #expect(error.description.contains("did you mean \"Santiam Health Corvallis Imaging\"?"))
    }
  }

  @Test("a misspelt program in the students file suggests the scenario's program")
  func programSuggestion() throws {
    do {
      _ = try run(
        header + "\nA,Calapooia Comunity College,2023,graduated_searching,\(rotations),,true,true,\n")
      Issue.record("accepted")
    } catch let error as ScenarioError {
      #expect(error.description.contains("did you mean \"\(college)\"?"))
    }
  }
}
