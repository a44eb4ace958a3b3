import Foundation
import Testing

@testable import CohortModel

/// The two lifecycles (MODEL.md §2): each input's action, the legality table, and the diagrams
/// MODEL.md shows.
@Suite struct RequisitionLifecycleTests {
  typealias Lifecycle = RequisitionLifecycle

  /// One lifecycle in each state, reached through legal inputs only.
  static var samples: [Lifecycle] {
    var approved = Lifecycle()
    let cancelledOne = {
      var copy = approved; _ = copy.apply(.cancel(day: 5)); return copy
    }()
    _ = approved.apply(.open)
    let searching = approved
    var inside = searching
    _ = inside.apply(.refer(tier: .sameSystem, candidate: 3))
    var posted = searching
    _ = posted.apply(.post)
    var offerOut = inside
    _ = offerOut.apply(.offer(student: 3, day: 10))
    var filled = offerOut
    _ = filled.apply(.accept(day: 12))
    var outside = posted
    _ = outside.apply(.hireOutside(day: 20))
    var held = searching
    _ = held.apply(.hold(tier: .ownSite, candidate: 4, until: 90))
    return [Lifecycle(), searching, inside, held, posted, offerOut, filled, outside, cancelledOne]
  }

  static let inputs: [(name: String, input: Lifecycle.Input)] = [
    ("open", .open), ("refer", .refer(tier: .recommendation, candidate: 3)), ("post", .post),
    ("passOver", .passOver), ("offer", .offer(student: 3, day: 10)), ("noApplicants", .noApplicants),
    ("hireOutside", .hireOutside(day: 20)), ("accept", .accept(day: 12)), ("decline", .decline),
    ("rescind", .rescind), ("cancel", .cancel(day: 5)),
    ("hold", .hold(tier: .sameSystem, candidate: 4, until: 90)),
    ("tryNextCandidate", .tryNextCandidate), ("candidateReady", .candidateReady),
    ("listedHire", .listedHire(student: 3, day: 10, atOwnSite: false)),
    ("releaseHold", .releaseHold),
  ]

  @Test("every input is legal exactly where the transition table lists it, and lands where it says")
  func legalityMatchesTheTable() {
    for sample in Self.samples {
      for (name, input) in Self.inputs {
        let listed = Lifecycle.transitions.filter { $0.from == sample.stateName && $0.input == name }
        let outside = sample.state == .filled(student: nil, day: 20)
        let result = sample.applying(input)
        if listed.isEmpty || (outside && name == "rescind") {
          #expect(result == nil, "\(name) in \(sample.state) should be illegal")
        } else {
          #expect(result != nil, "\(name) in \(sample.state) should be legal")
          if let (next, _) = result { #expect(listed.contains { $0.to == next.stateName }) }
        }
      }
    }
  }

  @Test("the search starts at the site's own students and a pass-over moves it one tier on")
  func passingOverMovesToTheNextTier() {
    var lifecycle = Lifecycle()
    #expect(lifecycle.apply(.open) == .search(from: .ownSite))
    #expect(lifecycle.apply(.refer(tier: .sameSystem, candidate: 1)) == .scheduleInsideOffer)
    #expect(lifecycle.apply(.passOver) == .search(from: .recommendation))
    #expect(lifecycle.state == .searching(from: .recommendation))
  }

  @Test("a hold keeps its candidate until the window's last day and asks for a review then")
  func aHoldSchedulesItsReview() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    #expect(lifecycle.apply(.hold(tier: .ownSite, candidate: 4, until: 95)) == .scheduleHoldReview(until: 95))
    #expect(lifecycle.state == .held(tier: .ownSite, candidate: 4, until: 95))
    #expect(lifecycle.applying(.offer(student: 4, day: 10)) == nil)
  }

