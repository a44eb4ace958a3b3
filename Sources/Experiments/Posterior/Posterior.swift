import Foundation
import SimKernel

/// The last generation of a `cohortsim calibrate` folder: the particles a posterior run draws
/// from, each a weight and a value per calibrated field path.
///
/// The folder is identified by the SHA-256 of its `run.json`, which lists every other file's
/// size and SHA-256; those are checked when the folder is read, so that one hash pins the whole
/// folder and a posterior run records exactly which posterior it sampled.
public struct Posterior: Sendable {
  /// One accepted particle of the last generation.
  public struct Particle: Sendable, Equatable {
    /// The particle's `particle` number in `posterior.csv` (its row within the generation).
    public var row: Int
    /// Its importance weight, normalised over the generation.
    public var weight: Double
    /// One value per field path, in `paths` order.
    public var values: [Double]

    public init(row: Int, weight: Double, values: [Double]) {
      self.row = row
      self.weight = weight
      self.values = values
    }
  }

  /// The folder as given.
  public let folder: String
  /// SHA-256 of the folder's `run.json` (which lists every other file's SHA-256).
  public let sha256: String
  /// The calibrated fields, as field paths (`hiring.holdWindowDays`).
  public let paths: [String]
  /// The generation the particles come from: the last one in `posterior.csv`.
  public let generation: Int
  public let particles: [Particle]
  /// Running sums of the weights, for drawing by inverse CDF.
  private let cumulativeWeights: [Double]

  /// A posterior given directly (tests, toys); weights are normalised.
  public init(folder: String, sha256: String, paths: [String], generation: Int, particles: [Particle]) {
    precondition(!particles.isEmpty, "a posterior has at least one particle")
    let total = particles.reduce(0) { $0 + $1.weight }
    self.folder = folder
    self.sha256 = sha256
    self.paths = paths
    self.generation = generation
    self.particles = particles.map { Particle(row: $0.row, weight: $0.weight / total, values: $0.values) }
    var sum = 0.0
    cumulativeWeights = self.particles.map { particle in
      sum += particle.weight
      return sum
    }
  }

  /// The purpose of the keyed stream that picks a replication's particle. No stream of the model
  /// has this purpose, so drawing a particle consumes nothing the model draws.
  static let drawPurpose = StreamKey("posterior particle")

  /// The particle (an index into `particles`) of particle group `group`: drawn by weight from
  /// the stream keyed "posterior particle" of the replication seed that `group` would have as
  /// a replication of the run. A pure function of (master seed, group), so the same for every
  /// strategy of a replication, any `--jobs` and any shard split.
  /// - Complexity: O(log particles)
  public func particleIndex(masterSeed: UInt64, group: Int) -> Int {
    var stream = RandomStream(
      replicationSeed: SeedDerivation.replicationSeed(master: masterSeed, replication: group),
      key: Self.drawPurpose)
    let u = stream.uniform() * cumulativeWeights[cumulativeWeights.count - 1]
    // The first particle whose running weight exceeds u.
    var low = 0
    var high = cumulativeWeights.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulativeWeights[middle] > u { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// Reads the last generation of the calibrate folder `directory`.
  /// - Throws: `PosteriorError` naming the folder and file: not a calibrate folder, a file that
  ///   does not match its `run.json`, a malformed `posterior.csv`, no particle with weight.
  public static func load(_ directory: String) throws(PosteriorError) -> Posterior {
    let folder = directory.hasSuffix("/") ? directory : directory + "/"
    func refuse(_ problem: String) -> PosteriorError {
      PosteriorError(folder: directory, "\(problem); give a folder 'cohortsim calibrate' wrote")
    }
    guard let runJSON = FileManager.default.contents(atPath: folder + OutputFile.provenance.rawValue) else {
      throw refuse("\(folder)run.json is missing or unreadable")
    }
    guard let record = try? RunRecord.decode(runJSON), case .calibrate(let calibration) = record.kind else {
      throw refuse("\(folder)run.json is not a calibration's run.json")
    }
    if let problem = FolderManifest.problem(in: directory, requireFiles: true) {
      throw refuse(problem)
    }
    let file = folder + OutputFile.posterior.rawValue
    guard let data = FileManager.default.contents(atPath: file) else {
      throw refuse("\(file) is missing or unreadable")
    }
    let paths = calibration.parameters.map(\.path)
    let records: [[String]]
    do {
      records = try CSVRecords.parse(String(decoding: data, as: UTF8.self), path: file)
    } catch {
      throw refuse(error.description)
    }
    let header = ["generation", "particle", "weight", "distance"] + paths
    guard records.first == header else {
      throw refuse(
        "\(file) line 1 should be '\(header.joined(separator: ","))' (the parameters run.json lists)")
    }
    var rows: [(generation: Int, particle: Particle)] = []
    for (offset, record) in records.dropFirst().enumerated() {
      let line = offset + 2
      guard record.count == header.count, let generation = Int(record[0]), let row = Int(record[1]),
        let weight = CSVRecords.number(record[2]), weight.isFinite, weight >= 0
      else {
        throw refuse("\(file) line \(line): expected a generation, a particle number and a weight ≥ 0")
      }
      var values: [Double] = []
      for (path, field) in zip(paths, record.dropFirst(4)) {
        guard let value = CSVRecords.number(field), value.isFinite else {
          throw refuse("\(file) line \(line): \(path) '\(field)' is not a finite number")
        }
        values.append(value)
      }
      rows.append((generation, Particle(row: row, weight: weight, values: values)))
    }
    guard let last = rows.map(\.generation).max() else { throw refuse("\(file) has no particles") }
    let particles = rows.filter { $0.generation == last }.map(\.particle)
    guard particles.contains(where: { $0.weight > 0 }) else {
      throw refuse("\(file): every particle of generation \(last) has weight 0")
    }
    return Posterior(
      folder: directory, sha256: SHA256.hexDigest(of: runJSON), paths: paths, generation: last,
      particles: particles)
  }
}
