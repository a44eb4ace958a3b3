import CohortModel
import SimKernel
import Testing

/// Common random numbers: everything placement cannot influence is drawn from streams keyed by
/// what it is about, so it is the same under every strategy (MODEL.md §4).
@Suite struct CommonRandomNumbersTests {
  /// The trace lines placement cannot influence: freezes, growth and cuts, staff exits, the
  /// approval of exit and growth requisitions (not their array numbers, which chains shift), and
  /// every exam result.
  static func placementIndependent(_ traces: [TraceRecord]) -> [String] {
    traces.compactMap { record in
      switch record.event {
      case "hiring_freeze", "positions_granted", "position_cut", "staff_exit":
        return "\(record.time) \(record.event) site=\(record.site) \(record.detail)"
      case "requisition_approved" where record.detail.hasSuffix("origin=budget"):
        return "\(record.time) approved site=\(record.site)"
      case "withdrawn":
        return "\(record.time) withdrawn student=\(record.student)"
      case "exam_pass", "exam_fail", "exams_exhausted", "credential":
        return "\(record.time) \(record.event) student=\(record.student) \(record.detail)"
      default:
        return nil
      }
    }
  }

  /// strategies.json over four years instead of ten: the same region, budgets and programs,
  /// short enough for 20 replications × 6 strategies in a debug test run.
  static func scenario() throws -> Scenario {
    var scenario = try shippedScenario("strategies")
    scenario.years = 4
    return scenario
  }

  @Test(
    "every strategy sees the same budgets, exits, approvals and exam results in each of 20 replications (the first 5 unless heavy)",
    arguments: 0..<(HeavyTests.enabled ? 20 : 5))
  func placementIndependentEventsAreSharedByEveryStrategy(replication: Int) throws {
    let scenario = try Self.scenario()
    #expect(scenario.strategies.count >= 2)
    do {
      var reference: (strategy: String, events: [String], metrics: ReplicationMetrics)?
      for strategy in scenario.strategies {
        let (result, monitor) = collected(scenario, strategy: strategy, replication: replication)
        let events = Self.placementIndependent(monitor.traces)
        guard let reference else {
          #expect(events.contains { $0.contains("staff_exit") })
          #expect(events.contains { $0.contains("exam_pass") })
          #expect(events.contains { $0.contains("approved") })
          reference = (strategy, events, result.metrics)
          continue
        }
        let same = events == reference.events
        #expect(
          same,
          "replication \(replication): \(strategy) differs from \(reference.strategy) at event \(events.firstMismatch(with: reference.events))"
        )
        for metric in [Metric.openingsPerYear, .positionsGrowth, .graduates] {
          #expect(
            result.metrics[metric] == reference.metrics[metric],
            "replication \(replication): \(metric.rawValue) under \(strategy) ≠ \(reference.strategy)")
        }
      }
    }
  }

  @Test("placement does change what placement drives: offers differ between some strategies")
  func placementStillMatters() throws {
    let scenario = try Self.scenario()
    let offers = scenario.strategies.map { strategy in
      collected(scenario, strategy: strategy).1.traces.filter { $0.event == "offer_accepted" }.map(\.student)
    }
    #expect(Set(offers.map { $0.description }).count > 1)
  }
}

extension Array where Element == String {
  /// The first index where two sequences differ (or the shorter one's length).
  fileprivate func firstMismatch(with other: [String]) -> Int {
    (0..<Swift.min(count, other.count)).first { self[$0] != other[$0] } ?? Swift.min(count, other.count)
  }
}
