import Foundation
import Glibc

/// An exclusive `flock` on `.NAME.cohortsim-lock` beside a results folder `NAME`, held for the
/// whole of a run, merge or bless that writes the folder, so a second one fails at once instead
/// of mixing its files with the first one's.
///
/// The lock file holds the owner's pid and command line, which the refusal quotes. The kernel
/// drops the lock when the process dies however it dies (even `kill -9`), so a stale lock file
/// never blocks anyone. The owner deletes the file while still holding the lock; a process that
/// opened it just before then finds, after locking, that the name now points elsewhere (or
/// nowhere) and starts over, so two processes can never both hold "the" lock.
final class FolderLock {
  let path: String
  private var descriptor: Int32

  /// Takes the lock for the folder at `target`, or throws naming who holds it.
  /// - Parameter owner: the command line recorded for a later process to quote.
  init(target: String, owner: [String]) throws(OutputError) {
    path = FolderLock.path(for: target)
    while true {
      let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { throw OutputError.system(path, isSetup: true) }
      if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        let holder = FolderLock.holder(descriptor)
        close(descriptor)
        throw OutputError(
          path: target,
          reason: "another cohortsim is writing this folder (\(holder)); wait for it to finish or stop it",
          isSetup: true)
      }
      var opened = stat()
      var named = stat()
      guard fstat(descriptor, &opened) == 0, lstat(path, &named) == 0, opened.st_ino == named.st_ino,
        opened.st_dev == named.st_dev
      else {
        close(descriptor)
        continue
      }
      self.descriptor = descriptor
      break
    }
    let record = "\(getpid())\n" + owner.joined(separator: " ") + "\n"
    ftruncate(descriptor, 0)
    _ = record.utf8CString.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress!, $0.count - 1, 0) }
  }

  deinit { release() }

  /// Deletes the lock file and drops the lock; safe to call twice.
  func release() {
    guard descriptor >= 0 else { return }
    unlink(path)
    close(descriptor)
    descriptor = -1
  }

  /// `.NAME.cohortsim-lock` in the folder's parent.
  static func path(for target: String) -> String {
    let (parent, name) = ResultsFolder.split(target)
    return (parent as NSString).appendingPathComponent("." + name + ".cohortsim-lock")
  }

  /// "pid 123: cohortsim run …" as the holder wrote it, or what is known.
  private static func holder(_ descriptor: Int32) -> String {
    var bytes = [UInt8](repeating: 0, count: 4096)
    let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
    let lines = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self).split(separator: "\n")
    guard let pid = lines.first else { return "pid unknown" }
    return "pid \(pid)" + (lines.count > 1 ? ": \(lines[1])" : "")
  }
}
