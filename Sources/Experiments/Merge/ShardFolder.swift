import Foundation

/// One folder written by `--shard K/N` (of `run`, `compare` or `sweep`), as `cohortsim merge`
/// finds it: its files checked against its `run.json`, the record read back, and its block
/// checked to be the one the shard rule gives.
struct ShardFolder {
  /// The path as given on the command line.
  let path: String
  let record: RunRecord
  let shard: ShardRecord

  /// The folder as messages name it, with a trailing slash: `shards/3/`.
  var name: String { path.hasSuffix("/") ? path : path + "/" }

  /// The block of global replication indices (of a run) or design points (of a sweep) it holds.
  var block: Range<Int> { shard.block }

  /// Reads `path/run.json`.
  /// - Throws: `MergeError` when it is missing, is not JSON cohortsim wrote, describes a whole
  ///   run or a calibration rather than a shard, or a block that is not the shard rule's.
  init(path: String) throws(MergeError) {
    self.path = path
    let name = path.hasSuffix("/") ? path : path + "/"
    let file = name + OutputFile.provenance.rawValue
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw MergeError(.notAFolder(name))
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw MergeError(.unfinishedShard(name))
    }
    if let problem = FolderManifest.problem(in: path, requireFiles: true) { throw MergeError(problem) }
    do {
      record = try RunRecord.decode(data)
    } catch {
      throw MergeError("\(file) is not a run.json cohortsim wrote: \(Self.reason(error))")
    }
    let (noun, total): (String, Int)
    switch record.kind {
    case .run: (noun, total) = ("run", record.header.replications)
    case .sweep(let details, _): (noun, total) = ("sweep", details.points)
    case .calibrate: throw MergeError("\(name) holds a calibration, which is never sharded")
    }
    guard let shard = record.extent.shard else {
      throw MergeError("\(name) holds a whole \(noun), not a shard: its run.json has no \"shard\"")
    }
    guard shard.count >= 1, (0..<shard.count).contains(shard.index), total >= 0 else {
      throw MergeError("\(file): shard \(shard.index) of \(shard.count) is not a valid shard")
    }
    let expected = Shard(index: shard.index, count: shard.count).replications(of: total)
    guard shard.block == expected else {
      let unit = shard.unit == .points ? "points" : "replications"
      throw MergeError(
        "\(file): shard \(shard.index) of \(shard.count) records \(unit) "
          + "\(shard.block.lowerBound)..<\(shard.block.upperBound), but the shard rule gives "
          + "\(expected.lowerBound)..<\(expected.upperBound) of \(total)")
    }
    self.shard = shard
  }

  /// The path of `file` in this folder.
  func path(of file: OutputFile) -> String { name + file.rawValue }

  /// Whether the folder holds `file`.
  func contains(_ file: OutputFile) -> Bool { FileManager.default.fileExists(atPath: path(of: file)) }

  /// The first line of `file`, without its line end.
  func header(of file: OutputFile) throws(MergeError) -> String {
    let text = try contents(of: file)
    guard let end = text.range(of: "\r\n") else { throw MergeError("\(path(of: file)) has no header line") }
    return String(text[..<end.lowerBound])
  }

  /// `file`'s rows after its header line, checked to start with `header` (with its CRLF) and to
  /// end with a complete row; shards' bodies concatenated in shard order are the whole run's.
  func body(of file: OutputFile, header: String) throws(MergeError) -> String {
    let text = try contents(of: file)
    guard text.hasPrefix(header) else {
      throw MergeError("\(path(of: file)) line 1: the header is not \(header)")
    }
    let body = String(text.dropFirst(header.count))
    guard body.isEmpty || body.hasSuffix("\r\n") else {
      throw MergeError("\(path(of: file)) does not end with a complete row (CRLF): the file is truncated")
    }
    return body
  }

  private func contents(of file: OutputFile) throws(MergeError) -> String {
    guard let data = FileManager.default.contents(atPath: path(of: file)) else {
      throw MergeError("\(path(of: file)) is missing or unreadable")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// A decoding error in one line: what was wrong and at which key.
  private static func reason(_ error: any Error) -> String {
    guard let decoding = error as? DecodingError else { return "\(error)" }
    func at(_ context: DecodingError.Context) -> String {
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? "" : " at \"\(path)\""
    }
    switch decoding {
    case .keyNotFound(let key, let context): return "\"\(key.stringValue)\" is missing\(at(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return context.debugDescription + at(context)
    @unknown default: return "\(error)"
    }
  }
}
