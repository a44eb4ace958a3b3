/// SHA-256 (FIPS 180-4), written out because CryptoKit does not exist on Linux and the package
/// takes no dependencies. Used for one thing: fingerprinting the scenario file in `run.json`, so
/// a result can be traced to the exact bytes that produced it.
///
/// Not constant-time and not meant for secrets; it hashes public input files.
public struct SHA256: Sendable {
  /// The hash state H0…H7; starts at the fractional parts of the square roots of the first
  /// eight primes (FIPS 180-4 §5.3.3).
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  /// Bytes not yet forming a whole 64-byte block.
  private var pending: [UInt8] = []
  private var totalBytes: UInt64 = 0

  public init() { pending.reserveCapacity(64) }

  /// The digest of `bytes` as 64 lower-case hex digits.
  /// - Complexity: O(n)
  public static func hexDigest<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var hash = SHA256()
    hash.update(bytes)
    return hex(hash.finalize())
  }

  /// A digest as lower-case hex digits, two per byte.
  public static func hex(_ digest: [UInt8]) -> String {
    digest.map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }

  /// Feeds more bytes.
  /// - Complexity: O(n)
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    for byte in bytes {
      pending.append(byte)
      totalBytes &+= 1
      if pending.count == 64 {
        compress(pending)
        pending.removeAll(keepingCapacity: true)
      }
    }
  }

  /// Pads the message (a 1 bit, zeros, the 64-bit big-endian bit length) and returns the
  /// 32-byte digest.
  public consuming func finalize() -> [UInt8] {
    let bitLength = totalBytes &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> shift))
    }
    for start in stride(from: 0, to: tail.count, by: 64) { compress(tail[start..<start + 64]) }
    return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
  }

  /// One application of the compression function to a 64-byte block (FIPS 180-4 §6.2.2).
  private mutating func compress<Block: Collection>(_ block: Block) where Block.Element == UInt8 {
    var schedule = [UInt32](repeating: 0, count: 64)
    var bytes = block.makeIterator()
    for index in 0..<16 {
      var word: UInt32 = 0
      for _ in 0..<4 { word = word << 8 | UInt32(bytes.next()!) }
      schedule[index] = word
    }
    for index in 16..<64 {
      let w15 = schedule[index - 15]
      let w2 = schedule[index - 2]
      let sigma0 = rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 >> 3)
      let sigma1 = rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 >> 10)
      schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
    }
    var (a, b, c, d, e, f, g, h) = (
      state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
    )
    for index in 0..<64 {
      let bigSigma1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
      let choose = (e & f) ^ (~e & g)
      let temp1 = h &+ bigSigma1 &+ choose &+ SHA256.roundConstants[index] &+ schedule[index]
      let bigSigma0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
      let majority = (a & b) ^ (a & c) ^ (b & c)
      let temp2 = bigSigma0 &+ majority
      (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
    }
    for (index, value) in [a, b, c, d, e, f, g, h].enumerated() { state[index] &+= value }
  }

  private func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }

  /// The fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]
}
