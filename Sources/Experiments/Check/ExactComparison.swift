import Foundation

/// The first difference between a baseline's file and a rerun's, for `--exact`.
public struct FileDifference: Sendable, Equatable, CustomStringConvertible {
  public var file: OutputFile
  /// 1-based; the header is line 1.
  public var line: Int
  /// The line as the baseline has it, nil when the baseline ends first.
  public var baselineLine: String?
  /// The line as the rerun wrote it, nil when the rerun ends first.
  public var newLine: String?

  public var description: String {
    "\(file.rawValue) differs at line \(line):\n  baseline: \(baselineLine ?? "(end of file)")\n"
      + "  new:      \(newLine ?? "(end of file)")"
  }

  /// The first line where the two files' bytes differ, or nil when they are identical.
  /// - Complexity: O(n) in the files' sizes.
  static func first(in file: OutputFile, baseline: Data, new: Data) -> FileDifference? {
    guard baseline != new else { return nil }
    let old = String(decoding: baseline, as: UTF8.self).components(separatedBy: "\r\n")
    let fresh = String(decoding: new, as: UTF8.self).components(separatedBy: "\r\n")
    var line = 0
    while line < old.count, line < fresh.count, old[line] == fresh[line] { line += 1 }
    // Equal split lines but different bytes can only mean a line end other than CRLF.
    return FileDifference(
      file: file, line: line + 1, baselineLine: line < old.count ? old[line] : nil,
      newLine: line < fresh.count ? fresh[line] : nil)
  }
}

/// The outcome of an exact check: each compared file, with its first difference if any.
public struct ExactCheck: Sendable {
  /// The files compared byte for byte: `run.json` never is, it records times.
  public static let files: [OutputFile] = [.summary, .replications]
  public var differences: [FileDifference]

  public var differs: Bool { !differences.isEmpty }
}
