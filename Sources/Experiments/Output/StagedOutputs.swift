import Foundation
import Glibc

/// The set of files one run writes into its output directory, published all together or not at
/// all.
///
/// While the run goes on, every file exists only as `.NAME.partial`. Results an earlier run left
/// in the directory stay untouched and consistent with their own `run.json`: an interrupted or
/// failed run deletes its partial files and changes nothing else. When the run completes,
/// `commit` closes every file, deletes any earlier result this run does not produce (say a
/// `students.csv` from a run with `--students`, which would otherwise sit beside summaries it
/// does not belong to), then renames the new files into place, `run.json` last. So a finished
/// file in the directory always belongs to the run its `run.json` describes.
final class StagedOutputs {
  let directory: String
  /// In the order they were asked for; `run.json`, if any, is renamed last.
  private var staged: [(file: OutputFile, handle: StagedFile)] = []

  /// Creates `directory` (and its parents) if needed and a partial file for each of `files`.
  /// On failure nothing is left behind but directories it made.
  init(directory: String, files: [OutputFile]) throws(OutputError) {
    self.directory = directory
    try Self.makeDirectories(directory)
    do {
      for file in files { staged.append((file, try StagedFile(directory: directory, name: file.rawValue))) }
    } catch {
      discard()
      var setupError = error
      setupError.isSetup = true
      throw setupError
    }
  }

  /// The partial file being written for `file`.
  /// - Precondition: `file` was among those staged.
  subscript(file: OutputFile) -> StagedFile {
    staged.first { $0.file == file }!.handle
  }

  /// Whether `file` is part of this run.
  func contains(_ file: OutputFile) -> Bool { staged.contains { $0.file == file } }

  /// Publishes the run: closes every file, removes stale results of other runs, renames.
  func commit() throws(OutputError) {
    for entry in staged { try entry.handle.finish() }
    for file in OutputFile.allCases where !contains(file) {
      let path = (directory as NSString).appendingPathComponent(file.rawValue)
      if unlink(path) != 0 && errno != ENOENT { throw OutputError.system(path) }
    }
    let ordered = staged.filter { $0.file != .provenance } + staged.filter { $0.file == .provenance }
    for entry in ordered { try entry.handle.commit() }
  }

  /// Deletes every partial file; what earlier runs left stays as it was.
  func discard() {
    for entry in staged { entry.handle.discard() }
  }

  /// `mkdir -p`: creates `path` and any missing parents, with the system's reason on failure
  /// (Foundation's `createDirectory` words it less plainly on Linux).
  private static func makeDirectories(_ path: String) throws(OutputError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw OutputError.system(prefix, isSetup: true) }
      prefix += "/"
    }
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
      throw OutputError(path: path, reason: "not a directory", isSetup: true)
    }
  }
}
