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

  public init(path: String, reason: String, isSetup: Bool = false) {
    self.path = path
    self.reason = reason
    self.isSetup = isSetup
  }

  /// The last system error, for `path`.
  static func system(_ path: String, isSetup: Bool = false) -> OutputError {
    OutputError(path: path, reason: String(cString: strerror(errno)), isSetup: isSetup)
  }

  public var description: String { "cannot write \(path): \(reason)" }
}

/// An output file that does not exist under its real name until it is complete.
///
/// Bytes go to `.NAME.partial` in the same directory; `commit` renames it to `NAME` (a rename
/// within one directory is atomic on POSIX file systems), `discard` deletes it. So a reader, or
/// a person looking at the directory after an interrupted run, never sees a file named like a
/// result that holds half a result.
///
/// Writes are buffered in memory up to `bufferLimit` bytes, so streaming a row at a time costs
/// one system call per ~64 KB rather than per row. Owned by one thread.
final class StagedFile {
  /// The file's final path.
  let path: String
  /// Where the bytes go until `commit`.
  let partialPath: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private let bufferLimit = 1 << 16

  /// Creates (or truncates) `.NAME.partial` in `directory`.
  init(directory: String, name: String) throws(OutputError) {
    path = (directory as NSString).appendingPathComponent(name)
    partialPath = (directory as NSString).appendingPathComponent("." + name + ".partial")
    descriptor = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError.system(partialPath) }
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
      let written = buffer.withUnsafeBytes { bytes in
        write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw OutputError.system(partialPath)
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, closes and fsyncs the partial file, without renaming it yet: the runner closes
  /// every file first and renames them together, so a failure while closing one leaves no
  /// finished file at all.
  func finish() throws(OutputError) {
    guard descriptor >= 0 else { return }
    try flush()
    let synced = fsync(descriptor)
    let closed = close(descriptor)
    descriptor = -1
    guard synced == 0, closed == 0 else { throw OutputError.system(partialPath) }
  }

  /// Closes the file and gives it its real name, replacing any earlier file of that name.
  func commit() throws(OutputError) {
    try finish()
    guard rename(partialPath, path) == 0 else { throw OutputError.system(path) }
  }

  /// Closes and deletes the partial file; never fails (it is what error paths call).
  func discard() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    unlink(partialPath)
  }
}
