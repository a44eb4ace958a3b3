import Foundation

/// What a sweep's `run.json` records beyond the header: the design itself, so that a shard folder
/// carries all `cohortsim merge` needs to rebuild the design's points and check the shards belong
/// together.
struct SweepDetails: Codable, Equatable {
  var design: SweepDesign
  /// SHA-256 of the design as canonical JSON (`SweepDetails.canonical`).
  var designSha256: String
  var points: Int

  init(design: SweepDesign, points: Int) {
    self.design = design
    designSha256 = SHA256.hexDigest(of: Data(Self.canonical(design).utf8))
    self.points = points
  }

  enum CodingKeys: String, CodingKey {
    case design, designSha256 = "design_sha256", points
  }

  /// The design as sorted-key JSON: the same bytes for the same design, whatever its file's layout.
  static func canonical(_ design: SweepDesign) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try! encoder.encode(design), as: UTF8.self)
  }
}
