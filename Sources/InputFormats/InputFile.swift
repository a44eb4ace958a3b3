import Foundation
import Glibc

/// Reads a file a user names as input (a scenario, design, targets or spreadsheet), refusing
/// what is not one before reading a byte of it: a missing path, a folder, a device or pipe
/// (`/dev/zero` would be read for ever, a FIFO without a writer waits for ever, `/dev/null`
/// reads as empty) and a file far larger than any input cohortsim takes.
public enum InputFile {
  /// No input cohortsim reads comes near this: the national scenario is 8 KB, a spreadsheet of
  /// every US site would be a few MB.
  public static let maximumBytes = 64 << 20

  /// The file's bytes, or why it cannot be an input file, as a phrase to follow the path
  /// ("is a folder, not a file").
  public static func read(_ path: String) -> Result<Data, Problem> {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      return .failure(
        Problem(
          code == ENOENT || code == ENOTDIR
            ? "no such file" : "cannot read the file (\(String(cString: strerror(code))))"))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      return .failure(Problem("cannot read the file (\(String(cString: strerror(errno))))"))
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(Problem("is a folder, not a file"))
    default: return .failure(Problem("is not a regular file (a device, pipe or socket); give a file"))
    }
    guard Int(status.st_size) <= maximumBytes else {
      return .failure(
        Problem("is \(status.st_size) bytes long; input files of at most \(maximumBytes >> 20) MiB are read"))
    }
    var data = Data(count: Int(status.st_size))
    var filled = 0
    while filled < data.count {
      let count = data.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else {
        return .failure(Problem("cannot read the file (\(String(cString: strerror(errno))))"))
      }
      if count == 0 { break }
      filled += count
    }
    data.count = filled
    return .success(data)
  }

  /// Why a path is not a readable input file.
  public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
  }
}
