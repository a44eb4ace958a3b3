/// Everything that can happen in a replication. Payloads are indices into the model's arrays
/// (cohort, student, site, requisition), so an event is a few bytes stored inline in the
/// calendar.
enum CohortEvent {
  case cohortAdmitted(cohort: Int32)
  case rotationStarts(cohort: Int32, rotation: Int32)
  case clinicalWeek(student: Int32)
  /// The rotation of `student` at `site` ends (named by site, so an end that falls a rounding
  /// error after the next rotation's start still closes the right one).
  case rotationEnds(student: Int32, site: Int32)
  /// Word of a student's rotation at `site` reaches the rest of its hospital system.
  case reputationSpreads(student: Int32, site: Int32)
  case graduation(student: Int32)
  case examAttempt(student: Int32, exam: Int32)
  case budgetReview
  case staffExit(site: Int32)
  case requisitionApproved(requisition: Int32)
  /// A manager's "apply now" to a student, turning into an offer.
  case insideOffer(requisition: Int32, student: Int32)
  case postingCloses(requisition: Int32)
  case offerDecision(student: Int32)
  case jobStarts(student: Int32)
  case contingencyDeadline(student: Int32)
  case licenceGranted(student: Int32)
  /// The temporary licence sought for the job of `requisition` is granted (7.10a).
  case temporaryLicenceGranted(student: Int32, requisition: Int32)
  /// A final-term student starts applying to public postings.
  case finalTermStarts(student: Int32)
  /// A requisition held for a student checks whether they can be offered it yet.
  case holdReview(requisition: Int32)
  /// `student` leaves the program.
  case withdrawal(student: Int32)
  /// `student` leaves the job of `requisition` within its first year.
  case newHireQuits(student: Int32, requisition: Int32)
  /// Fiscal year `year` (counted from the scenario's first) begins: growth is decided.
  case fiscalYearStarts(year: Int32)
  /// The budget committee approves `positions` growth positions (or cuts) at `site`.
  case growthDecided(site: Int32, positions: Int32)
  /// A listed current student the file says is hired accepts their offer (the as-of date).
  case listedStudentHired(student: Int32)
}

/// Same-instant order, by name rather than by scheduling accident: budgets and exits first (an
/// opening approved today is visible today); then the students' day, with a rotation's last
/// week observed before the rotation ends and a rotation ended before the next one starts (so a
/// zero-week gap frees the place first); decisions last, so that every offer made on a day is
/// in hand when a student decides.
enum CohortPriority {
  static let budget = SimKernelPriority.first
  static let normal = SimKernelPriority.normal
  static let rotationEnd = SimKernelPriority(rawValue: SimKernelPriority.normal.rawValue + 1)
  static let rotationStart = SimKernelPriority(rawValue: SimKernelPriority.normal.rawValue + 2)
  static let decision = SimKernelPriority.last
}
