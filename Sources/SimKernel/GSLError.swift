import CGSL

/// A GSL status code turned into a Swift error, so a numerical failure is a value, not an abort.
public struct GSLError: Error, Equatable, CustomStringConvertible {
  /// GSL's status code (`GSL_EDOM`, `GSL_ENOMEM`, ...).
  public var code: Int32
  /// What was being attempted when GSL reported the failure.
  public var operation: String

  public init(code: Int32, operation: String) {
    self.code = code
    self.operation = operation
  }

  public var description: String {
    let reason = gsl_strerror(code).map { String(cString: $0) } ?? "unknown GSL error"
    return "\(operation): \(reason) (GSL status \(code))"
  }
}

/// GSL's default error handler calls `abort()`, which would turn a bad parameter into a crash
/// with no message. cohortsim validates parameters before they reach GSL and switches the
/// handler off once, so any failure that still slips through comes back as a status code.
public enum GSLRuntime {
  private static let handlerSwitchedOff: Bool = {
    gsl_set_error_handler_off()
    return true
  }()

  /// Idempotent and thread-safe (a Swift static is initialised exactly once).
  public static func prepare() {
    _ = handlerSwitchedOff
  }
}
