/// A requisition's path from approval to a hire, as a small state machine: the only place that
/// says what may happen to a requisition next. Each input returns what the caller must do
/// (search, post, offer, open a vacancy chain); the machine schedules and traces nothing. An
/// input the current state does not allow is a programming error (`preconditionFailure`);
/// `applying(_:)` answers the same question without trapping, for tests and the diagram.
struct RequisitionLifecycle: Equatable {
  enum State: Equatable {
    /// Approved by the budget; the search starts when the approval delay ends.
    case approved
    /// Looking for a candidate, starting at `from` (only ever inside one handler call).
    case searching(from: RequisitionTier)
    /// A candidate found inside (own site, system, recommendation) has been told to apply.
    case inside(tier: RequisitionTier, candidate: Int32)
    /// Held (not passed on) for a known student who cannot be hired yet (7.5a), until `until` at
    /// the latest: no offer is scheduled until they can be.
    case held(tier: RequisitionTier, candidate: Int32, until: Double)
    /// Posted publicly; applications close when the posting ends.
    case posted
    /// An offer is with `student`, made on `day` at `tier`.
    case offerOut(tier: RequisitionTier, student: Int32, day: Double)
    /// Filled on `day` by `student`, or by an outside applicant (`student` nil).
    case filled(student: Int32?, day: Double)
    /// Withdrawn by a freeze on `day` before it was filled (7.4).
    case cancelled(day: Double)
  }

  enum Input: Equatable {
    case open
    case refer(tier: RequisitionTier, candidate: Int32)
    /// Held for a known student who cannot be hired yet (7.5a), until `until` at the latest. A
    /// requisition is held at most once.
    case hold(tier: RequisitionTier, candidate: Int32, until: Double)
    /// The held student has become a candidate: they are told to apply.
    case candidateReady
    /// The hold ran out, or the held student can no longer take the job: the search goes on at
    /// the next tier.
    case releaseHold
    /// The inside candidate dropped out or declined, and the same tier has more known
    /// candidates to try (7.5b).
    case tryNextCandidate
    case post
    /// The inside candidate is no longer one when the offer would go out.
    case passOver
    case offer(student: Int32, day: Double)
    case noApplicants
    case hireOutside(day: Double)
    case accept(day: Double)
    case decline
    /// A contingent hire lost the job: the search starts again from the site's own students.
    case rescind
    case cancel(day: Double)
    /// A hire the current-students file reports (5.1), replayed on its day: the offer to
    /// `student` goes out at once, through the site's own students when they rotated there, else
    /// through a posting (which counts among its postings).
    case listedHire(student: Int32, day: Double, atOwnSite: Bool)
  }

  enum Action: Equatable {
    case search(from: RequisitionTier)
    case scheduleInsideOffer
    /// Review the hold when it runs out (and earlier, when the student may become a candidate).
    case scheduleHoldReview(until: Double)
    /// Post for the `number`th time (postings are counted over the requisition's life).
    case schedulePosting(number: Int32)
    case offerMade(source: OfferSource)
    case openVacancyChain
    /// Filled: the offer's source and the day it was made.
    case hired(source: OfferSource, offerDay: Double)
    case none
  }

  private(set) var state = State.approved
  /// Public postings so far: a posting's number keys its draws.
  private(set) var postings: Int32 = 0
  /// Whether it has been held once: it is never held again (7.5a).
  private(set) var wasHeld = false
  /// Students already told about it, held for it, or who let its offer go (declined it, or
  /// withdrew holding it): no tier tries them again (7.5b).
  private(set) var tried: [Int32] = []
  /// Students who let its offer go: never offered it again, by any tier or posting (7.5).
  private(set) var declinedBy: [Int32] = []
  /// The inside tier whose candidates `triedAtTier` counts (`hiring.knownCandidatesPerTier`).
  private(set) var triedTier = RequisitionTier.openMarket
  /// Candidates told or held for at `triedTier` since the search last reached it.
  private(set) var triedAtTier: Int32 = 0

