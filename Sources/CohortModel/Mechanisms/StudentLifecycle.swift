/// A student's path from admission to a job, as a small state machine: the only place that says
/// what may happen to a student next. Each input returns what the caller must do (search,
/// schedule a decision, apply for a licence); the machine schedules and traces nothing. An input
/// the current state does not allow is a programming error (`preconditionFailure`);
/// `applying(_:)` answers the same question without trapping, for tests and the diagram.
///
/// The clinical rotation is a second, concurrent component (`clinical`): offers and hires can
/// come before graduation (the hiring look-ahead), and a student hired in their last term still
/// finishes their rotation.
struct StudentLifecycle: Equatable {
  /// An accepted job and the facts of its offer.
  struct Job: Equatable {
    var requisition: Int32
    var site: Int32
    var source: OfferSource
    var offerDay: Double
    /// Day the offer was accepted.
    var acceptedDay: Double
    /// Distance moved for the job; nil when it is within commuting distance.
    var relocationKm: Double?
    var requiresLicence: Bool
  }

  enum Clinical: Equatable {
    case admitted
    case onRotation(site: Int32)
    case betweenRotations
  }

  /// How far a contingent hire has got towards work.
  enum Stage: Equatable {
    case beforeStart
    case waitingForLicence
    case working(since: Double)
  }

  enum State: Equatable {
    /// In the programme, holding no offer.
    case enrolled
    /// Graduated, holding no offer and no job: applies to open postings.
    case searching
    /// Holds offers and decides on all of them at once; `graduated` says where declining returns.
    case offerPending(offers: [Int32], graduated: Bool)
    /// Accepted without the credential: the job is lost at `deadline` unless it comes first.
    case hiredContingent(job: Job, deadline: Double, stage: Stage)
    /// Accepted with the credential; the start date has not come.
    case hired(job: Job)
    /// The start date came, but the site's state needs a licence the graduate does not hold yet.
    case waitingForLicence(job: Job)
    case working(job: Job, since: Double)
    /// Left the programme before graduating (attrition, MODEL.md 7.1a): never graduates.
    case withdrawn
  }

  enum Input: Equatable {
    case startRotation(site: Int32)
    case endRotation(site: Int32)
    case graduate
    /// The final term begins: the student starts applying to public postings (7.7).
    case startFinalTerm
    case receiveOffer(requisition: Int32)
    /// The offer of a hire the current-students file reports (5.1): accepted at once by the
    /// caller, so no decision is scheduled.
    case receiveListedOffer(requisition: Int32)
    case declineAll
    /// Takes `job`; `deadline` is nil for a credentialed graduate, else the contingency deadline.
    case accept(job: Job, deadline: Double?)
    case startJob(day: Double)
    /// Every exam of the pathway is passed on `day`.
    case earnCredential(day: Double)
    /// The credential can no longer be earned (attempts or the window used up, 7.9).
    case exhaustExams
    case applyForLicence(day: Double)
    case grantLicence(day: Double)
    /// A state's temporary licence (7.10a): a contingent hire may work before the credential.
    case grantTemporaryLicence(day: Double)
    case contingencyDeadline
    /// The decision on the offers in hand is due.
    case decide
    /// An exam sitting is due: legal in every state, since graduates sit exams whatever their job.
    case sitExam
    case withdraw
  }

  enum Action: Equatable {
    /// Put the graduate on the open market as their `search`th search.
    case startSearching(search: Int32)
    case scheduleDecision
    case applyForLicence
    case waitsForLicence
    case started
    /// The contingent job was lost; the graduate searches again (their `search`th search).
    case rescinded(job: Job, search: Int32)
    /// Withdrawn with offers in hand: each goes back to its site's search.
    case offersReturned(offers: [Int32])
    /// Withdrawn after accepting a job that had not started: the opening is searched for again.
    case jobGivenBack(job: Job)
    /// Decide among these offers (the nearest within reach is taken, the rest declined).
    case chooseAmong(offers: [Int32])
    /// The student has withdrawn (7.1a): an event scheduled before the withdrawal, arriving
    /// after it, changes nothing and asks for nothing.
    case ignored
    case none
  }

