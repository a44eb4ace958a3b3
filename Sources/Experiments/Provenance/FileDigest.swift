import Foundation

/// One file of a results folder as `run.json` records it under `"files"`: its size and SHA-256,
/// so anything that reads the folder back can tell a file of this run from one of another run,
/// one cut short, or one edited by hand.
public struct FileDigest: Codable, Equatable, Sendable {
  public var bytes: Int
  /// 64 lower-case hex digits.
  public var sha256: String

  public init(bytes: Int, sha256: String) {
    self.bytes = bytes
    self.sha256 = sha256
  }

  /// The size of the regular file at `path` (a symbolic link is not followed), without reading
  /// it; nil when there is none. Compared before hashing, so a file of the wrong size is refused
  /// at once however large it is.
  static func size(path: String) -> Int? {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(status.st_size)
  }

  /// Whether `name`, as `run.json` lists it, names a file directly inside the folder: no `/`,
  /// not `.` or `..`, not empty, no NUL.
  static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !name.contains("\0")
  }

  /// The digest of the file at `path`, read in blocks; nil when it cannot be read.
  /// - Complexity: O(size of the file); memory O(1).
  static func of(path: String) -> FileDigest? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var hash = SHA256()
    var total = 0
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { break }
      hash.update(block[0..<count])
      total += count
    }
    return FileDigest(bytes: total, sha256: SHA256.hex(hash.finalize()))
  }
}
