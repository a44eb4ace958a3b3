import Foundation

/// `cohortsim merge` for the shard folders of `cohortsim sweep --shard K/N`: the files one machine
/// sweeping every point would have written, byte for byte.
///
/// Byte-identical because nothing is recomputed differently: the design is rebuilt from the
/// design recorded in `run.json` (its generation is a pure function of it), the shards' rows of
/// `points.csv` and `replications.csv` are concatenated in shard order (which is point order),
/// and `sensitivity.csv` is computed by the runner's own code from the means read back from
/// `points.csv`, which round-trip exactly. Before writing anything it checks the folders are one
/// complete sweep: same scenario bytes, design, seed, replications, strategies, version and N,
/// none missing or given twice, each file with its header and the row count its block needs.
public struct SweepMerge {
  public let shardDirectories: [String]
  public let outputDirectory: String
  public let provenance: ProvenanceInfo
  /// Replace an output folder holding a run with other settings (`--overwrite`).
  public var overwrite = false

  public init(
    shardDirectories: [String], outputDirectory: String, provenance: ProvenanceInfo, overwrite: Bool = false
  ) {
    self.shardDirectories = shardDirectories
    self.outputDirectory = outputDirectory
    self.provenance = provenance
    self.overwrite = overwrite
  }

  /// Whether `directory` holds a sweep's shard (its `run.json` records a design), so `merge`
  /// knows which kind of merge to do.
  public static func holdsSweep(_ directory: String) -> Bool {
    let file = (directory as NSString).appendingPathComponent(OutputFile.provenance.rawValue)
    guard let data = FileManager.default.contents(atPath: file),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return false }
    return object["design"] != nil
  }

  private struct Folder {
    var path: String
    var provenance: SweepProvenance
    var shard: SweepProvenance.ShardRecord
    var name: String { path.hasSuffix("/") ? path : path + "/" }
    func file(_ file: OutputFile) -> String { name + file.rawValue }
  }

  /// Checks the shards and writes the merged files; returns the number of points.
  /// - Throws: `MergeError` when the shards are not one complete sweep or a file is malformed;
  ///   `OutputError` when the merged files cannot be written.
  public func run() throws -> Int {
    let startedAt = Date()
    let folders = try completeSweep(try shardDirectories.map(read))
    let first = folders[0].provenance
    try MergeOutput.refuseShardAsOutput(outputDirectory, shards: folders.map { ($0.path, $0.name) })
    func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
    let design = first.design
    let points = DesignPoints(design)
    guard points.count == first.points else {
      throw MergeError(
        "\(folders[0].file(.provenance)): the design gives \(points.count) points, not \(first.points)")
    }
    let strategies = first.strategies
    let replicationsHeader = try header(of: folders[0].file(.replications))
    let prefix = "point,strategy,replication,seed,"
    guard replicationsHeader.hasPrefix(prefix) else {
      throw MergeError("\(folders[0].file(.replications)) line 1: the header does not start with \(prefix)")
    }
    let metrics = replicationsHeader.dropFirst(prefix.count).split(separator: ",").map(String.init)
    let withSensitivity = design.method == .sobol || design.method == .morris
    let files: [OutputFile] =
      [.design, .points, .replications] + (withSensitivity ? [.sensitivity] : []) + [.provenance]
    var designText = SweepColumns.line(SweepColumns.design(factors: design.factors))
    for point in 0..<points.count {
      designText += CSVFormat.row(SweepColumns.designRow(point: point, values: points.values(at: point)))
    }
    for folder in folders
    where FileManager.default.contents(atPath: folder.file(.design)) != Data(designText.utf8) {
      throw MergeError("\(folder.file(.design)) is not the design its run.json records")
    }
    var merged = first
    merged.commandLine = provenance.commandLine
    merged.startedAt = RunProvenance.timestamp(startedAt)
    merged.platform = RunProvenance.platform
    merged.shard = nil
    merged.files = nil
    merged.mergedFrom = folders.map { standardized($0.path) }
    let outputs = try StagedOutputs(
      directory: outputDirectory, files: files, settings: merged, overwrite: overwrite)
    do {
      try outputs[.design].append(designText)
      try outputs[.points].append(SweepColumns.line(SweepColumns.points))
      try outputs[.replications].append(replicationsHeader + "\r\n")
      var means = [[[Double]]](
        repeating: [[Double]](repeating: [], count: metrics.count), count: strategies.count)
      for folder in folders {
        let block = folder.shard.firstPoint..<folder.shard.endPoint
        let pointRows = try body(
          folder.file(.points), header: SweepColumns.line(SweepColumns.points),
          rows: block.count * strategies.count * metrics.count)
        var line = 0
        for point in block {
          for strategy in strategies.indices {
            for metric in metrics.indices {
              let fields = pointRows.lines[line].split(separator: ",", omittingEmptySubsequences: false)
              guard fields.count == SweepColumns.points.count, fields[0] == Substring(String(point)),
                let mean = csvNumber(fields[4])
              else {
                throw MergeError(
                  "\(folder.file(.points)) line \(line + 2): expected point \(point)'s row for "
                    + "\(strategies[strategy]), \(metrics[metric])")
              }
              means[strategy][metric].append(mean)
              line += 1
            }
          }
        }
        try outputs[.points].append(pointRows.text)
        let replicationRows = try body(
          folder.file(.replications), header: replicationsHeader + "\r\n",
          rows: block.count * first.replications * strategies.count)
        try outputs[.replications].append(replicationRows.text)
      }
      if withSensitivity {
        try outputs[.sensitivity].append(SweepColumns.line(SweepColumns.sensitivity))
        for row in SweepSensitivity.rows(
          design: design, points: points, means: means, strategies: strategies, metrics: metrics)
        {
          try outputs[.sensitivity].appendRow(row)
        }
      }
      merged.finishedAt = RunProvenance.timestamp(Date())
      try outputs.commit(provenance: merged)
      return points.count
    } catch {
      outputs.discard()
      throw error
    }
  }

  private func read(_ path: String) throws(MergeError) -> Folder {
    let name = path.hasSuffix("/") ? path : path + "/"
    if let problem = FolderManifest.problem(in: path, requireFiles: true) { throw MergeError(problem) }
    guard let data = FileManager.default.contents(atPath: name + OutputFile.provenance.rawValue) else {
      throw MergeError("\(name) has no run.json: not a finished sweep shard (rerun it with --shard K/N)")
    }
    let provenance: SweepProvenance
    do {
      provenance = try JSONDecoder().decode(SweepProvenance.self, from: data)
    } catch {
      throw MergeError("\(name)run.json is not a sweep's run.json cohortsim wrote (\(error))")
    }
    guard let shard = provenance.shard else {
      throw MergeError("\(name) holds a whole sweep, not a shard: its run.json has no \"shard\"")
    }
    let expected = Shard(index: max(0, min(shard.index, shard.count - 1)), count: max(1, shard.count))
      .replications(of: provenance.points)
    guard (0..<shard.count).contains(shard.index), shard.firstPoint == expected.lowerBound,
      shard.endPoint == expected.upperBound
    else {
      throw MergeError(
        "\(name)run.json: shard \(shard.index) of \(shard.count) records points \(shard.firstPoint)..<"
          + "\(shard.endPoint), not the shard rule's block of \(provenance.points)")
    }
    return Folder(path: path, provenance: provenance, shard: shard)
  }

  /// The folders in shard order, after checking they are one sweep and all of it.
  private func completeSweep(_ folders: [Folder]) throws(MergeError) -> [Folder] {
    guard let first = folders.first else { throw MergeError("no shard folders given") }
    let reference = first.provenance
    for folder in folders.dropFirst() {
      let other = folder.provenance
      let differences: [(String, Bool)] = [
        ("a different scenario", other.scenarioSha256 != reference.scenarioSha256),
        ("a different design", other.designSha256 != reference.designSha256),
        ("a sweep with a different seed", other.masterSeed != reference.masterSeed),
        ("a different cohortsim version", other.cohortsimVersion != reference.cohortsimVersion),
        ("a sweep of different strategies", other.strategies != reference.strategies),
        ("a sweep with different replications", other.replications != reference.replications),
        ("a sweep split differently", folder.shard.count != first.shard.count),
      ]
      if let (what, _) = differences.first(where: \.1) {
        throw MergeError("shard \(folder.name) is from \(what) than \(first.name)")
      }
    }
    var byIndex: [Int: Folder] = [:]
    for folder in folders {
      if let earlier = byIndex[folder.shard.index] {
        throw MergeError(
          "shard \(folder.shard.index) of \(first.shard.count) given twice: \(earlier.name) and \(folder.name)"
        )
      }
      byIndex[folder.shard.index] = folder
    }
    let missing = (0..<first.shard.count).filter { byIndex[$0] == nil }
    guard missing.isEmpty else {
      throw MergeError(
        "shard(s) \(missing.map(String.init).joined(separator: ", ")) of \(first.shard.count) missing")
    }
    return (0..<first.shard.count).map { byIndex[$0]! }
  }

  private func header(of path: String) throws(MergeError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MergeError("\(path) is missing or unreadable")
    }
    let text = String(decoding: data, as: UTF8.self)
    guard let end = text.range(of: "\r\n") else { throw MergeError("\(path) has no header line") }
    return String(text[..<end.lowerBound])
  }

  /// A shard file's rows after its header, checked to have `header`, `rows` rows and to end
  /// with a complete row.
  private func body(_ path: String, header: String, rows: Int) throws(MergeError) -> (
    text: String, lines: [Substring]
  ) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MergeError("\(path) is missing or unreadable")
    }
    let text = String(decoding: data, as: UTF8.self)
    guard text.hasPrefix(header) else { throw MergeError("\(path) line 1: the header is not \(header)") }
    let rest = String(text.dropFirst(header.count))
    guard rest.isEmpty || rest.hasSuffix("\r\n") else {
      throw MergeError("\(path) does not end with a complete row (CRLF): the file is truncated")
    }
    var lines = rest.split(separator: "\r\n", omittingEmptySubsequences: false)
    lines.removeLast()
    guard lines.count == rows else {
      throw MergeError("\(path) has \(lines.count) rows; its block of points needs \(rows)")
    }
    return (rest, lines)
  }
}