  /// Days and facts recorded by transitions, which the metrics read.
  struct Record: Equatable {
    /// Searches started (a rescinded hire searches again).
    var searches: Int32 = 0
    var everContingent = false
    var rescinded = false
    var licenceAppliedDay: Double?
    var licenceDay: Double?
    /// Day a temporary licence for the current job was granted (7.10a), or NaN.
    var temporaryLicenceDay: Double?
    /// Day the first offer was accepted; a later acceptance after a rescission keeps it.
    var firstAcceptedDay: Double?
    /// Day the credential was earned (7.9).
    var credentialDay: Double?
    /// The credential can no longer be earned: no contingent hire is possible (7.5).
    var examsExhausted = false

    /// Holds a state licence, full or temporary, so may work in a licensing state.
    var mayWorkInLicensingState: Bool { licenceDay != nil || temporaryLicenceDay != nil }
  }

  private(set) var state: State
  private(set) var clinical: Clinical
  private(set) var record: Record

  init(state: State = .enrolled, clinical: Clinical = .admitted, record: Record = Record()) {
    self.state = state
    self.clinical = clinical
    self.record = record
  }

  /// The lifecycle after `input` and what the caller must do, or nil when `input` is illegal.
  func applying(_ input: Input) -> (StudentLifecycle, Action)? {
    if state == .withdrawn { return Self.absorbsAfterWithdrawal(input) ? (self, .ignored) : nil }
    var next = self
    switch input {
    case .sitExam: return (next, .none)
    case .exhaustExams:
      next.record.examsExhausted = true
      return (next, .none)
    default: break
    }
    switch (clinical, input) {
    case (.admitted, .startRotation(let site)), (.betweenRotations, .startRotation(let site)):
      next.clinical = .onRotation(site: site)
      return (next, .none)
    case (.onRotation(let current), .endRotation(let site)) where current == site:
      next.clinical = .betweenRotations
      return (next, .none)
    case (_, .startRotation), (_, .endRotation):
      return nil
    default: break
    }
    let action: Action
    switch (state, input) {
    case (.enrolled, .graduate):
      next.state = .searching
      action = next.startSearch()
    case (.offerPending(let offers, false), .graduate):
      next.state = .offerPending(offers: offers, graduated: true)
      action = next.startSearch()
    case (.enrolled, .startFinalTerm), (.offerPending(_, false), .startFinalTerm):
      action = next.startSearch()
    case (.hiredContingent, .graduate), (.hired, .graduate), (.waitingForLicence, .graduate),
      (.working, .graduate):
      action = .none
    case (.enrolled, .receiveOffer(let requisition)), (.searching, .receiveOffer(let requisition)):
      next.state = .offerPending(offers: [requisition], graduated: state == .searching)
      action = .scheduleDecision
    case (.enrolled, .receiveListedOffer(let requisition)),
      (.searching, .receiveListedOffer(let requisition)):
      next.state = .offerPending(offers: [requisition], graduated: state == .searching)
      action = .none
    case (.offerPending(let offers, let graduated), .receiveOffer(let requisition)):
      next.state = .offerPending(offers: offers + [requisition], graduated: graduated)
      action = .none
    case (.offerPending(let offers, _), .decide):
      action = .chooseAmong(offers: offers)
    case (.offerPending(_, let graduated), .declineAll):
      next.state = graduated ? .searching : .enrolled
      action = .none
    case (.offerPending, .accept(let job, let deadline)):
      if next.record.firstAcceptedDay == nil { next.record.firstAcceptedDay = job.acceptedDay }
      if let deadline {
        next.state = .hiredContingent(job: job, deadline: deadline, stage: .beforeStart)
        next.record.everContingent = true
        action = .none
      } else {
        next.state = .hired(job: job)
        action = job.requiresLicence ? .applyForLicence : .none
      }
    case (.hired(let job), .startJob(let day)):
      if job.requiresLicence && !record.mayWorkInLicensingState {
        next.state = .waitingForLicence(job: job)
        action = .waitsForLicence
      } else {
        next.state = .working(job: job, since: day)
        action = .started
      }
    case (.hiredContingent(let job, let deadline, .beforeStart), .startJob(let day)):
      let waits = job.requiresLicence && !record.mayWorkInLicensingState
      next.state = .hiredContingent(
        job: job, deadline: deadline, stage: waits ? .waitingForLicence : .working(since: day))
      action = waits ? .waitsForLicence : .started
    case (.hiredContingent(let job, _, let stage), .earnCredential(let day)):
      next.record.credentialDay = day
      switch stage {
      case .beforeStart: next.state = .hired(job: job)
      case .waitingForLicence: next.state = .waitingForLicence(job: job)
      case .working(let since): next.state = .working(job: job, since: since)
      }
      action = job.requiresLicence ? .applyForLicence : .none
    case (.enrolled, .earnCredential(let day)), (.searching, .earnCredential(let day)),
      (.offerPending, .earnCredential(let day)):
      next.record.credentialDay = day
      action = .none
    case (.hired, .applyForLicence(let day)), (.waitingForLicence, .applyForLicence(let day)),
      (.working, .applyForLicence(let day)):
      guard record.licenceAppliedDay == nil else { return nil }
      next.record.licenceAppliedDay = day
      action = .none
    case (.hired, .grantLicence(let day)):
      next.record.licenceDay = day
      action = .none
    case (.waitingForLicence(let job), .grantLicence(let day)):
      next.record.licenceDay = day
      next.state = .working(job: job, since: day)
      action = .started
    case (.working, .grantLicence(let day)):
      // Working on a temporary licence when the full one arrives.
      next.record.licenceDay = day
      action = .none
    case (.hiredContingent(_, _, .beforeStart), .grantTemporaryLicence(let day)),
      (.hired, .grantTemporaryLicence(let day)):
      next.record.temporaryLicenceDay = day
      action = .none
    case (.hiredContingent(let job, let deadline, .waitingForLicence), .grantTemporaryLicence(let day)):
      next.record.temporaryLicenceDay = day
      next.state = .hiredContingent(job: job, deadline: deadline, stage: .working(since: day))
      action = .started
    case (.waitingForLicence(let job), .grantTemporaryLicence(let day)):
      next.record.temporaryLicenceDay = day
      next.state = .working(job: job, since: day)
      action = .started
    case (.working, .grantTemporaryLicence):
      // The full licence came first.
      action = .none
    case (.hiredContingent(let job, _, _), .contingencyDeadline):
      next.state = .searching
      next.record.rescinded = true
      // A temporary licence is sought for one job and goes with it.
      next.record.temporaryLicenceDay = nil
      next.record.searches += 1
      action = .rescinded(job: job, search: next.record.searches)
    case (.hired, .contingencyDeadline), (.waitingForLicence, .contingencyDeadline),
      (.working, .contingencyDeadline):
      action = .none
    case (.enrolled, .withdraw):
      next.state = .withdrawn
      action = .none
    // The caller withdraws only students who have not graduated (7.1a): offers received and jobs
    // accepted in the last term are given back.
    case (.offerPending(let offers, false), .withdraw):
      next.state = .withdrawn
      action = .offersReturned(offers: offers)
    case (.hired(let job), .withdraw), (.hiredContingent(let job, _, .beforeStart), .withdraw):
      next.state = .withdrawn
      action = .jobGivenBack(job: job)
    default:
      return nil
    }
    return (next, action)
  }

