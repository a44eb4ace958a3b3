import SimKernel

/// The public posting: searching graduates within reach apply, and so do experienced
/// sonographers and graduates of programs outside the model; the manager takes the best.
extension CohortDynamics {
  mutating func closePosting(_ requisition: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard !openings.requisitions[requisition].isCancelled else { return }
    let site = Int(openings.requisitions[requisition].site)
    let hiring = scenario.hiring
    let observationNoise = scenario.evaluation.observationNoise
    let location = world.sites[site].location
    let now = simulation.now
    var best: (score: Double, student: Int)?
    var applicants = 0
    var candidates: [Int32] = []
    renewSearcherFilings(now: now)
    do {
      let current = roster.students
      lists.searching.forEachCandidate(
        near: location,
        isCurrent: { entry in
          Self.isApplying(current[Int(entry.student)], search: entry.search)
        }
      ) { candidates.append($0) }
    }
    for raw in candidates {
      let index = Int(raw)
      let distance = location.distanceKm(to: roster.students[index].home)
      let commute = scenario.students.commuteKm
      guard isCandidate(index, for: site, now: now),
        !openings.requisitions[requisition].lifecycle.declinedBy.contains(raw)
      else {
        continue
      }
      let probability = hiring.applyProbability * (distance <= commute ? 1 : hiring.relocationApplyFactor)
      let posting = Int(openings.requisitions[requisition].lifecycle.postings)
      let (applies, noise) = withRequisitionStream(requisition, .applicant(posting: posting, student: index))
      { stream in
        (stream.chance(probability), stream.normal(mean: 0, standardDeviation: observationNoise))
      }
      guard applies else { continue }
      applicants += 1
      let interview = roster.observedQuality(index) + roster.students[index].composure + noise
      let score =
        postingScore(interview: interview, of: index, at: site, now: now)
        + (roster.students[index].isCredentialed ? hiring.credentialBonus : 0)
      if best == nil || score > best!.score { best = (score, index) }
    }
    // The count and then each outside applicant's score, from one stream per posting.
    let (externalCount, bestExternal) = withRequisitionStream(
      requisition, .externalApplicants(posting: Int(openings.requisitions[requisition].lifecycle.postings))
    ) { stream in
      let count = Int(
        rounding: hiring.externalApplicants.sample(&stream), within: 0...ModelLimits.externalApplicants)
      var best = -Double.infinity
      for _ in 0..<max(0, count) {
        best = max(best, hiring.externalCandidateScore.sample(&stream) + hiring.credentialBonus)
      }
      return (count, best)
    }
    applicants += max(0, externalCount)
    if let best, best.score >= bestExternal {
      trace(
        now, "posting_closed", student: best.student, site: site,
        "requisition=\(requisition) applicants=\(applicants)")
      makeOffer(requisition, to: best.student, &simulation)
    } else if externalCount > 0 {
      guard
        case .openVacancyChain = openings.requisitions[requisition].lifecycle.apply(.hireOutside(day: now))
      else {
        preconditionFailure("an outside hire opens a vacancy chain")
      }
      trace(now, "external_hire", site: site, "requisition=\(requisition) applicants=\(applicants)")
      openings.openVacancyChain(for: requisition, leaving: site, &streams, &simulation)
    } else {
      trace(now, "posting_closed", site: site, "requisition=\(requisition) applicants=0")
      search(requisition, after: .noApplicants, &simulation)
    }
  }
}
