import Foundation
import Glibc

/// The rows of the points a sweep has finished, kept on disk so that `--resume` can continue an
/// interrupted sweep from the next point and still end with the files an uninterrupted one writes.
///
/// `.DIR.cohortsim-checkpoint.csv`, beside the results folder `DIR` (inside it would be a file
/// the folder's run.json does not list, and the folder is only created when the sweep publishes),
/// holds a fingerprint line (`# ` and the sweep's identity: scenario
/// bytes, design, seed, replications, strategies, metrics, shard, version), then the header and
/// rows of `replications.csv` for every finished point. A point's rows are appended in one write
/// when its last replication is consumed, so after a crash the file ends with whole
/// points, except perhaps a torn last one, which is dropped. Replaying the rows through the same
/// consumer gives the same bytes: every number round-trips through `CSVFormat`. The file is
/// deleted when the sweep publishes its results.
final class SweepCheckpoint {
  let path: String
  private var descriptor: Int32 = -1

  init(directory: String) {
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    path =
      target.deletingLastPathComponent().appendingPathComponent(
        "." + target.lastPathComponent + ".cohortsim-checkpoint.csv"
      ).path
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// One finished replication read back.
  struct Row {
    var point: Int
    var replication: Int
    var seed: UInt64
    /// [strategy][metric].
    var outputs: [[Double]]
  }

  /// The replications of whole points from a checkpoint with this `fingerprint`, in order, and
  /// keeps the file open for appending after them; a missing or foreign checkpoint is replaced by
  /// an empty one. `seed` gives the seed each replication's rows must carry.
  func open(
    fingerprint: String, header: String, resume: Bool, strategies: Int, metrics: Int, replications: Int,
    firstPoint: Int, seed: (Int) -> UInt64
  ) throws(OutputError) -> [Row] {
    let first = "# " + fingerprint + "\r\n"
    var rows: [Row] = []
    var keptBytes = 0
    if resume, let data = FileManager.default.contents(atPath: path) {
      let text = String(decoding: data, as: UTF8.self)
      if text.hasPrefix(first + header) {
        keptBytes = (first + header).utf8.count
        var lines = text.dropFirst(first.count + header.count).components(separatedBy: "\r\n")
        lines.removeLast()  // after the final CRLF, or a torn row
        let perPoint = replications * strategies
        var point = firstPoint
        var index = 0
        while index + perPoint <= lines.count {
          guard
            let block = Self.parse(
              lines[index..<(index + perPoint)], point: point, strategies: strategies,
              metrics: metrics, replications: replications, seed: seed)
          else { break }
          rows += block
          keptBytes += lines[index..<(index + perPoint)].reduce(0) { $0 + $1.utf8.count + 2 }
          index += perPoint
          point += 1
        }
      }
    }
    descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw OutputError.system(path, isSetup: true) }
    if keptBytes == 0 {
      guard ftruncate(descriptor, 0) == 0 else { throw OutputError.system(path, isSetup: true) }
      try append(first + header)
    } else {
      guard ftruncate(descriptor, off_t(keptBytes)) == 0, lseek(descriptor, 0, SEEK_END) >= 0 else {
        throw OutputError.system(path, isSetup: true)
      }
    }
    return rows
  }

  /// When the file was last synced to disk.
  private var lastSync = ContinuousClock.now

  /// Appends one point's rows, syncing them to disk at most once a second: a killed process
  /// loses nothing written, and a machine crash at most the last second's points, while a
  /// sweep of a fast function is not held to one disk sync per point.
  func append(_ text: String) throws(OutputError) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        write(descriptor, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw OutputError.system(path)
      }
      offset += written
    }
    let now = ContinuousClock.now
    guard now - lastSync >= .seconds(1) else { return }
    lastSync = now
    guard fsync(descriptor) == 0 else { throw OutputError.system(path) }
  }

  /// Deletes the checkpoint: the sweep's results are published.
  func remove() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    unlink(path)
  }

  /// Closes the file and leaves it for a later `--resume`.
  func keep() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
  }

  /// One point's rows, or nil when any row is not exactly what the sweep would have written.
  private static func parse(
    _ lines: ArraySlice<String>, point: Int, strategies: Int, metrics: Int, replications: Int,
    seed: (Int) -> UInt64
  ) -> [Row]? {
    var rows: [Row] = []
    var iterator = lines.makeIterator()
    for replication in 0..<replications {
      var outputs: [[Double]] = []
      for _ in 0..<strategies {
        guard let line = iterator.next() else { return nil }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 4 + metrics, fields[0] == Substring(String(point)),
          fields[2] == Substring(String(replication)), fields[3] == Substring(String(seed(replication)))
        else { return nil }
        var values: [Double] = []
        for field in fields[4...] {
          guard let value = csvNumber(field), CSVFormat.number(value) == field else { return nil }
          values.append(value)
        }
        outputs.append(values)
      }
      rows.append(Row(point: point, replication: replication, seed: seed(replication), outputs: outputs))
    }
    return rows
  }
}

/// The inverse of `CSVFormat.number`.
func csvNumber(_ field: Substring) -> Double? {
  switch field {
  case Substring(CSVFormat.missing): return .nan
  case "Inf": return .infinity
  case "-Inf": return -.infinity
  default: return Double(field)
  }
}