  /// The events a withdrawn student's calendar may still hold, scheduled before they left: each
  /// is absorbed (`ignored`). Any other input after a withdrawal is a programming error.
  private static func absorbsAfterWithdrawal(_ input: Input) -> Bool {
    switch input {
    case .endRotation, .graduate, .startFinalTerm, .decide, .startJob, .contingencyDeadline, .grantLicence,
      .grantTemporaryLicence, .sitExam:
      true
    case .startRotation, .receiveOffer, .receiveListedOffer, .declineAll, .accept, .earnCredential,
      .exhaustExams,
      .applyForLicence,
      .withdraw:
      false
    }
  }

  private mutating func startSearch() -> Action {
    record.searches += 1
    return .startSearching(search: record.searches)
  }

  /// Applies `input`; an illegal one is a programming error.
  mutating func apply(_ input: Input) -> Action {
    guard let (next, action) = applying(input) else {
      preconditionFailure("student: \(input) is not allowed in \(state), \(clinical)")
    }
    self = next
    return action
  }

  /// Applies an input that asks nothing of the caller (a rotation's start or end, a licence
  /// application, declining every offer); a programming error if the machine answers with
  /// something to do, so no action is ever dropped.
  mutating func record(_ input: Input) {
    let action = apply(input)
    precondition(action == .none, "student: \(input) asks for \(action), which the caller must do")
  }

