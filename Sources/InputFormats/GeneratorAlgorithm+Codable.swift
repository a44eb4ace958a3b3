import SimKernel

extension GeneratorAlgorithm: Codable {
  /// Decodes the name, refusing an unknown one with the names allowed (the synthesized decoder's
  /// message names the Swift type).
  public init(from decoder: any Decoder) throws {
    let name = try decoder.singleValueContainer().decode(String.self)
    guard let algorithm = GeneratorAlgorithm(rawValue: name) else {
      let names = Self.allCases.map(\.rawValue)
      try decoder.reject(
        "unknown generator \"\(name)\"\(Suggestion.phrase(for: name, among: names)); allowed: "
          + names.joined(separator: ", "))
      self = .mt19937
      return
    }
    self = algorithm
  }
}
