import SimKernel

/// Recommendations: sonographers at a contact site who think highly of a student may put them
/// forward for an opening here, which moves them ahead of the public posting.
extension CohortDynamics {
  /// Each contact's word about each student is one keyed draw of (requisition, student), so
  /// whether a student is recommended does not depend on who was considered before.
  mutating func bestRecommended(
    for requisition: Int, at site: Int, now: Double, excluding tried: [Int32] = []
  ) -> Int? {
    let threshold = scenario.hiring.strongImpressionThreshold
    let probability = scenario.network.recommendationProbability
    var best: (score: Double, student: Int)?
    for contact in world.contacts(of: site) {
      for raw in lists.known(by: .site(contact)) where !tried.contains(raw) {
        let index = Int(raw)
        guard isCandidate(index, for: site, now: now), isRecent(index, at: Int(contact), now: now),
          let seen = roster.impression(of: index, by: .site(contact), now: now), seen > threshold
        else { continue }
        let relationship = roster.students[index].relationshipBuilding
        guard
          withRequisitionStream(
            requisition, .recommendation(contact: Int(contact), candidate: index),
            { $0.chance(probability * relationship) })
        else { continue }
        let score = standing(seen, index)
        if best == nil || score > best!.score { best = (score, index) }
      }
    }
    return best?.student
  }
}
