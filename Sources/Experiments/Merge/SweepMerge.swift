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
  /// The shard folders, the output folder, the merge's own version and command line and
  /// `--overwrite`: what every merge is given, so a sweep's merge is given them as a run's is.
  private let request: ShardMerge

  public init(
    shardDirectories: [String], outputDirectory: String, provenance: ProvenanceInfo, overwrite: Bool = false
  ) {
    request = ShardMerge(
      shardDirectories: shardDirectories, outputDirectory: outputDirectory, provenance: provenance,
      overwrite: overwrite)
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

  /// Checks the shards and writes the merged files; returns the number of points.
  /// - Throws: `MergeError` when the shards are not one complete sweep or a file is malformed;
  ///   `OutputError` when the merged files cannot be written.
  public func run() throws -> Int {
    let startedAt = Date()
    let shards = try ShardSet(paths: request.shardDirectories, output: request.outputDirectory)
    let first = shards.folders[0]
    guard case .sweep(let details, _) = shards.record.kind else {
      throw MergeError(
        "\(first.name) holds a run's shard, not a sweep's; merge it with its run's other shards")
    }
    let design = details.design
    let points = DesignPoints(design)
    guard points.count == details.points else {
      throw MergeError(
        "\(first.path(of: .provenance)): the design gives \(points.count) points, not \(details.points)")
    }
    let strategies = shards.record.header.strategies
    let replications = shards.record.header.replications
    let replicationsHeader = try first.header(of: .replications)
    let prefix = "point,strategy,replication,seed,"
    guard replicationsHeader.hasPrefix(prefix) else {
      throw MergeError("\(first.path(of: .replications)) line 1: the header does not start with \(prefix)")
    }
    let metrics = replicationsHeader.dropFirst(prefix.count).split(separator: ",").map(String.init)
    let withSensitivity = design.method == .sobol || design.method == .morris
    let files: [OutputFile] =
      [.design, .points, .replications] + (withSensitivity ? [.sensitivity] : []) + [.provenance]
    var designText = SweepColumns.line(SweepColumns.design(factors: design.factors))
    for point in 0..<points.count {
      designText += CSVFormat.row(SweepColumns.designRow(point: point, values: points.values(at: point)))
    }
    for folder in shards.folders
    where FileManager.default.contents(atPath: folder.path(of: .design)) != Data(designText.utf8) {
      throw MergeError("\(folder.path(of: .design)) is not the design its run.json records")
    }
    try shards.publish(
      files, to: request.outputDirectory, commandLine: request.provenance.commandLine, startedAt: startedAt,
      overwrite: request.overwrite
    ) { outputs in
      try outputs[.design].append(designText)
      try outputs[.points].append(SweepColumns.line(SweepColumns.points))
      try outputs[.replications].append(replicationsHeader + "\r\n")
      var means = [[[Double]]](
        repeating: [[Double]](repeating: [], count: metrics.count), count: strategies.count)
      for folder in shards.folders {
        let pointRows = try rows(
          of: folder, .points, header: SweepColumns.line(SweepColumns.points),
          count: folder.block.count * strategies.count * metrics.count)
        var line = 0
        for point in folder.block {
          for strategy in strategies.indices {
            for metric in metrics.indices {
              let fields = pointRows.lines[line].split(separator: ",", omittingEmptySubsequences: false)
              guard fields.count == SweepColumns.points.count, fields[0] == Substring(String(point)),
                let mean = csvNumber(fields[4])
              else {
                throw MergeError(
                  "\(folder.path(of: .points)) line \(line + 2): expected point \(point)'s row for "
                    + "\(strategies[strategy]), \(metrics[metric])")
              }
              means[strategy][metric].append(mean)
              line += 1
            }
          }
        }
        try outputs[.points].append(pointRows.text)
        let replicationRows = try rows(
          of: folder, .replications, header: replicationsHeader + "\r\n",
          count: folder.block.count * replications * strategies.count)
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
    }
    return points.count
  }

  /// A shard file's rows after its header, checked to have `header`, `count` rows and to end
  /// with a complete row.
  private func rows(of folder: ShardFolder, _ file: OutputFile, header: String, count: Int) throws(MergeError)
    -> (text: String, lines: [Substring])
  {
    let text = try folder.body(of: file, header: header)
    var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
    lines.removeLast()
    guard lines.count == count else {
      throw MergeError("\(folder.path(of: file)) has \(lines.count) rows; its block of points needs \(count)")
    }
    return (text, lines)
  }
}
