import Foundation
import Glibc

/// The set of files one run (or merge) writes, published together as one folder or not at all.
///
/// Every file is written into the private staging folder of a `ResultsFolder`; `commit` closes
/// them, writes `run.json` last with the size and SHA-256 of every other file under `"files"`,
/// and swaps the folder into place. Whatever a run stages through this type is covered: a new
/// kind of output file needs no change here to be part of the unit and of `"files"`. An
/// interrupted or failed run removes its staging folder; the target stays as it was.
final class StagedOutputs {
  let directory: String
  private let folder: ResultsFolder
  /// In the order they were asked for; `run.json` is written by `commit`.
  private var staged: [(file: OutputFile, handle: StagedFile)] = []

  /// Locks and checks the target (see `ResultsFolder`) and creates each of `files` in staging.
  /// - Parameters:
  ///   - record: the run's `run.json` as far as known before it starts, to compare with a run
  ///     already in the folder.
  ///   - overwrite: replace a folder holding a run with other settings.
  init(directory: String, files: [OutputFile], record: RunRecord, overwrite: Bool) throws(OutputError) {
    self.directory = directory
    folder = try ResultsFolder(
      target: directory, settings: RunSettings(record, files: files.map(\.rawValue)), overwrite: overwrite,
      owner: record.header.commandLine)
    do {
      for file in files where file != .provenance {
        staged.append((file, try StagedFile(directory: folder.staging, name: file.rawValue)))
      }
    } catch {
      discard()
      throw error
    }
  }

  /// The staged file being written for `file`.
  /// - Precondition: `file` was among those staged.
  subscript(file: OutputFile) -> StagedFile {
    staged.first { $0.file == file }!.handle
  }

  /// Whether `file` is part of this run.
  func contains(_ file: OutputFile) -> Bool { staged.contains { $0.file == file } }

  /// Publishes the run: closes every file, writes `record` as `run.json` with their digests and
  /// the time it finished, and swaps the folder in.
  func commit(record: RunRecord) throws(OutputError) {
    var record = record
    var files: [String: FileDigest] = [:]
    for entry in staged {
      try entry.handle.finish()
      files[entry.handle.name] = entry.handle.digest
    }
    record.header.files = files
    record.header.finishedAt = RunHeader.timestamp(Date())
    let provenance = try StagedFile(directory: folder.staging, name: OutputFile.provenance.rawValue)
    try provenance.append(record.json())
    try provenance.finish()
    try folder.publish()
  }

  /// Removes the staging folder; what the target held stays as it was.
  func discard() {
    for entry in staged { entry.handle.abandon() }
    folder.discard()
  }
}
