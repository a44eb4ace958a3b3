import CohortModel
import Foundation
import Glibc

/// A results folder published as one unit: a run writes into a private staging folder beside
/// the target and, once every file is complete, swaps it in with one directory rename, so a
/// reader — or a folder left by `kill -9` at any moment — holds all-old or all-new files, never
/// a mix.
///
/// Names in the target's parent, all hidden and all ours (`NAME` is the target's last
/// component):
/// - `.NAME.cohortsim-lock` — the `FolderLock`, held from before the target is inspected until
///   after it is published or the staging folder removed;
/// - `.NAME.cohortsim-staging-PID-RANDOM` — the new files; created with `mkdir`, which fails
///   rather than reuse a name, and filled with `O_EXCL | O_NOFOLLOW`, so nothing planted there
///   is followed;
/// - `.NAME.cohortsim-old-PID-RANDOM` — where the old folder goes when the file system cannot
///   exchange two names atomically.
/// Leftovers of a killed run are removed by the next run on the same target, under the lock.
///
/// What is already at the target decides whether it may be replaced at all: never a symbolic
/// link, a file, or a folder holding anything cohortsim did not write; a folder holding another
/// run only with `overwrite`; a folder holding the same run (same `RunSettings`) always.
final class ResultsFolder {
  let target: String
  /// The private folder the files are written into.
  let staging: String
  private let parent: String
  private let name: String
  private let lock: FolderLock
  /// Folders above the target this run created, deepest first: removed again (when still
  /// empty) if the run publishes nothing, so a refused or failed run leaves no trace.
  private let createdParents: [String]

  /// Locks the target, cleans leftovers, checks that it may be replaced, and makes the staging
  /// folder. Every failure is a setup error (exit 2) and changes nothing at the target.
  init(target: String, settings: RunSettings, overwrite: Bool, owner: [String]) throws(OutputError) {
    guard !target.isEmpty else {
      throw OutputError(path: "\"\"", reason: "the output folder is empty; give a folder name", isSetup: true)
    }
    self.target = target
    (parent, name) = Self.split(target)
    guard name != ".", name != "..", name != "/" else {
      throw OutputError(
        path: target, reason: "not a folder cohortsim can replace; name a folder of its own", isSetup: true)
    }
    // The hidden names beside the folder add up to 45 bytes to its name; most file systems
    // allow 255.
    guard name.utf8.count <= Self.longestName else {
      throw OutputError(
        path: target,
        reason:
          "its last component is \(name.utf8.count) bytes long; at most \(Self.longestName) are allowed; "
          + "nothing was changed", isSetup: true)
    }
    if let folder = Self.enclosingResultsFolder(of: parent) {
      throw OutputError(
        path: target,
        reason:
          "it is inside results folder \(folder), whose files only the command that wrote it may change; "
          + "choose a folder outside it; nothing was changed", isSetup: true)
    }
    let created = try Self.makeDirectories(parent)
    createdParents = created
    do {
      lock = try FolderLock(target: target, owner: owner)
    } catch {
      Self.removeEmpty(created)
      throw error
    }
    do {
      try Self.restoreInterruptedSwap(parent: parent, name: name, target: target)
      Self.removeLeftovers(parent: parent, name: name)
      try Self.checkReplaceable(target, settings: settings, overwrite: overwrite)
      staging = try Self.makeStaging(parent: parent, name: name)
    } catch {
      lock.release()
      Self.removeEmpty(created)
      throw error
    }
  }

  /// Puts the staging folder in the target's place: an atomic exchange when the file system
  /// has one, else the old folder renamed aside, the new one renamed in, the old one removed.
  func publish() throws(OutputError) {
    Self.syncDirectory(staging)
    var existing = stat()
    if lstat(target, &existing) != 0 {
      guard rename(staging, target) == 0 else { throw OutputError.system(target) }
    } else if Self.exchange(staging, target) == 0 {
      Self.removeTree(staging)
    } else {
      let aside = Self.uniqueName(parent: parent, name: name, kind: "old")
      guard rename(target, aside) == 0 else { throw OutputError.system(target) }
      guard rename(staging, target) == 0 else {
        let failure = OutputError.system(target)
        rename(aside, target)
        throw failure
      }
      Self.removeTree(aside)
    }
    Self.syncDirectory(parent)
    lock.release()
  }

