import Experiments
import Testing

/// Known-answer vectors from FIPS 180-4's examples and NIST's CAVP short-message set, plus
/// lengths either side of the padding boundaries (55/56 and 63/64 bytes), checked with
/// `sha256sum`.
@Suite("SHA-256")
struct SHA256Tests {
  @Test(
    "SHA-256 matches the published vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
      (
        "The quick brown fox jumps over the lazy dog",
        "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
      ),
    ])
  func publishedVectors(message: String, digest: String) {
    #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
  }

  @Test(
    "SHA-256 pads correctly at the block boundaries",
    arguments: [
      (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
      (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
      (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
      (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
  func blockBoundaries(length: Int, digest: String) {
    #expect(SHA256.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: length)) == digest)
  }

  @Test("SHA-256 of a million 'a's matches FIPS 180-4")
  func millionAs() {
    let digest = SHA256.hexDigest(of: repeatElement(UInt8(ascii: "a"), count: 1_000_000))
    #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("feeding SHA-256 in pieces gives the digest of the whole")
  func incremental() {
    var hash = SHA256()
    hash.update(Array("abcdbcdecdefdefgefghfghighij".utf8))
    hash.update(Array("hijkijkljklmklmnlmnomnopnopq".utf8))
    let digest = hash.finalize().map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    #expect(digest == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }
}