  @Test("a held candidate who becomes one is told to apply at the hold's tier")
  func aReadyHeldCandidateIsTold() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.hold(tier: .sameSystem, candidate: 4, until: 95))
    #expect(lifecycle.apply(.candidateReady) == .scheduleInsideOffer)
    #expect(lifecycle.apply(.offer(student: 4, day: 50)) == .offerMade(source: .sameSystem))
  }

  @Test("a released hold moves the search one tier on, and the requisition is never held again")
  func aReleasedHoldMovesOnAndIsHeldOnce() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.hold(tier: .ownSite, candidate: 4, until: 95))
    #expect(lifecycle.apply(.releaseHold) == .search(from: .sameSystem))
    #expect(lifecycle.wasHeld)
    #expect(lifecycle.applying(.hold(tier: .sameSystem, candidate: 5, until: 200)) == nil)
  }

  @Test("a listed hire's offer goes out at once: at the own site, or through a posting that counts")
  func aListedHireIsOfferedAtOnce() {
    var own = Lifecycle()
    #expect(own.apply(.listedHire(student: 4, day: 20, atOwnSite: true)) == .offerMade(source: .ownSite))
    #expect(own.state == .offerOut(tier: .ownSite, student: 4, day: 20) && own.postings == 0)
    var posted = Lifecycle()
    #expect(
      posted.apply(.listedHire(student: 4, day: 20, atOwnSite: false)) == .offerMade(source: .openMarket))
    #expect(posted.postings == 1)
  }

  @Test("a freeze may cancel a held requisition")
  func aHeldRequisitionCanBeCancelled() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.hold(tier: .ownSite, candidate: 4, until: 95))
    #expect(lifecycle.apply(.cancel(day: 30)) == .none)
    #expect(lifecycle.cancelledDay == 30)
  }

  @Test("a tier the search has passed cannot refer a candidate")
  func anEarlierTierCannotRefer() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.refer(tier: .recommendation, candidate: 1))
    _ = lifecycle.apply(.passOver)
    #expect(lifecycle.applying(.refer(tier: .sameSystem, candidate: 2)) == nil)
  }

  @Test("an inside offer goes only to the candidate who was told to apply")
  func insideOfferGoesToTheCandidate() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.refer(tier: .ownSite, candidate: 4))
    #expect(lifecycle.applying(.offer(student: 5, day: 1)) == nil)
    #expect(lifecycle.apply(.offer(student: 4, day: 1)) == .offerMade(source: .ownSite))
  }

  @Test("postings are counted over the requisition's life, across a rescission")
  func postingsKeepCounting() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    #expect(lifecycle.apply(.post) == .schedulePosting(number: 1))
    #expect(lifecycle.apply(.noApplicants) == .search(from: .openMarket))
    #expect(lifecycle.apply(.post) == .schedulePosting(number: 2))
    _ = lifecycle.apply(.offer(student: 2, day: 30))
    #expect(lifecycle.apply(.accept(day: 33)) == .hired(source: .openMarket, offerDay: 30))
    #expect(lifecycle.filledDay == 33)
    #expect(lifecycle.apply(.rescind) == .search(from: .ownSite))
    #expect(lifecycle.filledDay == nil)
    #expect(lifecycle.apply(.post) == .schedulePosting(number: 3))
  }

  @Test("a declined offer moves the search past the tier that made it")
  func declineMovesOn() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.refer(tier: .ownSite, candidate: 1))
    _ = lifecycle.apply(.offer(student: 1, day: 5))
    #expect(lifecycle.apply(.decline) == .search(from: .sameSystem))
  }

  /// With a limit of two known candidates per tier: student 1 is told and drops out, student 2
  /// is told and declines, so the own-site tier has had its two and the search moves on; both are
  /// tried, and only the one who had the offer declined it.
  @Test("the machine counts the candidates each tier has tried and stops retrying at the limit")
  func triedCandidatesAreCounted() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.refer(tier: .ownSite, candidate: 1))
    #expect(lifecycle.retriesTier(limit: 2))
    _ = lifecycle.apply(.tryNextCandidate)
    _ = lifecycle.apply(.refer(tier: .ownSite, candidate: 2))
    _ = lifecycle.apply(.offer(student: 2, day: 5))
    #expect(!lifecycle.retriesTier(limit: 2))
    #expect(lifecycle.apply(.decline) == .search(from: .sameSystem))
    #expect(lifecycle.tried == [1, 2])
    #expect(lifecycle.declinedBy == [2])
  }

  /// A held candidate counts at the hold's tier; a new tier starts its own count.
  @Test("a hold counts its candidate as tried, and each tier counts afresh")
  func holdCountsAsTried() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.hold(tier: .ownSite, candidate: 4, until: 30))
    _ = lifecycle.apply(.releaseHold)
    _ = lifecycle.apply(.refer(tier: .sameSystem, candidate: 5))
    #expect(lifecycle.tried == [4, 5])
    #expect(lifecycle.triedTier == .sameSystem && lifecycle.triedAtTier == 1)
  }

  /// A rescinded hire's requisition searches its own students again with a fresh count.
  @Test("a rescission restarts the count of the tier's candidates")
  func rescissionRestartsCount() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.refer(tier: .ownSite, candidate: 1))
    _ = lifecycle.apply(.offer(student: 1, day: 5))
    _ = lifecycle.apply(.accept(day: 6))
    _ = lifecycle.apply(.rescind)
    _ = lifecycle.apply(.refer(tier: .ownSite, candidate: 2))
    #expect(lifecycle.retriesTier(limit: 2))
    #expect(lifecycle.tried == [1, 2])
  }

  @Test("an outside hire opens a vacancy chain and cannot be rescinded")
  func outsideHireIsFinal() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.open)
    _ = lifecycle.apply(.post)
    #expect(lifecycle.apply(.hireOutside(day: 9)) == .openVacancyChain)
    #expect(lifecycle.applying(.rescind) == nil)
  }
}

