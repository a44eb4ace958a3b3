import Foundation
import SimKernel

/// The warm start (`--current-students`): a program director's listed students take the places
/// of their cohorts' generated students, and what the file says about them holds in every
/// replication. The clock, the other programs, earlier and later cohorts and the job market run
/// exactly as without a file; a listed student's history up to the as-of date is the file's
/// (its rotations, its exam results, no offer before then), reached through the lifecycle's own
/// transitions, and after it everything is simulated.
///
/// Their unknown traits are drawn from the scenario's distributions with streams keyed by their
/// own purposes and their row in the file, so listing students moves no other draw keyed by
/// purpose and entity.
extension Roster {
  /// The file's rows of one cohort (program index, intake year), in file order; nil when the
  /// file lists none or there is no file.
  func listedRows(program: Int32, intakeYear: Int) -> [Int]? {
    guard let current = scenario.currentStudents else { return nil }
    let rows = current.students.indices.filter {
      current.students[$0].program == Int(program) && current.students[$0].intakeYear == intakeYear
    }
    return rows.isEmpty ? nil : rows
  }

  /// The file's row of student `index`, or nil for a generated student.
  func listedStudent(_ index: Int) -> CurrentStudent? {
    students[index].listedRow.flatMap { scenario.currentStudents?.students[Int($0)] }
  }

  /// Exam ability conditioned on what the file says of each exam sat by the as-of date: drawn
  /// from its distribution and kept with the chance the first attempt would have gone as the
  /// file says (rejection sampling, so the kept draws follow the conditional distribution).
  /// Exams not yet sat condition nothing. Gives up after 10,000 draws and keeps the last
  /// (only for a distribution that almost never gives such a result).
  func conditionedExamAbility(_ index: Int, row: Int, _ streams: inout RandomStreamBank) -> Double {
    let listed = scenario.currentStudents!.students[row]
    let exams = pathway(of: index).exams
    let ability = scenario.students.examAbility
    let known = exams.indices.filter { listed.examsPassed[$0] || examSatByAsOf(index, exams[$0]) }
    return streams.withStream(WorldDraw.currentStudentExams(row: row)) { stream in
      var draw = ability.sample(&stream)
      for _ in 0..<10_000 {
        var likelihood = 1.0
        for number in known {
          let base = min(max(exams[number].firstAttemptPass, 1e-9), 1 - 1e-9)
          let pass = 1 / (1 + exp(-(log(base / (1 - base)) + draw)))
          likelihood *= listed.examsPassed[number] ? pass : 1 - pass
        }
        if stream.uniform() < likelihood { break }
        draw = ability.sample(&stream)
      }
      return draw
    }
  }

  /// Whether an exam's first sitting falls by the as-of date (an exam sat after graduation counts
  /// only for a student who graduated by then).
  private func examSatByAsOf(_ index: Int, _ exam: ExamParameters) -> Bool {
    let asOf = scenario.currentStudents!.asOfDay
    if let months = exam.monthsAfterStart {
      return students[index].admissionDay + months * CohortDynamics.daysPerMonth <= asOf
    }
    return students[index].graduationDay <= asOf
  }

  /// The outcome the file fixes for an attempt, or nil when the draw decides: a passed exam is
  /// passed at its first attempt; an exam not passed fails every attempt before the as-of date.
  func fixedExamOutcome(_ index: Int, exam number: Int, now: Double) -> Bool? {
    guard let listed = listedStudent(index) else { return nil }
    if listed.examsPassed[number] { return students[index].examAttempts[number] == 1 ? true : nil }
    return now < scenario.currentStudents!.asOfDay ? false : nil
  }

  /// The day a listed student sits an exam first: an exam the file says is passed is sat by
  /// the as-of date at the latest.
  func listedExamDay(_ index: Int, exam number: Int, scheduled day: Double) -> Double {
    guard let listed = listedStudent(index), listed.examsPassed[number] else { return day }
    return min(day, scenario.currentStudents!.asOfDay)
  }

  /// Whether a listed student's withdrawal draw may stand: a current student has not withdrawn
  /// by the as-of date, and one who graduated or was hired is past it.
  func listedWithdrawalAllowed(_ index: Int, day: Double) -> Bool {
    guard let listed = listedStudent(index) else { return true }
    return listed.status == .inProgram && day >= scenario.currentStudents!.asOfDay
  }

