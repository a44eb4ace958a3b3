import Foundation

/// Checks a results folder against the `"files"` its `run.json` records, before anything reads
/// the folder's contents: every listed file must be there with that size and SHA-256, and no
/// other cohortsim result file may sit beside them. A folder that mixes two runs, or holds a
/// file cut short or edited by hand, is refused instead of being checked or merged.
enum FolderManifest {
  /// Only the part of `run.json` this needs.
  private struct Listing: Decodable {
    var files: [String: FileDigest]?
  }

  /// Why `directory` fails the check, as one sentence naming the file and the folder; nil when
  /// it passes. A `run.json` without `"files"` (written before cohortsim recorded them) passes
  /// unless `requireFiles`.
  /// - Parameter unlistedResults: whether a cohortsim result file the list leaves out is a
  ///   problem (`check` and `merge`, which read every such file); `report` reads only what it
  ///   draws, each checked against the list when listed.
  static func problem(in directory: String, requireFiles: Bool, unlistedResults: Bool = true) -> String? {
    let folder = directory.hasSuffix("/") ? directory : directory + "/"
    guard let data = FileManager.default.contents(atPath: folder + OutputFile.provenance.rawValue) else {
      return "\(folder)run.json is missing or unreadable"
    }
    guard let listing = try? JSONDecoder().decode(Listing.self, from: data) else {
      return "\(folder)run.json is not a run.json cohortsim wrote"
    }
    guard let files = listing.files else {
      return requireFiles
        ? "\(folder)run.json has no \"files\" (sizes and SHA-256 of the folder's files); rerun to rewrite it"
        : nil
    }
    let listed = files.sorted(by: { $0.key < $1.key })
    // Names and sizes first, for every file, so a file of the wrong size is refused without
    // hashing any (a 10 GB replications.csv would take minutes to read).
    for (name, recorded) in listed {
      guard FileDigest.isPlainName(name) else {
        return "\(folder)run.json lists \"\(name)\", which is not a file name"
      }
      guard let size = FileDigest.size(path: folder + name) else {
        return "\(folder)\(name) is listed in run.json but missing or unreadable"
      }
      if size != recorded.bytes {
        return "\(folder)\(name) does not match \(folder)run.json: it has \(size) bytes, run.json records "
          + "\(recorded.bytes) bytes; the folder mixes files of different runs, or the file was changed after the run"
      }
    }
    for (name, recorded) in listed {
      guard let found = FileDigest.of(path: folder + name) else {
        return "\(folder)\(name) is listed in run.json but missing or unreadable"
      }
      if found != recorded {
        return "\(folder)\(name) does not match \(folder)run.json: it has \(found.bytes) bytes with SHA-256 "
          + "\(found.sha256), run.json records \(recorded.bytes) bytes with \(recorded.sha256); the folder "
          + "mixes files of different runs, or the file was changed after the run"
      }
    }
    for file in OutputFile.allCases
    where unlistedResults && file != .provenance && files[file.rawValue] == nil {
      if FileManager.default.fileExists(atPath: folder + file.rawValue) {
        return "\(folder)\(file.rawValue) is not listed in \(folder)run.json: it is from another run"
      }
    }
    return nil
  }
}