@Suite struct StudentLifecycleTests {
  typealias Lifecycle = StudentLifecycle

  static func job(licence: Bool) -> Lifecycle.Job {
    Lifecycle.Job(
      requisition: 7, site: 2, source: .ownSite, offerDay: 100, acceptedDay: 101, relocationKm: nil,
      requiresLicence: licence)
  }

  /// One lifecycle in each path state, reached through legal inputs only.
  static var samples: [Lifecycle] {
    let enrolled = Lifecycle()
    var searching = enrolled
    _ = searching.apply(.graduate)
    var pending = enrolled
    _ = pending.apply(.receiveOffer(requisition: 7))
    var contingent = pending
    _ = contingent.apply(.accept(job: job(licence: false), deadline: 400))
    var hired = pending
    _ = hired.apply(.accept(job: job(licence: true), deadline: nil))
    var waiting = hired
    _ = waiting.apply(.startJob(day: 200))
    var working = pending
    _ = working.apply(.accept(job: job(licence: false), deadline: nil))
    _ = working.apply(.startJob(day: 200))
    var withdrawn = enrolled
    _ = withdrawn.apply(.withdraw)
    return [enrolled, searching, pending, contingent, hired, waiting, working, withdrawn]
  }

  static let inputs: [Lifecycle.Input] = [
    .graduate, .startFinalTerm, .receiveOffer(requisition: 8), .declineAll,
    .accept(job: job(licence: false), deadline: nil),
    .accept(job: job(licence: false), deadline: 500), .startJob(day: 210), .earnCredential(day: 300),
    .applyForLicence(day: 150), .grantLicence(day: 160), .grantTemporaryLicence(day: 155),
    .contingencyDeadline, .decide, .sitExam, .exhaustExams, .receiveListedOffer(requisition: 9),
    .withdraw,
  ]

