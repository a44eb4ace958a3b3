import CohortModel
import SimKernel

/// One figure the model should reproduce: a metric of `summary.csv` (one strategy's mean over
/// the replications) and the band it should fall in, with the source that gives the band.
public struct CalibrationTarget: Sendable, Equatable {
  /// How the file states the band: a value with a tolerance either side, or its two ends.
  public enum Band: Sendable, Equatable {
    case value(Double, tolerance: Double)
    case range(low: Double, high: Double)

    public var low: Double {
      switch self {
      case .value(let value, let tolerance): value - tolerance
      case .range(let low, _): low
      }
    }

    public var high: Double {
      switch self {
      case .value(let value, let tolerance): value + tolerance
      case .range(_, let high): high
      }
    }

    /// The band's centre: the value, or the middle of the range.
    public var centre: Double { (low + high) / 2 }

    /// What a distance of 1 is: the tolerance, or half the range.
    public var scale: Double { (high - low) / 2 }

    /// As the check's table writes it: `58 ± 3` or `0.85–0.99`.
    public var text: String {
      switch self {
      case .value(let value, let tolerance): "\(format(value)) ± \(format(tolerance))"
      case .range(let low, let high): "\(format(low))–\(format(high))"
      }
    }
  }

  public var metric: Metric
  public var band: Band
  public var source: String
  /// The strategy whose mean is compared: the scenario's first strategy to run when the file
  /// names none.
  public var strategy: String?
  /// Why the committed model is known to miss this target, when it is: `check --targets` then
  /// passes while the mean stays outside the band and fails as soon as it falls inside (remove
  /// the note then), so a known gap stays visible and cannot silently close or widen unnoticed.
  /// A calibration still fits to the target.
  public var knownMiss: String?

  public init(metric: Metric, band: Band, source: String, strategy: String? = nil, knownMiss: String? = nil) {
    self.metric = metric
    self.band = band
    self.source = source
    self.strategy = strategy
    self.knownMiss = knownMiss
  }

  /// The standardised distance of a mean from the band: |mean − centre| / scale, so 1 is the
  /// band's edge. +∞ when the mean is missing (NaN), so a particle without the metric is never
  /// accepted and never passes.
  public func distance(_ mean: Double) -> Double {
    guard mean.isFinite else { return .infinity }
    return abs(mean - band.centre) / band.scale
  }

  /// Whether a mean lies inside the band, ends included.
  public func holds(_ mean: Double) -> Bool { mean.isFinite && mean >= band.low && mean <= band.high }
}

/// One scenario field the calibration fits, with its prior.
public struct CalibrationParameter: Sendable, Equatable {
  /// A field path as `sweep` takes it: `hiring.applyProbability`, `programs[0].cohortSize`.
  public var path: String
  public var prior: Distribution

  public init(path: String, prior: Distribution) {
    self.path = path
    self.prior = prior
  }
}

private func format(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}
