/// Open-market hiring with what staff already know: an applicant the hiring site has seen on
/// rotation, or its hospital system has heard of, is judged on that knowledge blended with the
/// interview rather than on one noisy interview alone.
extension CohortDynamics {
  /// What the site knows of the student now: its own staff's impression if they rotated there
  /// (faded as in 7.3), else its system's reputation of them, else nil.
  func knownImpression(of index: Int, at site: Int, now: Double) -> Double? {
    if let own = roster.impression(of: index, by: .site(Int32(site)), now: now) { return own }
    guard let system = world.sites[site].system else { return nil }
    return roster.impression(of: index, by: .system(Int32(system)), now: now)
  }

  /// An applicant's score before the credential bonus: `(1 − w) × interview + w × known` for a
  /// known applicant, the interview alone for a stranger (w = `hiring.knowledgeWeight`).
  func postingScore(interview: Double, of index: Int, at site: Int, now: Double) -> Double {
    let weight = scenario.hiring.knowledgeWeight
    guard weight > 0, let known = knownImpression(of: index, at: site, now: now) else { return interview }
    return (1 - weight) * interview + weight * known
  }
}
