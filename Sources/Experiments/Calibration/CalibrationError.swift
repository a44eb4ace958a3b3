import InputFormats
import SimKernel

/// A problem with a calibration's input: the targets file (or the scenario it is checked
/// against), the field path and what is allowed there. The executable prints it and exits 2;
/// nothing has run and nothing is written.
public struct CalibrationError: Error, Sendable, CustomStringConvertible, Equatable {
  public var file: String
  public var problem: FieldProblem

  public init(file: String, path: String, _ message: String) {
    self.file = file
    problem = FieldProblem(path: path, message: message)
  }

  public var description: String { "\(file): \(problem.description)" }
}