  // MARK: What the mechanisms and metrics read.

  /// Holds or has accepted a job (whether or not it has started).
  var job: Job? {
    switch state {
    case .hiredContingent(let job, _, _), .hired(let job), .waitingForLicence(let job), .working(let job, _):
      job
    default: nil
    }
  }

  var isHired: Bool { job != nil }

  /// May receive an offer: in the programme or searching, with no job.
  var isAvailable: Bool {
    switch state {
    case .enrolled, .searching, .offerPending: true
    default: false
    }
  }

  /// On the open market (graduated, no job), whether or not offers are in hand.
  var isSearching: Bool {
    switch state {
    case .searching, .offerPending(_, true): true
    default: false
    }
  }

  var isContingent: Bool {
    if case .hiredContingent = state { return true }
    return false
  }

  /// Left the programme before graduating (7.1a).
  var hasWithdrawn: Bool { state == .withdrawn }

  var pendingOffers: [Int32] {
    if case .offerPending(let offers, _) = state { return offers }
    return []
  }

  var rotationSite: Int32? {
    if case .onRotation(let site) = clinical { return site }
    return nil
  }

  /// The day the current job started, or nil before it starts.
  var startDay: Double? {
    switch state {
    case .working(_, let since), .hiredContingent(_, _, .working(let since)): since
    default: nil
    }
  }

  /// The day the current job was offered, or nil without one.
  var offerDay: Double? { job?.offerDay }

  var isCredentialed: Bool { record.credentialDay != nil }
}

extension StudentLifecycle {
  enum StateName: String, CaseIterable {
    case enrolled, searching, offerPending, hiredContingent, hired, waitingForLicence, working, withdrawn

    /// No site can offer a student in this state a job again: every transition out of it stays
    /// among these states (a contingent hire is not one of them: a rescission sends it back to
    /// searching). The model drops such students from the lists its hiring tiers scan.
    var isPastHiring: Bool {
      switch self {
      case .hired, .waitingForLicence, .working, .withdrawn: true
      case .enrolled, .searching, .offerPending, .hiredContingent: false
      }
    }
  }

  enum ClinicalName: String, CaseIterable { case admitted, onRotation, betweenRotations }

  var stateName: StateName {
    switch state {
    case .enrolled: .enrolled
    case .searching: .searching
    case .offerPending: .offerPending
    case .hiredContingent: .hiredContingent
    case .hired: .hired
    case .waitingForLicence: .waitingForLicence
    case .working: .working
    case .withdrawn: .withdrawn
    }
  }

  var clinicalName: ClinicalName {
    switch clinical {
    case .admitted: .admitted
    case .onRotation: .onRotation
    case .betweenRotations: .betweenRotations
    }
  }

