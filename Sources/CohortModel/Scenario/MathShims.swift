import Foundation

/// Foundation's math functions under names that do not collide with model properties.
@inline(__always) func Foundation_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) func Foundation_expm1(_ x: Double) -> Double { expm1(x) }
