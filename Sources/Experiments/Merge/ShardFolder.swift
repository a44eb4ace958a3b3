import Foundation

/// One folder written by `cohortsim run --shard K/N`, as `ShardMerge` finds it: its `run.json`
/// read back and checked to describe a shard.
struct ShardFolder {
  /// The path as given on the command line.
  let path: String
  let provenance: RunProvenance
  let shard: RunProvenance.ShardRecord

  /// The folder as messages name it, with a trailing slash: `shards/3/`.
  var name: String { path.hasSuffix("/") ? path : path + "/" }

  /// The block of global replication indices the folder holds.
  var block: Range<Int> { shard.firstReplication..<shard.endReplication }

  /// Reads `path/run.json`.
  /// - Throws: `MergeError` when it is missing, is not JSON cohortsim wrote, or describes a whole
  ///   run rather than a shard, or a block that is not the shard rule's.
  init(path: String) throws(MergeError) {
    self.path = path
    let name = path.hasSuffix("/") ? path : path + "/"
    let file = name + OutputFile.provenance.rawValue
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw MergeError(
        "\(name) is not a folder; give the folders 'cohortsim run --shard K/N --out DIR' wrote")
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw MergeError(
        "\(name) has no run.json: not a finished shard (its task may have failed; rerun it with --shard K/N)")
    }
    if let problem = FolderManifest.problem(in: path, requireFiles: true) { throw MergeError(problem) }
    do {
      provenance = try JSONDecoder().decode(RunProvenance.self, from: data)
    } catch {
      throw MergeError("\(file) is not a run.json cohortsim wrote: \(Self.reason(error))")
    }
    guard let shard = provenance.shard else {
      throw MergeError("\(name) holds a whole run, not a shard: its run.json has no \"shard\"")
    }
    guard shard.count >= 1, (0..<shard.count).contains(shard.index), provenance.replications >= 0 else {
      throw MergeError("\(file): shard \(shard.index) of \(shard.count) is not a valid shard")
    }
    let expected = Shard(index: shard.index, count: shard.count).replications(of: provenance.replications)
    guard shard.firstReplication == expected.lowerBound, shard.endReplication == expected.upperBound else {
      throw MergeError(
        "\(file): shard \(shard.index) of \(shard.count) records replications "
          + "\(shard.firstReplication)..<\(shard.endReplication), but the shard rule gives "
          + "\(expected.lowerBound)..<\(expected.upperBound) of \(provenance.replications)")
    }
    self.shard = shard
  }

  /// The path of `file` in this folder.
  func path(of file: OutputFile) -> String { name + file.rawValue }

  /// Whether the folder holds `file`.
  func contains(_ file: OutputFile) -> Bool { FileManager.default.fileExists(atPath: path(of: file)) }

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