  /// Every legal transition of the path (from, input, to), by name: the source of MODEL.md's
  /// diagram, and what the tests check `applying(_:)` against. A contingent acceptance is named
  /// `acceptContingent`; inputs that leave the state as it is appear as loops.
  static let transitions: [(from: StateName, input: String, to: StateName)] =
    [
      (.enrolled, "graduate", .searching),
      (.enrolled, "receiveOffer", .offerPending),
      (.enrolled, "startFinalTerm", .enrolled),
      (.enrolled, "earnCredential", .enrolled),
      (.enrolled, "withdraw", .withdrawn),
      (.searching, "receiveOffer", .offerPending),
      (.searching, "earnCredential", .searching),
      (.offerPending, "receiveOffer", .offerPending),
      (.offerPending, "graduate", .offerPending),
      (.offerPending, "startFinalTerm", .offerPending),
      (.offerPending, "earnCredential", .offerPending),
      (.offerPending, "declineAll", .enrolled),
      (.offerPending, "declineAll", .searching),
      (.offerPending, "accept", .hired),
      (.offerPending, "acceptContingent", .hiredContingent),
      (.offerPending, "withdraw", .withdrawn),
      (.hiredContingent, "graduate", .hiredContingent),
      (.hiredContingent, "startJob", .hiredContingent),
      (.hiredContingent, "grantTemporaryLicence", .hiredContingent),
      (.hiredContingent, "earnCredential", .hired),
      (.hiredContingent, "earnCredential", .waitingForLicence),
      (.hiredContingent, "earnCredential", .working),
      (.hiredContingent, "contingencyDeadline", .searching),
      (.hiredContingent, "withdraw", .withdrawn),
      (.hired, "graduate", .hired),
      (.hired, "applyForLicence", .hired),
      (.hired, "grantLicence", .hired),
      (.hired, "grantTemporaryLicence", .hired),
      (.hired, "startJob", .waitingForLicence),
      (.hired, "startJob", .working),
      (.hired, "contingencyDeadline", .hired),
      (.hired, "withdraw", .withdrawn),
      (.waitingForLicence, "graduate", .waitingForLicence),
      (.waitingForLicence, "applyForLicence", .waitingForLicence),
      (.waitingForLicence, "grantLicence", .working),
      (.waitingForLicence, "grantTemporaryLicence", .working),
      (.waitingForLicence, "contingencyDeadline", .waitingForLicence),
      (.working, "graduate", .working),
      (.working, "applyForLicence", .working),
      (.working, "grantLicence", .working),
      (.working, "grantTemporaryLicence", .working),
      (.working, "contingencyDeadline", .working),
      (.offerPending, "decide", .offerPending),
      (.enrolled, "receiveListedOffer", .offerPending),
      (.searching, "receiveListedOffer", .offerPending),
    ]
    + StateName.allCases.map { ($0, "sitExam", $0) }
    + StateName.allCases.filter { $0 != .withdrawn }.map { ($0, "exhaustExams", $0) }
    + [
      "endRotation", "graduate", "startFinalTerm", "decide", "startJob", "contingencyDeadline",
      "grantLicence",
      "grantTemporaryLicence",
    ].map { (.withdrawn, $0, .withdrawn) }

  /// The rotation component's transitions.
  static let clinicalTransitions: [(from: ClinicalName, input: String, to: ClinicalName)] = [
    (.admitted, "startRotation", .onRotation),
    (.onRotation, "endRotation", .betweenRotations),
    (.betweenRotations, "startRotation", .onRotation),
  ]

  /// The Mermaid state diagrams MODEL.md shows (path, then rotation), generated from the tables.
  static var mermaid: String {
    mermaidDiagram(
      initial: StateName.enrolled.rawValue, transitions.map { ($0.from.rawValue, $0.input, $0.to.rawValue) })
      + "\n"
      + mermaidDiagram(
        initial: ClinicalName.admitted.rawValue,
        clinicalTransitions.map { ($0.from.rawValue, $0.input, $0.to.rawValue) })
  }
}

extension StudentLifecycle.Input {
  /// The input's name in the transition tables.
  var name: String {
    switch self {
    case .startRotation: "startRotation"
    case .endRotation: "endRotation"
    case .graduate: "graduate"
    case .startFinalTerm: "startFinalTerm"
    case .receiveOffer: "receiveOffer"
    case .receiveListedOffer: "receiveListedOffer"
    case .declineAll: "declineAll"
    case .accept(_, let deadline): deadline == nil ? "accept" : "acceptContingent"
    case .startJob: "startJob"
    case .earnCredential: "earnCredential"
    case .applyForLicence: "applyForLicence"
    case .grantLicence: "grantLicence"
    case .grantTemporaryLicence: "grantTemporaryLicence"
    case .contingencyDeadline: "contingencyDeadline"
    case .decide: "decide"
    case .sitExam: "sitExam"
    case .exhaustExams: "exhaustExams"
    case .withdraw: "withdraw"
    }
  }
}
