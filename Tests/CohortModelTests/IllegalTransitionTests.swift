import Testing

@testable import CohortModel

/// An input a lifecycle's state does not allow is a programming error: `apply` traps
/// (`preconditionFailure`). Each trap runs in a child process (an exit test), so it fails its
/// own test and not the whole run; the legal control shows the child is not failing for
/// another reason.
@Suite("illegal lifecycle transitions trap")
struct IllegalTransitionTests {
  @Test("a legal input does not trap: an enrolled student receives an offer")
  func legalInputRuns() async {
    await #expect(processExitsWith: .success) {
      var lifecycle = StudentLifecycle()
      _ = lifecycle.apply(.receiveOffer(requisition: 1))
    }
  }

  @Test("a withdrawn student cannot receive an offer")
  func withdrawnStudentReceivesNoOffer() async {
    await #expect(processExitsWith: .failure) {
      var lifecycle = StudentLifecycle()
      _ = lifecycle.apply(.withdraw)
      _ = lifecycle.apply(.receiveOffer(requisition: 1))
    }
  }

  @Test("a hired student cannot accept a second job")
  func hiredStudentAcceptsNoSecondJob() async {
    await #expect(processExitsWith: .failure) {
      let job = StudentLifecycle.Job(
        requisition: 7, site: 0, source: .ownSite, offerDay: 100, acceptedDay: 101, relocationKm: nil,
        requiresLicence: false)
      var lifecycle = StudentLifecycle()
      _ = lifecycle.apply(.receiveOffer(requisition: 7))
      _ = lifecycle.apply(.accept(job: job, deadline: nil))
      _ = lifecycle.apply(.accept(job: job, deadline: nil))
    }
  }

  @Test("a graduate searching cannot withdraw from the program")
  func graduateCannotWithdraw() async {
    await #expect(processExitsWith: .failure) {
      var lifecycle = StudentLifecycle()
      _ = lifecycle.apply(.graduate)
      _ = lifecycle.apply(.withdraw)
    }
  }

  @Test("a job filled by an outside hire cannot be rescinded")
  func outsideHireIsNotRescinded() async {
    await #expect(processExitsWith: .failure) {
      var lifecycle = RequisitionLifecycle()
      _ = lifecycle.apply(.open)
      _ = lifecycle.apply(.post)
      _ = lifecycle.apply(.hireOutside(day: 40))
      _ = lifecycle.apply(.rescind)
    }
  }

  @Test("a cancelled requisition cannot make an offer")
  func cancelledRequisitionMakesNoOffer() async {
    await #expect(processExitsWith: .failure) {
      var lifecycle = RequisitionLifecycle()
      _ = lifecycle.apply(.open)
      _ = lifecycle.apply(.post)
      _ = lifecycle.apply(.cancel(day: 91))
      _ = lifecycle.apply(.offer(student: 1, day: 100))
    }
  }
}
