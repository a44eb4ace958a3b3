import CohortModel
import SimKernel

/// The work a study plans before it starts (a sweep's points, a calibration's proposals, each
/// run for some replications under some strategies), held to `ScenarioLimits.eventsPerStudy`:
/// each field or flag may lie within its own bound while their product would run for years.
public enum StudyWork {
  /// Why `runs` replications of a scenario estimated at `eventsPerRun` events are too many, as
  /// a sentence naming the product (`product`, e.g. "1000 points × 200 replications") and what
  /// to reduce; nil when they are within the limit.
  public static func problem(runs: Double, eventsPerRun: Double, product: String, reduce: String) -> String? {
    let events = runs * eventsPerRun
    guard events > ScenarioLimits.eventsPerStudy else { return nil }
    return "\(product) would run about \(ResourceEstimate.rounded(events)) events (about "
      + "\(ResourceEstimate.rounded(eventsPerRun)) a replication, the scenario's resource estimate), above the "
      + "limit of \(ResourceEstimate.rounded(ScenarioLimits.eventsPerStudy)) for one study (docs/MODEL.md, "
      + "\"Limits\"); reduce \(reduce), or split it into shards"
  }
}