  /// The lifecycle after `input` and what the caller must do, or nil when `input` is illegal.
  func applying(_ input: Input) -> (RequisitionLifecycle, Action)? {
    var next = self
    let action: Action
    switch (state, input) {
    case (.approved, .open):
      next.state = .searching(from: .ownSite)
      action = .search(from: .ownSite)
    case (.searching(let from), .refer(let tier, let candidate)) where tier >= from && tier != .openMarket:
      next.state = .inside(tier: tier, candidate: candidate)
      next.markTried(candidate, at: tier)
      action = .scheduleInsideOffer
    case (.searching(let from), .hold(let tier, let candidate, let until))
    where tier >= from && (tier == .ownSite || tier == .sameSystem) && !wasHeld:
      next.state = .held(tier: tier, candidate: candidate, until: until)
      next.wasHeld = true
      next.markTried(candidate, at: tier)
      action = .scheduleHoldReview(until: until)
    case (.held(let tier, let candidate, _), .candidateReady):
      next.state = .inside(tier: tier, candidate: candidate)
      action = .scheduleInsideOffer
    case (.held(let tier, _, _), .releaseHold):
      next.state = .searching(from: tier.next)
      action = .search(from: tier.next)
    case (.inside(let tier, _), .tryNextCandidate):
      next.state = .searching(from: tier)
      action = .search(from: tier)
    case (.offerOut(let tier, let student, _), .tryNextCandidate) where tier != .openMarket:
      next.noteLetGo(by: student)
      next.state = .searching(from: tier)
      action = .search(from: tier)
    case (.searching, .post):
      next.postings += 1
      next.state = .posted
      action = .schedulePosting(number: next.postings)
    case (.inside(let tier, _), .passOver):
      next.state = .searching(from: tier.next)
      action = .search(from: tier.next)
    case (.inside(let tier, let candidate), .offer(let student, let day)) where student == candidate:
      next.state = .offerOut(tier: tier, student: student, day: day)
      action = .offerMade(source: tier.source)
    case (.posted, .offer(let student, let day)):
      next.state = .offerOut(tier: .openMarket, student: student, day: day)
      action = .offerMade(source: .openMarket)
    case (.posted, .noApplicants):
      next.state = .searching(from: .openMarket)
      action = .search(from: .openMarket)
    case (.posted, .hireOutside(let day)):
      next.state = .filled(student: nil, day: day)
      action = .openVacancyChain
    case (.offerOut(let tier, let student, let offerDay), .accept(let day)):
      next.state = .filled(student: student, day: day)
      action = .hired(source: tier.source, offerDay: offerDay)
    case (.offerOut(let tier, let student, _), .decline):
      next.noteLetGo(by: student)
      next.state = .searching(from: tier.next)
      action = .search(from: tier.next)
    case (.filled(let student, _), .rescind) where student != nil:
      // The search starts over from the site's own students with a fresh count of them.
      next.triedAtTier = 0
      next.state = .searching(from: .ownSite)
      action = .search(from: .ownSite)
    case (.approved, .listedHire(let student, let day, let atOwnSite)):
      let tier = atOwnSite ? RequisitionTier.ownSite : .openMarket
      if !atOwnSite { next.postings += 1 }
      next.state = .offerOut(tier: tier, student: student, day: day)
      action = .offerMade(source: tier.source)
    case (.approved, .cancel(let day)), (.inside, .cancel(let day)), (.held, .cancel(let day)),
      (.posted, .cancel(let day)):
      next.state = .cancelled(day: day)
      action = .none
    default:
      return nil
    }
    return (next, action)
  }

  /// Applies `input`; an illegal one is a programming error.
  mutating func apply(_ input: Input) -> Action {
    guard let (next, action) = applying(input) else {
      preconditionFailure("requisition: \(input) is not allowed in \(state)")
    }
    self = next
    return action
  }

