import SimKernel

/// What a site's freeze holds this budget period.
enum FreezeHold: UInt8 {
  case none
  /// A system freeze that exempts replacing patient-facing staff: only growth waits.
  case growthOnly
  /// A site freeze, or a system freeze without the exemption: nothing is approved.
  case everything

  init(siteFrozen: Bool, systemFrozen: Bool, exemptsReplacements: Bool) {
    if siteFrozen || (systemFrozen && !exemptsReplacements) {
      self = .everything
    } else {
      self = systemFrozen ? .growthOnly : .none
    }
  }

  var holdsReplacements: Bool { self == .everything }
  var holdsGrowth: Bool { self != .none }

  /// Whether a requisition (or held vacancy) of this origin waits while the freeze lasts.
  func holds(_ origin: RequisitionOrigin) -> Bool {
    origin == .growth ? holdsGrowth : holdsReplacements
  }
}

/// Freezes as hospitals run them: a system freeze holds every site of the system together (drawn
/// once per system and budget period, so its sites are frozen in the same periods), site freezes
/// still come on their own, and a freeze may cancel a requisition that is still open.
extension Openings {
  /// Whether each hospital system is frozen in the current budget period. Keyed by (system,
  /// period): nothing placement does can move these draws.
  func drawSystemFreezes(_ streams: inout RandomStreamBank) -> [Bool] {
    let probability = scenario.demand.systemFreezeProbability
    guard probability > 0 else { return Array(repeating: false, count: world.systemCount) }
    let period = budgetPeriod
    return (0..<world.systemCount).map { system in
      streams.withStream(WorldDraw.systemFreeze(system: system, period: period)) {
        $0.chance(probability)
      }
    }
  }

  /// Every open requisition whose site's freeze holds it is cancelled with probability
  /// `demand.freezeCancelProbability`, in requisition order; its vacancy is requested again when
  /// the freeze ends. Keyed by (requisition identity, period).
  mutating func cancelHeldRequisitions(
    _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let probability = scenario.demand.freezeCancelProbability
    guard probability > 0 else { return }
    for index in requisitions.indices where requisitions[index].isCancellable {
      let site = Int(requisitions[index].site)
      guard budgets[site].hold.holds(requisitions[index].origin) else { continue }
      let cancels = withRequisitionStream(index, .freezeCancel(period: budgetPeriod), &streams) {
        $0.chance(probability)
      }
      guard cancels else { continue }
      requisitions[index].lifecycle.record(.cancel(day: simulation.now))
      budgets[site].deferredReposts.append(Int32(index))
      trace(simulation.now, "requisition_cancelled", site: site, "requisition=\(index)")
    }
  }

  /// Requests again, as a repost, the vacancy of cancelled requisition `cancelled`: same site,
  /// origin and chain length; an identity derived from the cancelled one, so its draws are its own.
  mutating func repost(
    _ cancelled: Int, _ streams: inout RandomStreamBank, _ simulation: inout Simulation<CohortEvent>
  ) {
    let old = requisitions[cancelled]
    let identity = DerivedRequisition.repost.identity(from: old.identity)
    let approvalDelay = scenario.demand.approvalDelayDays
    let delay = streams.withStream(WorldDraw.approvalDelay(identity: identity)) {
      approvalDelay.sample(&$0)
    }
    schedule(
      Requisition(
        site: old.site, approvedDay: simulation.now + delay, origin: old.origin, chainLength: old.chainLength,
        isRepost: true, identity: identity),
      &simulation)
  }
}
