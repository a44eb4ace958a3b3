import Foundation
import Glibc

/// The rules for a single file cohortsim writes outside the results folders it publishes whole
/// (`cohortsim report`'s page, `calibrate --apply`'s scenario), checked before any work starts:
/// the path may name a new file, or replace a file of the same kind cohortsim wrote there before;
/// never a folder, a symbolic link, a file cohortsim did not write, or a file inside a results
/// folder other than the ones `ResultsFolder.derivedFiles` names. The file is then written to a
/// hidden name beside its final one and renamed into place, so it is whole or absent.
public struct SingleOutputFile: Sendable {
  /// The path as given.
  public let path: String
  /// The option that named it, for messages (`--out`, `--apply`).
  let option: String
  /// What the file is, for messages ("a report page").
  let kind: String
  /// Text found near the start of every file of this kind cohortsim writes.
  let signature: String
  /// The one results folder this file may be written into, under a name of
  /// `ResultsFolder.derivedFiles`: the folder a report page is about.
  var derivedFrom: String? = nil

  /// The start of the `<meta name="generator">` tag every report page carries (followed by the
  /// version): the page writes it and this recognises it, so a page cohortsim wrote may be
  /// replaced and nothing else.
  public static let reportPageSignature = "<meta name=\"generator\" content=\"cohortsim"

  /// A report page of `cohortsim report` about `folder`: its `<meta name="generator">` names
  /// cohortsim. It may go into `folder` itself as `report.html`, into no other results folder.
  public static func reportPage(_ path: String, about folder: String, option: String = "--out")
    -> SingleOutputFile
  {
    SingleOutputFile(
      path: path, option: option, kind: "a report page", signature: reportPageSignature, derivedFrom: folder)
  }

  /// A scenario written by `calibrate --apply`: its description says so.
  public static func calibratedScenario(_ path: String, option: String = "--apply") -> SingleOutputFile {
    SingleOutputFile(
      path: path, option: option, kind: "a calibrated scenario",
      signature: "Calibrated by 'cohortsim calibrate'")
  }

  /// Refuses a path this file may not be written to; see the type. Nothing is changed.
  /// - Parameters:
  ///   - inputs: files the command reads, which it never replaces.
  ///   - resultsFolder: the folder the same command publishes whole (which may not exist yet);
  ///     the file may not go inside it.
  public func check(inputs: [String] = [], resultsFolder: String? = nil) throws(OutputError) {
    func refuse(_ reason: String) -> OutputError {
      OutputError(
        path: path.isEmpty ? "\"\"" : path, reason: "\(option) \(reason); nothing was written", isSetup: true)
    }
    guard !path.isEmpty else { throw refuse("is empty; give a file name") }
    let (parent, name) = ResultsFolder.split(path)
    guard name != ".", name != "..", name != "/", !path.hasSuffix("/") else {
      throw refuse("names a folder; give a file name")
    }
    if let resultsFolder, Self.isWithin(parent, resultsFolder) {
      throw refuse(
        "is inside \(resultsFolder), the results folder this command publishes whole; choose a path outside it"
      )
    }
    var parentStatus = stat()
    guard stat(parent, &parentStatus) == 0 else {
      throw refuse("is in folder \(parent), which does not exist; create it first or choose another path")
    }
    guard parentStatus.st_mode & S_IFMT == S_IFDIR else {
      throw refuse("is in \(parent), which is not a folder")
    }
    if let folder = ResultsFolder.enclosingResultsFolder(of: parent),
      !(ResultsFolder.derivedFiles.contains(name) && derivedFrom.map({ Self.sameFolder($0, parent) }) == true)
    {
      let allowed =
        derivedFrom.map {
          " (only \(($0 as NSString).appendingPathComponent("report.html")) may go in the folder reported on)"
        } ?? ""
      throw refuse(
        "is inside results folder \(folder), whose files only the command that wrote it may change\(allowed);"
          + " choose a path outside it")
    }
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    for input in inputs where Self.sameFile(input, status) {
      throw refuse("is \(input), which this command reads; choose another file")
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw refuse("is a folder; give a file name inside it, or another path")
    case S_IFLNK: throw refuse("is a symbolic link, which cohortsim never writes through; give a real file")
    default: throw refuse("is not a regular file")
    }
    guard Self.starts(path, with: signature) else {
      throw refuse("holds a file that is not \(kind) cohortsim wrote; move it away or choose a new file")
    }
  }

  /// Writes `data` beside the target under a hidden name and renames it into place, after
  /// `check` again. Leftovers of a killed writer (`.NAME.cohortsim-partial-PID-…` of a dead PID)
  /// are removed first.
  public func write(_ data: Data, inputs: [String] = [], resultsFolder: String? = nil) throws(OutputError) {
    try check(inputs: inputs, resultsFolder: resultsFolder)
    let (parent, name) = ResultsFolder.split(path)
    Self.removeDeadPartials(parent: parent, name: name)
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    let partial = (parent as NSString).appendingPathComponent(
      ".\(name).cohortsim-partial-\(getpid())-\(random)")
    let descriptor = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError.system(path, isSetup: true) }
    var offset = 0
    let failure: OutputError? = data.withUnsafeBytes { bytes in
      while offset < bytes.count {
        let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return OutputError.system(path)
        }
        offset += count
      }
      return fsync(descriptor) == 0 ? nil : OutputError.system(path)
    }
    close(descriptor)
    if let failure {
      unlink(partial)
      throw failure
    }
    guard rename(partial, path) == 0 else {
      let error = OutputError.system(path)
      unlink(partial)
      throw error
    }
  }

  /// Whether the file at `path` holds `signature` within its first 64 KB.
  private static func starts(_ path: String, with signature: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 1 << 16)
    let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
    guard count > 0 else { return false }
    return String(decoding: bytes.prefix(count), as: UTF8.self).contains(signature)
  }

  /// Whether `path` is `folder` or lies under it, comparing absolute paths with every symbolic
  /// link of their existing parts resolved.
  static func isWithin(_ path: String, _ folder: String) -> Bool {
    let inner = resolved(path)
    let outer = resolved(folder)
    return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
  }

  /// `path` made absolute, its longest existing prefix passed through `realpath`.
  private static func resolved(_ path: String) -> String {
    var existing = URL(fileURLWithPath: path).standardizedFileURL.path
    var rest: [String] = []
    while true {
      if let real = realpath(existing, nil) {
        defer { free(real) }
        return ([String(cString: real)] + rest.reversed()).joined(separator: "/").replacingOccurrences(
          of: "//", with: "/")
      }
      let (parent, name) = ResultsFolder.split(existing)
      guard parent != existing else { return path }
      rest.append(name)
      existing = parent
    }
  }

  private static func sameFolder(_ first: String, _ second: String) -> Bool {
    var one = stat()
    var other = stat()
    return stat(first, &one) == 0 && stat(second, &other) == 0 && one.st_dev == other.st_dev
      && one.st_ino == other.st_ino
  }

  private static func sameFile(_ path: String, _ status: stat) -> Bool {
    var other = stat()
    return stat(path, &other) == 0 && other.st_dev == status.st_dev && other.st_ino == status.st_ino
  }

  /// Hidden partial files of this name whose writer is no longer running.
  private static func removeDeadPartials(parent: String, name: String) {
    let prefix = "." + name + ".cohortsim-partial-"
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    where entry.hasPrefix(prefix) {
      let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
      if let pid, pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
      unlink((parent as NSString).appendingPathComponent(entry))
    }
  }
}