  /// Applies an input that asks nothing of the caller (a freeze's cancellation); a programming
  /// error if the machine answers with something to do, so no action is ever dropped.
  mutating func record(_ input: Input) {
    let action = apply(input)
    precondition(action == .none, "requisition: \(input) asks for \(action), which the caller must do")
  }

  /// Counts `candidate` as tried at `tier` (7.5b): the count restarts when the tier changes.
  private mutating func markTried(_ candidate: Int32, at tier: RequisitionTier) {
    tried.append(candidate)
    if triedTier != tier {
      triedTier = tier
      triedAtTier = 0
    }
    triedAtTier += 1
  }

  /// `student` had its offer and let it go: never offered it again, nor tried again.
  private mutating func noteLetGo(by student: Int32) {
    declinedBy.append(student)
    if !tried.contains(student) { tried.append(student) }
  }

  /// Whether the inside tier it is at (told a candidate, or an offer out) has known candidates
  /// left to try before moving on: fewer than `limit` tried there (`hiring.knownCandidatesPerTier`).
  func retriesTier(limit: Int) -> Bool {
    let tier: RequisitionTier
    switch state {
    case .inside(let inside, _): tier = inside
    case .offerOut(let offered, _, _): tier = offered
    default: return false
    }
    return tier != .openMarket && triedTier == tier && triedAtTier < limit
  }

  /// The day it was filled, or nil while it is not.
  var filledDay: Double? {
    if case .filled(_, let day) = state { return day }
    return nil
  }

  /// The day a freeze cancelled it, or nil while it is not cancelled.
  var cancelledDay: Double? {
    if case .cancelled(let day) = state { return day }
    return nil
  }

}

extension RequisitionLifecycle {
  /// The states and inputs by name, for the legality table and the diagram.
  enum StateName: String, CaseIterable {
    case approved, searching, inside, held, posted, offerOut, filled, cancelled
  }

  /// Every legal transition (from, input, to), by name: the source of MODEL.md's diagram, and
  /// what the tests check `applying(_:)` against.
  static let transitions: [(from: StateName, input: String, to: StateName)] = [
    (.approved, "open", .searching),
    (.searching, "refer", .inside),
    (.searching, "post", .posted),
    (.searching, "hold", .held),
    (.held, "candidateReady", .inside),
    (.held, "releaseHold", .searching),
    (.inside, "tryNextCandidate", .searching),
    (.offerOut, "tryNextCandidate", .searching),
    (.inside, "passOver", .searching),
    (.inside, "offer", .offerOut),
    (.posted, "offer", .offerOut),
    (.posted, "noApplicants", .searching),
    (.posted, "hireOutside", .filled),
    (.offerOut, "accept", .filled),
    (.offerOut, "decline", .searching),
    (.filled, "rescind", .searching),
    (.approved, "cancel", .cancelled),
    (.inside, "cancel", .cancelled),
    (.held, "cancel", .cancelled),
    (.posted, "cancel", .cancelled),
    (.approved, "listedHire", .offerOut),
  ]

  var stateName: StateName {
    switch state {
    case .approved: .approved
    case .searching: .searching
    case .inside: .inside
    case .held: .held
    case .posted: .posted
    case .offerOut: .offerOut
    case .filled: .filled
    case .cancelled: .cancelled
    }
  }

  /// The Mermaid state diagram MODEL.md shows, generated from `transitions`.
  static var mermaid: String {
    mermaidDiagram(
      initial: StateName.approved.rawValue, transitions.map { ($0.from.rawValue, $0.input, $0.to.rawValue) })
  }
}

/// A Mermaid `stateDiagram-v2` block: one line per transition, in table order.
func mermaidDiagram(initial: String, _ transitions: [(String, String, String)]) -> String {
  var lines = ["```mermaid", "stateDiagram-v2", "  [*] --> \(initial)"]
  for (from, input, to) in transitions { lines.append("  \(from) --> \(to): \(input)") }
  lines.append("```")
  return lines.joined(separator: "\n") + "\n"
}
