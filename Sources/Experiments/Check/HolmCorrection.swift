/// Holm's step-down correction (Holm 1979, "A simple sequentially rejective multiple test
/// procedure"): adjusted p-values that keep the family-wise error rate at α across every test
/// of a check, without assuming the tests are independent — metrics of one run are not.
///
/// With the p-values sorted ascending, p(1) ≤ … ≤ p(m), the adjusted value of the i-th is
/// max over j ≤ i of min(1, (m − j + 1) · p(j)); a test is rejected when its adjusted value is
/// at most α. It rejects everything Bonferroni rejects, and sometimes more.
public enum HolmCorrection {
  /// The adjusted p-values, in the order of `pValues`. NaN stays NaN and does not count as a test.
  /// - Complexity: O(m log m).
  public static func adjusted(_ pValues: [Double]) -> [Double] {
    let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted { pValues[$0] < pValues[$1] }
    var result = pValues
    var running = 0.0
    for (rank, index) in order.enumerated() {
      running = max(running, min(1, Double(order.count - rank) * pValues[index]))
      result[index] = running
    }
    return result
  }
}
