import Foundation
import SimKernel

/// Impressions that persist after a rotation and travel through a hospital system.
extension Roster {
  /// What `key` (a site's staff, or a system's grapevine) thinks of a student now, or nil if
  /// they never heard of them. Memories fade toward neutral (0.5) with a half-life that grows
  /// with the student's relationship building: staff remember those who connected with them.
  func impression(of index: Int, by key: ImpressionHolder, now: Double) -> Double? {
    guard let entry = students[index].impressions.first(where: { $0.holder == key }) else {
      return nil
    }
    if entry.active { return entry.value }
    let halfLife = max(
      1, scenario.evaluation.memoryHalfLifeDays * 2 * students[index].relationshipBuilding)
    return 0.5 + (entry.value - 0.5) * exp2(-(now - entry.lastDay) / halfLife)
  }
}

extension CohortDynamics {
  /// Word of the student's rotation reaches the other sites of the site's system, good or bad,
  /// softened in the retelling. It never leaves the system.
  mutating func spreadReputation(_ index: Int, from site: Int, _ simulation: inout Simulation<CohortEvent>) {
    guard let system = world.sites[site].system,
      let seen = roster.impression(of: index, by: .site(Int32(site)), now: simulation.now)
    else {
      return
    }
    let told = 0.5 + scenario.evaluation.spreadAttenuation * (seen - 0.5)
    let key = ImpressionHolder.system(Int32(system))
    if let entry = roster.students[index].impressions.firstIndex(where: { $0.holder == key }) {
      roster.students[index].impressions[entry].value = told
      roster.students[index].impressions[entry].lastDay = simulation.now
    } else {
      roster.students[index].impressions.append(
        Impression(holder: key, value: told, lastDay: simulation.now, active: false))
      if isStillHirable(index) { lists.add(index, to: key) }
    }
    trace(
      simulation.now, "word_spreads", student: index, site: site, "system=\(system) reputation=\(fixed(told))"
    )
  }
}
