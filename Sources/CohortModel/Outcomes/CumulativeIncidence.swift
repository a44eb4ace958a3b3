/// The Aalen–Johansen estimate of the cumulative incidence of one outcome (an accepted offer)
/// in the presence of censoring (follow-up ending at the horizon) and competing outcomes that
/// end the wait without it (withdrawing, leaving the search).
///
/// With the distinct times t₁ < t₂ < … at which anything happens, nⱼ still waiting just before
/// tⱼ, dⱼ offers and eⱼ competing outcomes at tⱼ, and S the Kaplan–Meier probability of still
/// waiting, F(t) = Σ_{tⱼ ≤ t} S(tⱼ₋) · dⱼ/nⱼ with S(tⱼ) = S(tⱼ₋) · (1 − (dⱼ + eⱼ)/nⱼ). Censorings at
/// tⱼ leave the risk set after the events at tⱼ (the usual convention). Without competing
/// outcomes F = 1 − S, the Kaplan–Meier curve, and unlike a median over the hired alone it does
/// not leave out graduates never hired: they count as waiting until their follow-up ends.
public struct CumulativeIncidence: Sendable, Equatable {
  /// How one graduate's wait ended.
  public enum Ending: Sendable, Equatable {
    /// The outcome of interest happened at `time`.
    case offer(time: Double)
    /// A competing outcome ended the wait at `time`.
    case competing(time: Double)
    /// Follow-up ended at `time` with neither.
    case censored(time: Double)

    var time: Double {
      switch self {
      case .offer(let time), .competing(let time), .censored(let time): time
      }
    }
  }

  /// A graduate's wait for an accepted offer, in days since graduation: the offer when there is
  /// one (negative when made before graduating), else censored when follow-up ends at the
  /// horizon. Nil unless they graduated within the run (day 0 to the horizon), the graduates
  /// every placement metric counts. The model records no competing outcome yet, so none appear.
  public static func offerWait(graduationDay: Double?, daysToOffer: Double?, horizon: Double) -> Ending? {
    guard let graduationDay, graduationDay >= 0, graduationDay <= horizon else { return nil }
    if let daysToOffer, !daysToOffer.isNaN { return .offer(time: daysToOffer) }
    return .censored(time: horizon - graduationDay)
  }

  /// The step points: after `times[j]` the incidence is `values[j]`.
  public private(set) var times: [Double] = []
  public private(set) var values: [Double] = []
  /// Waits counted.
  public let count: Int

  /// The estimate from every graduate's ending.
  /// - Complexity: O(n log n).
  public init(_ endings: [Ending]) {
    count = endings.count
    let sorted = endings.sorted { $0.time < $1.time }
    var atRisk = Double(endings.count)
    var waiting = 1.0
    var incidence = 0.0
    var index = 0
    while index < sorted.count {
      let time = sorted[index].time
      var offers = 0.0
      var competing = 0.0
      var censored = 0.0
      while index < sorted.count && sorted[index].time == time {
        switch sorted[index] {
        case .offer: offers += 1
        case .competing: competing += 1
        case .censored: censored += 1
        }
        index += 1
      }
      if offers + competing > 0 {
        incidence += waiting * offers / atRisk
        waiting *= 1 - (offers + competing) / atRisk
        times.append(time)
        values.append(incidence)
      }
      atRisk -= offers + competing + censored
    }
  }

  /// F(t): the estimated probability of the outcome by `time`; NaN with no waits at all.
  public func value(at time: Double) -> Double {
    guard count > 0 else { return .nan }
    // The last step at or before `time`.
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] <= time { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? 0 : values[low - 1]
  }

  /// The first time at which F reaches `probability`; NaN when it never does within follow-up
  /// (e.g. the median when fewer than half are ever hired).
  public func quantile(_ probability: Double) -> Double {
    guard let step = values.firstIndex(where: { $0 >= probability - 1e-12 }) else { return .nan }
    return times[step]
  }
}
