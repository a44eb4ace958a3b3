import Foundation
import SimKernel

/// Programs admit cohorts; each student draws their traits and home at admission.
extension CohortDynamics {
  /// Average days in a month: program calendars are in months, the clock in days.
  static var daysPerMonth: Double { 365.25 / 12 }

  /// Day (from 1 January of the start year) of the first day of `month` in `year`.
  static func day(year: Int, month: Int, startYear: Int) -> Double {
    Double(year - startYear) * 365.25 + Double(month - 1) * daysPerMonth
  }

  /// The earliest admission: the clock starts there when cohorts begin before the run, so
  /// students graduating early in the run have rotated and been seen like any other.
  static func firstAdmissionDay(scenario: Scenario, world: World) -> Double {
    var first = 0.0
    for program in world.programs {
      for year in program.intakeYears {
        first = min(first, day(year: year, month: program.intakeMonth, startYear: scenario.startYear))
      }
    }
    return first
  }
}

/// Admission: each cohort's size and outcomes, each student's traits and home.
extension Roster {
  mutating func scheduleAdmissions(_ simulation: inout Simulation<CohortEvent>) {
    for (programIndex, program) in world.programs.enumerated() {
      for year in program.intakeYears {
        let day = CohortDynamics.day(year: year, month: program.intakeMonth, startYear: scenario.startYear)
        guard day <= scenario.horizonDays else { continue }
        cohorts.append(
          Cohort(
            program: Int32(programIndex), intakeYear: year, admissionDay: day, firstStudent: 0,
            studentCount: 0))
        simulation.schedule(.cohortAdmitted(cohort: Int32(cohorts.count - 1)), at: day)
      }
    }
  }

  /// How many students a cohort admits: its drawn size; a cohort the current-students file lists
  /// holds its listed students and is filled up to the drawn size with generated ones (never
  /// fewer than listed), unless the file marks it complete, when the listed are all of it.
  func cohortSize(_ cohortIndex: Int, listed: Int, _ streams: inout RandomStreamBank) -> Int {
    let cohort = cohorts[cohortIndex]
    if listed > 0,
      scenario.currentStudents!.isComplete(program: Int(cohort.program), intakeYear: cohort.intakeYear)
    {
      return listed
    }
    let program = world.programs[Int(cohort.program)]
    let drawn = max(
      0,
      Int(
        streams.withStream(seeding: StreamKey("cohort size", cohortIndex)) {
          program.cohortSize.sample(&$0)
        }.rounded()))
    return max(drawn, listed)
  }

  /// Admits a cohort: its size and outcomes, then each student's traits and home, the warm
  /// start's listed facts, and what admission schedules (graduation, exams, final term,
  /// withdrawal, the cohort's rotations).
  mutating func admit(
    _ cohortIndex: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let program = world.programs[Int(cohorts[cohortIndex].program)]
    let listed = listedRows(
      program: cohorts[cohortIndex].program, intakeYear: cohorts[cohortIndex].intakeYear)
    let size = cohortSize(cohortIndex, listed: listed?.count ?? 0, &streams)
    cohorts[cohortIndex].firstStudent = students.count
    cohorts[cohortIndex].studentCount = size
    cohorts[cohortIndex].outcomes = cohortOutcomes(cohortIndex, &streams)
    let examShift = cohorts[cohortIndex].outcomes.examAbilityShift
    let now = simulation.now
    let graduationDay = now + program.lengthMonths * CohortDynamics.daysPerMonth
    let traits = scenario.students
    let region = scenario.region
    for offset in 0..<size {
      let index = students.count
      // Listed students first, in file order; the generated rest of the cohort after them.
      let row = listed.flatMap { offset < $0.count ? $0[offset] : nil }
      let key =
        row.map { WorldDraw.currentStudentTraits(row: $0).key }
        ?? StudentDraw.traits.key(student: index)
      let student = streams.withStream(keyed: key) { stream in
        let distance = traits.homeDistanceKm.sample(&stream)
        let angle = 2 * Double.pi * stream.uniform()
        let home = region.location(distance, at: angle, from: program.location)
        return Student(
          cohort: Int32(cohortIndex), program: cohorts[cohortIndex].program, home: home,
          aptitude: traits.aptitude.sample(&stream), reliability: traits.reliability.sample(&stream),
          rapport: traits.rapport.sample(&stream), composure: traits.composure.sample(&stream),
          relationshipBuilding: traits.relationshipBuilding.sample(&stream),
          relocationWillingnessKm: traits.relocationWillingnessKm.sample(&stream),
          examAbility: traits.examAbility.sample(&stream) + examShift, admissionDay: now,
          graduationDay: graduationDay)
      }
      students.append(student)
      if let row {
        students[index].listedRow = Int32(row)
        students[index].unavailableUntil = scenario.currentStudents!.asOfDay
        students[index].examAbility = conditionedExamAbility(index, row: row, &streams)
        scheduleListedHires(index, &simulation)
      }
      drawRelocationRefusal(index, &streams)
      trace(now, "admitted", student: index, "program=\(program.name)")
      simulation.schedule(.graduation(student: Int32(index)), at: graduationDay)
      scheduleFirstExams(index, &streams, &simulation)
      scheduleFinalTerm(index, &simulation)
      scheduleWithdrawal(index, &streams, &simulation)
    }
    for rotation in 0..<program.rotations.count {
      simulation.schedule(
        .rotationStarts(cohort: Int32(cohortIndex), rotation: Int32(rotation)),
        at: rotationDays(cohortIndex, rotation).start, priority: CohortPriority.rotationStart)
    }
  }

  /// First and last day of a cohort's rotation (`ProgramParameters.rotationDays`).
  func rotationDays(_ cohortIndex: Int, _ rotation: Int) -> (start: Double, end: Double) {
    world.programs[Int(cohorts[cohortIndex].program)].rotationDays(
      admissionDay: cohorts[cohortIndex].admissionDay, rotation: rotation)
  }
}

extension CohortDynamics {
  mutating func graduate(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    let action = roster.students[index].lifecycle.apply(.graduate)
    guard action != .ignored else { return }
    trace(simulation.now, "graduated", student: index)
    if case .startSearching(let search) = action {
      startSearching(index, search: search, now: simulation.now)
    }
  }
}