  @Test("every path input is legal exactly where the transition table lists it, and lands where it says")
  func legalityMatchesTheTable() {
    for sample in Self.samples {
      for input in Self.inputs {
        let listed = Lifecycle.transitions.filter { $0.from == sample.stateName && $0.input == input.name }
        let result = sample.applying(input)
        if listed.isEmpty {
          #expect(result == nil, "\(input.name) in \(sample.state) should be illegal")
        } else {
          #expect(result != nil, "\(input.name) in \(sample.state) should be legal")
          if let (next, _) = result { #expect(listed.contains { $0.to == next.stateName }) }
        }
      }
    }
  }

  @Test("a withdrawn student's late events are ignored, and nothing else may reach them")
  func aWithdrawnStudentAbsorbsLateEvents() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.startRotation(site: 3))
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    #expect(lifecycle.apply(.withdraw) == .offersReturned(offers: [7]))
    for late: Lifecycle.Input in [
      .endRotation(site: 3), .graduate, .startFinalTerm, .decide, .startJob(day: 1), .contingencyDeadline,
      .grantLicence(day: 2), .grantTemporaryLicence(day: 2), .sitExam,
    ] {
      #expect(lifecycle.applying(late)?.1 == .ignored, "\(late.name)")
    }
    for never: Lifecycle.Input in [.receiveOffer(requisition: 8), .earnCredential(day: 300), .withdraw] {
      #expect(lifecycle.applying(never) == nil, "\(never.name)")
    }
  }

  @Test("the credential's day and exhausted exams are kept by the lifecycle, not beside it")
  func credentialAndExhaustionAreRecorded() {
    var lifecycle = Lifecycle()
    #expect(!lifecycle.isCredentialed)
    lifecycle.record(.exhaustExams)
    #expect(lifecycle.record.examsExhausted)
    var credentialed = Lifecycle()
    credentialed.record(.earnCredential(day: 321))
    #expect(credentialed.record.credentialDay == 321 && credentialed.isCredentialed)
  }

  @Test("the decision hands over every offer in hand and leaves them pending")
  func theDecisionListsTheOffers() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    _ = lifecycle.apply(.receiveOffer(requisition: 9))
    #expect(lifecycle.apply(.decide) == .chooseAmong(offers: [7, 9]))
    #expect(lifecycle.pendingOffers == [7, 9])
  }

  @Test("a student past hiring never becomes available again, whatever the input")
  func pastHiringIsClosedUnderTransitions() {
    let past = Lifecycle.StateName.allCases.filter(\.isPastHiring)
    #expect(Set(past) == [.hired, .waitingForLicence, .working, .withdrawn])
    for transition in Lifecycle.transitions where transition.from.isPastHiring {
      #expect(transition.to.isPastHiring, "\(transition.from) --\(transition.input)--> \(transition.to)")
    }
    for sample in Self.samples where sample.stateName.isPastHiring {
      #expect(!sample.isAvailable, "\(sample.state) is past hiring but available")
    }
  }

  @Test("rotations follow admitted, on rotation, between rotations, and end only at their own site")
  func rotationsAreOrdered() {
    var lifecycle = Lifecycle()
    #expect(lifecycle.applying(.endRotation(site: 1)) == nil)
    _ = lifecycle.apply(.startRotation(site: 1))
    #expect(lifecycle.rotationSite == 1)
    #expect(lifecycle.applying(.startRotation(site: 2)) == nil)
    #expect(lifecycle.applying(.endRotation(site: 2)) == nil)
    _ = lifecycle.apply(.endRotation(site: 1))
    #expect(lifecycle.clinical == .betweenRotations)
  }

  @Test("the first offer schedules the decision and later ones join it")
  func offersShareOneDecision() {
    var lifecycle = Lifecycle()
    #expect(lifecycle.apply(.receiveOffer(requisition: 1)) == .scheduleDecision)
    #expect(lifecycle.apply(.receiveOffer(requisition: 2)) == Lifecycle.Action.none)
    #expect(lifecycle.pendingOffers == [1, 2])
  }

  @Test("graduating with offers in hand starts a search, and declining them leaves the graduate searching")
  func graduatingWithOffersSearches() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 1))
    #expect(!lifecycle.isSearching)
    #expect(lifecycle.apply(.graduate) == .startSearching(search: 1))
    #expect(lifecycle.isSearching)
    _ = lifecycle.apply(.declineAll)
    #expect(lifecycle.state == .searching)
  }

  @Test("declining before graduation returns the student to the programme")
  func decliningBeforeGraduation() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 1))
    _ = lifecycle.apply(.declineAll)
    #expect(lifecycle.state == .enrolled)
  }

  @Test("a hired student can take no further offer")
  func hiredTakesNoOffer() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 1))
    _ = lifecycle.apply(.accept(job: Self.job(licence: false), deadline: nil))
    #expect(!lifecycle.isAvailable)
    #expect(lifecycle.applying(.receiveOffer(requisition: 2)) == nil)
  }

  @Test("rescission is one transition: job, start and offer day go, the record keeps that it happened")
  func rescissionIsOneTransition() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.graduate)
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    _ = lifecycle.apply(.accept(job: Self.job(licence: false), deadline: 400))
    #expect(lifecycle.apply(.startJob(day: 300)) == .started)
    #expect(lifecycle.startDay == 300)
    #expect(lifecycle.apply(.contingencyDeadline) == .rescinded(job: Self.job(licence: false), search: 2))
    #expect(lifecycle.state == .searching)
    #expect(lifecycle.job == nil && lifecycle.startDay == nil && lifecycle.offerDay == nil)
    #expect(lifecycle.record.rescinded && lifecycle.record.everContingent)
  }

  @Test("the credential before the deadline keeps the job, and the deadline then does nothing")
  func credentialKeepsTheJob() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    _ = lifecycle.apply(.accept(job: Self.job(licence: true), deadline: 400))
    #expect(lifecycle.apply(.earnCredential(day: 300)) == .applyForLicence)
    #expect(lifecycle.state == .hired(job: Self.job(licence: true)))
    #expect(lifecycle.apply(.contingencyDeadline) == Lifecycle.Action.none)
    #expect(!lifecycle.record.rescinded)
  }

  @Test("in a licensing state the start waits for the licence, and the grant starts the job")
  func startWaitsForLicence() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    #expect(lifecycle.apply(.accept(job: Self.job(licence: true), deadline: nil)) == .applyForLicence)
    _ = lifecycle.apply(.applyForLicence(day: 110))
    #expect(lifecycle.applying(.applyForLicence(day: 111)) == nil)
    #expect(lifecycle.apply(.startJob(day: 150)) == .waitsForLicence)
    #expect(lifecycle.startDay == nil)
    #expect(lifecycle.apply(.grantLicence(day: 170)) == .started)
    #expect(lifecycle.startDay == 170)
    #expect(lifecycle.record.licenceDay == 170)
  }

  @Test("a temporary licence lets a contingent hire waiting in a licensing state start before the credential")
  func temporaryLicenceStartsAContingentHire() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    _ = lifecycle.apply(.accept(job: Self.job(licence: true), deadline: 400))
    #expect(lifecycle.apply(.startJob(day: 150)) == .waitsForLicence)
    #expect(lifecycle.apply(.grantTemporaryLicence(day: 160)) == .started)
    #expect(lifecycle.startDay == 160)
    #expect(lifecycle.isContingent)
    // The credential then sends the graduate for the full licence while they keep working.
    #expect(lifecycle.apply(.earnCredential(day: 300)) == .applyForLicence)
    #expect(lifecycle.startDay == 160)
    #expect(lifecycle.apply(.grantLicence(day: 200)) == Lifecycle.Action.none)
    #expect(lifecycle.record.licenceDay == 200)
  }

  @Test("a temporary licence granted before the start date lets a contingent hire start on time")
  func temporaryLicenceBeforeStart() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    _ = lifecycle.apply(.accept(job: Self.job(licence: true), deadline: 400))
    #expect(lifecycle.apply(.grantTemporaryLicence(day: 120)) == Lifecycle.Action.none)
    #expect(lifecycle.apply(.startJob(day: 150)) == .started)
    #expect(lifecycle.startDay == 150)
  }

  @Test("a rescinded contingent hire loses the temporary licence sought for that job")
  func rescissionEndsTheTemporaryLicence() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    _ = lifecycle.apply(.accept(job: Self.job(licence: true), deadline: 400))
    _ = lifecycle.apply(.grantTemporaryLicence(day: 120))
    _ = lifecycle.apply(.contingencyDeadline)
    #expect(!lifecycle.record.mayWorkInLicensingState)
  }

  @Test("a licence granted before the start date lets the job start on time")
  func licenceBeforeStart() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.receiveOffer(requisition: 7))
    _ = lifecycle.apply(.accept(job: Self.job(licence: true), deadline: nil))
    _ = lifecycle.apply(.applyForLicence(day: 110))
    _ = lifecycle.apply(.grantLicence(day: 120))
    #expect(lifecycle.apply(.startJob(day: 150)) == .started)
    #expect(lifecycle.startDay == 150)
  }

  @Test("withdrawal before graduating gives back offers in hand and a job not yet started")
  func withdrawalGivesBackOffersAndJobs() {
    var lifecycle = Lifecycle()
    _ = lifecycle.apply(.startRotation(site: 3))
    #expect(lifecycle.applying(.withdraw)?.1 == Lifecycle.Action.none)
    _ = lifecycle.apply(.receiveOffer(requisition: 1))
    #expect(lifecycle.applying(.withdraw)?.1 == .offersReturned(offers: [1]))
    _ = lifecycle.apply(.accept(job: Self.job(licence: false), deadline: 400))
    #expect(lifecycle.applying(.withdraw)?.1 == .jobGivenBack(job: Self.job(licence: false)))
    _ = lifecycle.apply(.startJob(day: 200))
    #expect(lifecycle.applying(.withdraw) == nil)
  }
}

@Suite struct LifecycleDiagramTests {
  static func section(_ name: String, in text: String) -> String? {
    guard let start = text.range(of: "<!-- \(name):begin -->\n"),
      let end = text.range(of: "<!-- \(name):end -->")
    else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
  }

  @Test("MODEL.md shows exactly the diagrams generated from the transition tables")
  func modelDocumentMatchesTheCode() throws {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/MODEL.md"), encoding: .utf8)
    #expect(Self.section("student-lifecycle", in: text) == StudentLifecycle.mermaid)
    #expect(Self.section("requisition-lifecycle", in: text) == RequisitionLifecycle.mermaid)
  }
}
