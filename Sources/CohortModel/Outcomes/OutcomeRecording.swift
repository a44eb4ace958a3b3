/// The few facts the metrics need that the mechanisms do not keep for themselves: recorded by a
/// one-line call from the mechanism, so the mechanisms stay about behaviour.

/// Which first-attempt pass rate an exam counts towards.
///
/// Exams are identified by name within their pathway: the exam named `SPI` (any case) is the
/// ARDMS physics exam; every other exam of a pathway that has an SPI is a specialty exam (the
/// built-in ARDMS pathway names it `specialty`; a scenario may name its own, e.g. `abdomen`).
/// Exams of pathways without an SPI (ARRT, CCI) count towards neither.
enum ExamKind: CaseIterable {
  case spi, specialty

  init?(_ exam: ExamParameters, in pathway: CredentialPathway) {
    if Self.isSPI(exam) {
      self = .spi
    } else if pathway.exams.contains(where: Self.isSPI) {
      self = .specialty
    } else {
      return nil
    }
  }

  private static func isSPI(_ exam: ExamParameters) -> Bool { exam.name.lowercased() == "spi" }
}

extension CohortDynamics {
  /// Counts an accepted offer (made from day 0) by place: at a site where the student had
  /// rotated by then, and at such a site or another site of a hospital system they rotated in.
  mutating func recordAcceptancePlace(_ student: Int, site: Int) {
    let rotated = roster.students[student].rotationSites.map(Int.init)
    let system = world.sites[site].system
    let atRotationSite = rotated.contains(site)
    if atRotationSite { counters.acceptedAtRotationSite += 1 }
    if atRotationSite || (system != nil && rotated.contains { world.sites[$0].system == system }) {
      counters.acceptedInRotationSystem += 1
    }
  }

  /// Counts a first attempt (sat from day 0) at an SPI or specialty exam, and whether it passed.
  mutating func recordExamAttempt(
    _ exam: ExamParameters, of pathway: CredentialPathway, attempt: Int, passed: Bool, at day: Double
  ) {
    guard attempt == 1, day >= 0, let kind = ExamKind(exam, in: pathway) else { return }
    let index = ExamKind.allCases.firstIndex(of: kind)!
    counters.firstAttempts[index] += 1
    if passed { counters.firstAttemptPasses[index] += 1 }
  }
}

/// Who the accreditors' placement figures and the retention and quit figures leave out. Each is
/// correct for the model as it is; leaving the search is not modelled yet, and its mechanism
/// replaces the body named in its comment.
extension Student {
  /// Will not move at all for a job (JRCERT leaves unplaced graduates unwilling to relocate out
  /// of placement): one of the `students.unwillingToRelocateShare` who refuse, or a student whose
  /// stated relocation willingness is 0 km (their reach may still widen a little during a long
  /// search, but they did not say they would move).
  var unwillingToRelocate: Bool { refusesToRelocate || relocationWillingnessKm <= 0 }

  /// Withdrew from the program before graduating (attrition, 7.1a).
  var withdrew: Bool { lifecycle.hasWithdrawn }

  /// Stopped looking for a sonography job (not actively seeking). Hook: nobody leaves the
  /// search until that mechanism lands; it returns its state here.
  var leftSearch: Bool { false }

  /// Left out of the accreditors' placement denominators when not placed in the window.
  var isNotSeeking: Bool { unwillingToRelocate || leftSearch }

  /// Day the graduate left their first job (7.8a), nil while in it.
  var firstJobLeftDay: Double? { firstJobQuitDay }
}