  /// Schedules the hire of a listed `hired` student on their `hire_date`; without one, on the
  /// as-of date or their `start_date`, whichever is earlier (a student already working was hired
  /// by the day they started).
  func scheduleListedHires(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard let listed = listedStudent(index), case .hired(_, let hireDay, let startDay) = listed.status
    else { return }
    let asOf = scenario.currentStudents!.asOfDay
    let day = max(hireDay ?? min(asOf, startDay ?? asOf), simulation.now)
    // First in the day, before any offer that day could reach them.
    simulation.schedule(
      .listedStudentHired(student: Int32(index)), at: day, priority: CohortPriority.budget)
  }

  /// At the end of a completed rotation the file lists, the impression the director reports,
  /// when the file gives one, replaces the one the simulated weeks built.
  mutating func applyReportedImpression(_ index: Int, at site: Int) {
    guard let listed = listedStudent(index), let reported = listed.impression,
      students[index].rotationSites.count <= listed.rotationSites.count,
      let entry = students[index].impressions.firstIndex(where: { $0.holder == .site(Int32(site)) })
    else { return }
    students[index].impressions[entry].value = reported
  }
}

extension CohortDynamics {
  /// The site the file fixes for rotation `rotation` of student `index`, or nil when the
  /// program's strategy places it (a rotation that starts after the as-of date).
  func fixedRotationSite(_ index: Int, rotation: Int) -> Int? {
    guard let listed = roster.listedStudent(index) else { return nil }
    if rotation < listed.rotationSites.count { return listed.rotationSites[rotation] }
    return rotation == listed.rotationSites.count ? listed.currentSite : nil
  }

  /// A listed `hired` student accepts the offer of their `offer_site` on the as-of date: one
  /// requisition at that site, taken through its own lifecycle (an inside offer when the student
  /// rotated there, else a posting), offered and accepted like any other.
  mutating func hireListedStudent(_ index: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard let listed = roster.listedStudent(index), case .hired(let site, _, let startDay) = listed.status,
      roster.students[index].lifecycle.isAvailable
    else { return }
    let now = simulation.now
    var requisition = Requisition(site: Int32(site), approvedDay: now, origin: .listedHire)
    // Identities of budget requisitions are (site, ordinal) pairs well below 2⁶³: these cannot meet them.
    requisition.identity = UInt64.max - UInt64(roster.students[index].listedRow!)
    openings.requisitions.append(requisition)
    let number = openings.requisitions.count - 1
    let atOwnSite = roster.students[index].rotationSites.contains(Int32(site))
    guard
      case .offerMade = openings.requisitions[number].lifecycle.apply(
        .listedHire(student: Int32(index), day: now, atOwnSite: atOwnSite))
    else { preconditionFailure("a listed hire makes its offer") }
    // The file says the student took it: the acceptance follows at once, with no decision.
    roster.students[index].lifecycle.record(.receiveListedOffer(requisition: Int32(number)))
    trace(now, "listed_hired", student: index, site: site, "requisition=\(number)")
    accept(
      number, by: index, distanceKm: world.sites[site].location.distanceKm(to: roster.students[index].home),
      listedStart: startDay.map { max($0, roster.students[index].graduationDay) }, &simulation)
  }

  /// Per listed student, what this replication gave them (see `CurrentStudentOutcome`).
  func currentStudentOutcomes() -> [CurrentStudentOutcome] {
    guard let current = scenario.currentStudents else { return [] }
    var outcomes = current.students.map { CurrentStudentOutcome(id: $0.id) }
    for index in roster.students.indices {
      guard let listedRow = roster.students[index].listedRow else { continue }
      let student = roster.students[index]
      let row = Int(listedRow)
      let from = max(student.graduationDay, current.asOfDay)
      let accepted = student.lifecycle.record.firstAcceptedDay
      outcomes[row].acceptedWithin6Months = accepted.map { $0 <= from + 183 } ?? false
      outcomes[row].acceptedWithin12Months = accepted.map { $0 <= from + 365 } ?? false
      outcomes[row].site = student.lifecycle.job.map { Int($0.site) }
      outcomes[row].relocated = student.lifecycle.job?.relocationKm != nil
    }
    return outcomes
  }
}

/// What one replication gave one listed student: whether an offer was accepted within 6 and 12
/// months (counted from graduation, or from the as-of date for a student who graduated before
/// it: a student already hired has accepted one), the site of the job held at the horizon, and
/// whether it meant relocating.
public struct CurrentStudentOutcome: Sendable, Equatable {
  public var id: String
  public var acceptedWithin6Months = false
  public var acceptedWithin12Months = false
  /// Site index (`World.siteNames` order), or nil without a job.
  public var site: Int?
  public var relocated = false

  public init(id: String) { self.id = id }
}
