import CGSL

/// Student's t distribution, through GSL (`gsl_cdf_tdist_Pinv`, `gsl_cdf_tdist_Q`), for the
/// intervals and tests over replications. Replication counts are often small (10–100), where
/// the normal approximation's 1.96 would understate the uncertainty. The degrees of freedom may
/// be fractional (Welch–Satterthwaite); the whole-number overloads are for the usual n − 1.
public enum StudentT {
  /// The quantile t such that P(T ≤ t) = `probability` with `degreesOfFreedom` degrees of
  /// freedom. NaN unless the degrees of freedom are positive and the probability is in (0, 1).
  public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
    guard degreesOfFreedom > 0, probability > 0, probability < 1 else { return .nan }
    return gsl_cdf_tdist_Pinv(probability, degreesOfFreedom)
  }

  public static func quantile(_ probability: Double, degreesOfFreedom: Int) -> Double {
    quantile(probability, degreesOfFreedom: Double(degreesOfFreedom))
  }

  /// The two-sided tail probability P(|T| ≥ |t|). NaN when `t` is NaN or there are no degrees
  /// of freedom.
  public static func twoSidedPValue(_ t: Double, degreesOfFreedom: Double) -> Double {
    guard degreesOfFreedom > 0, !t.isNaN else { return .nan }
    return min(1, 2 * gsl_cdf_tdist_Q(abs(t), degreesOfFreedom))
  }

  public static func twoSidedPValue(_ t: Double, degreesOfFreedom: Int) -> Double {
    twoSidedPValue(t, degreesOfFreedom: Double(degreesOfFreedom))
  }
}
