/// The lists the inside tiers scan — each site's own students (`siteHistory`, also read for its
/// contacts' recommendations) and what each hospital system has heard (`systemHeard`) — hold
/// only students some site could still hire.
///
/// A student past hiring (`StudentLifecycle.StateName.isPastHiring`: hired for good, waiting
/// for a licence, working, withdrawn) fails every test those scans make, so dropping them
/// changes no result; it keeps each scan to the students still in play instead of every student
/// the site ever had. Order is kept (removal is stable), so ties still go to the first arrival.
extension CohortDynamics {
  /// Drops `index` from every list it is in once it is past hiring; does nothing otherwise.
  /// Its impressions say which lists: a site's for `siteHistory`, a system's for `systemHeard`.
  mutating func forgetIfPastHiring(_ index: Int) {
    guard !isStillHirable(index) else { return }
    lists.remove(index, from: roster.students[index].impressions.map(\.holder))
  }

  /// Whether a new impression of `index` should join the scanned lists: not once they are past
  /// hiring (a hired student may still be on rotation, or be talked about).
  func isStillHirable(_ index: Int) -> Bool { !roster.students[index].lifecycle.stateName.isPastHiring }
}