  /// The longest last component of a target, in bytes.
  static let longestName = ScenarioLimits.nameBytes

  /// Removes the staging folder, and the folders above it this run created, and drops the
  /// lock; the target stays as it was.
  func discard() {
    Self.removeTree(staging)
    lock.release()
    Self.removeEmpty(createdParents)
  }

  /// Whether `directory` holds a `run.json` cohortsim wrote: a JSON object with
  /// `"cohortsim_version"`.
  static func isResultsFolder(_ directory: String) -> Bool {
    let path = (directory as NSString).appendingPathComponent(OutputFile.provenance.rawValue)
    var status = stat()
    // run.json is a few kilobytes; a huge file of that name is not one cohortsim wrote.
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size < 1 << 26,
      let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return false }
    return object["cohortsim_version"] is String
  }

  /// The nearest folder at or above `directory` (its symbolic links resolved; the part that
  /// exists) that is a results folder, or nil. Nothing may be written inside one but by the
  /// command that publishes it whole.
  static func enclosingResultsFolder(of directory: String) -> String? {
    var existing = directory.isEmpty ? "." : directory
    var status = stat()
    while stat(existing, &status) != 0 {
      let (parent, _) = split(existing)
      guard parent != existing else { return nil }
      existing = parent
    }
    guard let resolved = realpath(existing, nil) else { return nil }
    var path = String(cString: resolved)
    free(resolved)
    while true {
      if isResultsFolder(path) { return path }
      guard path != "/" else { return nil }
      path = split(path).parent
    }
  }

  /// The parent folder and last component of `path`: `Results/baseline` → (`Results`,
  /// `baseline`); `out` → (`.`, `out`); a trailing slash is ignored.
  static func split(_ path: String) -> (parent: String, name: String) {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return (".", trimmed) }
    let parent = String(trimmed[..<slash])
    return (parent.isEmpty ? "/" : parent, String(trimmed[trimmed.index(after: slash)...]))
  }

  /// Files cohortsim derives from a published folder (`cohortsim report`'s page): not listed in
  /// its run.json, yet not foreign; replacing the folder drops them with the results they describe.
  static let derivedFiles: Set<String> = ["report.html"]

  /// Refuses a target that is not empty or a cohortsim results folder, or that holds another run
  /// without `overwrite`.
  private static func checkReplaceable(_ target: String, settings: RunSettings, overwrite: Bool)
    throws(OutputError)
  {
    var status = stat()
    guard lstat(target, &status) == 0 else { return }
    func refuse(_ reason: String, remedy: OutputError.Remedy? = nil) -> OutputError {
      OutputError(
        path: target, reason: reason, isSetup: true, remedy: remedy, consequence: "nothing was changed")
    }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: break
    case S_IFLNK:
      throw refuse("it is a symbolic link, which cohortsim never writes through; give a real folder")
    default: throw refuse("not a directory")
    }
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).sorted()
    guard !entries.isEmpty else { return }
    let provenancePath = (target as NSString).appendingPathComponent(OutputFile.provenance.rawValue)
    guard entries.contains(OutputFile.provenance.rawValue),
      let data = FileManager.default.contents(atPath: provenancePath)
    else {
      throw refuse(
        "the folder holds files and no run.json, so cohortsim did not write it; choose a new or empty folder")
    }
    // Every kind of run.json reads back as a `RunRecord`, so any folder cohortsim wrote can be
    // replaced by a rerun of the same settings.
    guard let existing = try? RunRecord.decode(data) else {
      throw refuse("its run.json is not one cohortsim wrote; choose a new or empty folder")
    }
    let listed = existing.header.files
    let known =
      (listed.map { Set($0.keys) } ?? Set(OutputFile.allCases.map(\.rawValue))).union(derivedFiles)
    // What a killed `cohortsim report` may leave beside its page: its partial file.
    let leftovers = derivedFiles.map { "." + $0 + ".cohortsim-partial-" }
    if let foreign = entries.first(where: { entry in
      entry != OutputFile.provenance.rawValue && !known.contains(entry)
        && !leftovers.contains { entry.hasPrefix($0) }
    }) {
      throw refuse("it holds \(foreign), which its run.json does not list; move it out of the folder first")
    }
    let existingSettings = RunSettings(
      existing, files: listed.map { Array($0.keys) } ?? entries.filter { !derivedFiles.contains($0) })
    if !overwrite, let difference = settings.difference(from: existingSettings) {
      throw refuse("it holds another run: this one has \(difference)", remedy: .overwrite)
    }
  }

  /// A kill between the two renames of the fallback leaves the old folder aside and no target:
  /// put it back, so the folder is as it was before the interrupted run. Only a real folder
  /// holding a cohortsim run.json is put back: anything else of that name (a planted symbolic
  /// link, a file) was never a results folder and is removed with the other leftovers.
  private static func restoreInterruptedSwap(parent: String, name: String, target: String) throws(OutputError)
  {
    var status = stat()
    guard lstat(target, &status) != 0 else { return }
    let aside = leftovers(parent: parent, name: name).first { entry in
      let path = (parent as NSString).appendingPathComponent(entry)
      var entryStatus = stat()
      return entry.contains(".cohortsim-old-") && lstat(path, &entryStatus) == 0
        && entryStatus.st_mode & S_IFMT == S_IFDIR && isResultsFolder(path)
    }
    if let aside {
      guard rename((parent as NSString).appendingPathComponent(aside), target) == 0 else {
        throw OutputError.system(target, isSetup: true)
      }
    }
  }

  private static func removeLeftovers(parent: String, name: String) {
    for leftover in leftovers(parent: parent, name: name) {
      removeTree((parent as NSString).appendingPathComponent(leftover))
    }
  }

  /// Staging and set-aside folders earlier runs on this target left.
  private static func leftovers(parent: String, name: String) -> [String] {
    let prefixes = ["." + name + ".cohortsim-staging-", "." + name + ".cohortsim-old-"]
    return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { entry in
      prefixes.contains { entry.hasPrefix($0) }
    }.sorted()
  }

  private static func makeStaging(parent: String, name: String) throws(OutputError) -> String {
    for _ in 0..<16 {
      let path = uniqueName(parent: parent, name: name, kind: "staging")
      if mkdir(path, 0o755) == 0 { return path }
      if errno != EEXIST { throw OutputError.system(path, isSetup: true) }
    }
    throw OutputError(path: parent, reason: "could not make a staging folder", isSetup: true)
  }

  private static func uniqueName(parent: String, name: String, kind: String) -> String {
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    return (parent as NSString).appendingPathComponent(".\(name).cohortsim-\(kind)-\(getpid())-\(random)")
  }

  /// Deletes a folder we made and everything in it; links inside are removed, never followed.
  private static func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }

  private static func syncDirectory(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// `renameat2(RENAME_EXCHANGE)`: swaps two names in one step. Glibc has it since 2.28 but
  /// Swift's Glibc module does not import it, so it is looked up by name; -1 when it is missing
  /// or the file system refuses (then the caller falls back to two renames).
  private static func exchange(_ first: String, _ second: String) -> Int32 {
    typealias RenameAt2 =
      @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let symbol = renameAt2Symbol else { return -1 }
    let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let renameExchange: UInt32 = 2
    return renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange)
  }

  nonisolated(unsafe) private static let renameAt2Symbol: UnsafeMutableRawPointer? = dlsym(
    dlopen(nil, RTLD_NOW), "renameat2")

  /// `mkdir -p`, with the system's reason on failure; returns the folders it created, deepest
  /// first. On failure it removes them again.
  private static func makeDirectories(_ path: String) throws(OutputError) -> [String] {
    var prefix = path.hasPrefix("/") ? "/" : ""
    var created: [String] = []
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o755) == 0 {
        created.insert(prefix, at: 0)
      } else if errno != EEXIST {
        let error = OutputError.system(prefix, isSetup: true)
        removeEmpty(created)
        throw error
      }
      prefix += "/"
    }
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
      removeEmpty(created)
      throw OutputError(path: path, reason: "not a directory", isSetup: true)
    }
    return created
  }

  /// Removes each of `folders` (deepest first) that is still empty; never anything in them.
  private static func removeEmpty(_ folders: [String]) {
    for folder in folders where rmdir(folder) != 0 { break }
  }
}
