import SimKernel
import Testing

/// The M/M/1 queue with λ = 0.8 and μ = 1 against queueing theory: mean time in system
/// W = 1 / (μ − λ) = 5 and utilisation ρ = λ / μ = 0.8.
///
/// Tolerances: W within 5% (0.25), ρ within 1.5 percentage points. At ρ = 0.8 successive
/// sojourn times are strongly correlated: the asymptotic variance of their mean is about
/// 2,000 / n (Daley 1968), so with n = 500,000 measured customers the standard error of W is
/// at most about 0.06; over 16 seeds the spread was 0.048 (1%), so 5% is 4–5 standard errors.
/// The utilisation's spread over the same seeds was 0.1 points, so 1.5 points is over 10.
/// The run executes about 1 M events: about 1.2 s in a debug build.
@Suite("M/M/1 queue")
struct MM1QueueTests {
  /// One long run (10,000 customers of warm-up, then 500,000 measured), shared by the tests.
  static let result: MM1Queue.Result = {
    var queue = MM1Queue(arrivalRate: 0.8, serviceRate: 1.0, warmUp: 10_000, measured: 500_000, seed: 1)
    return queue.run()
  }()

  @Test("The mean time in system is within 5% of 1/(mu − lambda) = 5")
  func meanTimeInSystemMatchesTheory() {
    let result = Self.result
    #expect(abs(result.meanTimeInSystem - 5) <= 0.05 * 5, "W = \(result.meanTimeInSystem)")
  }

  @Test("The server's utilisation is within 1.5 points of lambda/mu = 0.8")
  func utilisationMatchesTheory() {
    let result = Self.result
    #expect(abs(result.utilisation - 0.8) <= 0.015, "rho = \(result.utilisation)")
  }
}
