import Foundation
import Glibc

/// A problem writing the results: which file, and what the system said.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  /// True when it happened before any replication ran — the output directory or a file in it
  /// could not be created — which means an unusable output path (bad input) rather than a
  /// failure in the middle of a run.
  public var isSetup: Bool
  /// What the caller can do about it when that is a setting it chose not to give: the command
  /// line names its own option for it (this module knows no flags), said after `reason` and
  /// before `consequence`.
  public var remedy: Remedy?
  /// What did not happen, said last ("nothing was changed").
  public var consequence: String?

  /// A setting that would have let the write go ahead.
  public enum Remedy: Sendable, Equatable {
    /// `ExperimentPlan.overwrite` (and its sweep, calibration and merge counterparts): replace a
    /// folder that holds a run with other settings.
    case overwrite
  }

  public init(
    path: String, reason: String, isSetup: Bool = false, remedy: Remedy? = nil, consequence: String? = nil
  ) {
    self.path = path
    self.reason = reason
    self.isSetup = isSetup
    self.remedy = remedy
    self.consequence = consequence
  }

  /// The last system error, for `path`.
  static func system(_ path: String, isSetup: Bool = false) -> OutputError {
    OutputError(path: path, reason: String(cString: strerror(errno)), isSetup: isSetup)
  }

  public var description: String {
    description(remedy: { _ in "set overwrite to replace it" })
  }

  /// The message with `remedy`'s own phrasing of what to do, as the command line says it.
  public func description(remedy phrase: (Remedy) -> String) -> String {
    "cannot write \(path): \(reason)" + (remedy.map { "; " + phrase($0) } ?? "")
      + (consequence.map { "; " + $0 } ?? "")
  }
}

/// One output file, written inside a run's private staging folder (`ResultsFolder`) under its
/// final name. It is created with `O_EXCL | O_NOFOLLOW`, so a file or link planted at that path
/// is refused rather than overwritten or followed; the folder is published as a whole, so no
/// reader sees the file before it is complete.
///
/// Writes are buffered in memory up to `bufferLimit` bytes, so streaming a row at a time costs
/// one system call per ~64 KB rather than per row. The bytes are counted and hashed as they are
/// written, for `run.json`'s `"files"`. Owned by one thread.
final class StagedFile {
  let name: String
  let path: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private let bufferLimit = 1 << 16
  private var hash = SHA256()
  private var written = 0
  /// Set by `finish`.
  private(set) var digest: FileDigest?

  /// Creates `name` in the staging folder `directory`; fails if anything is already there.
  init(directory: String, name: String) throws(OutputError) {
    self.name = name
    path = (directory as NSString).appendingPathComponent(name)
    descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError.system(path, isSetup: true) }
    buffer.reserveCapacity(bufferLimit)
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Appends `text` as UTF-8.
  /// - Complexity: amortised O(n) in the length of `text`.
  func append(_ text: String) throws(OutputError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= bufferLimit { try flush() }
  }

  /// Appends one CSV record.
  func appendRow(_ fields: [String]) throws(OutputError) { try append(CSVFormat.row(fields)) }

  private func flush() throws(OutputError) {
    var offset = 0
    while offset < buffer.count {
      let count = buffer.withUnsafeBytes { bytes in
        write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw OutputError.system(path)
      }
      offset += count
    }
    hash.update(buffer)
    written += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, fsyncs and closes the file and records its digest.
  func finish() throws(OutputError) {
    guard descriptor >= 0 else { return }
    try flush()
    let synced = fsync(descriptor)
    let closed = close(descriptor)
    descriptor = -1
    guard synced == 0, closed == 0 else { throw OutputError.system(path) }
    digest = FileDigest(bytes: written, sha256: SHA256.hex(hash.finalize()))
  }

  /// Closes the file without finishing it; the staging folder is removed with it.
  func abandon() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
  }
}
