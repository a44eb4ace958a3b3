/// A strict reading of JSON text (RFC 8259) before Foundation's decoder sees it, for what that
/// decoder accepts silently or reports without a place: a key given twice (it keeps the first;
/// jq and Python keep the last, so the file would mean different things to different tools),
/// syntax errors (reported here with line and column), `NaN` and `Infinity` (not JSON), numbers
/// too large for a double, text after the value, a byte-order mark, invalid UTF-8, and nesting
/// deeper than `maximumDepth` (no scenario needs it, and a deep file would exhaust the stack).
///
/// Lines and columns count from 1; a column counts characters, not bytes.
public enum StrictJSON {
  /// Objects and lists nested deeper than this are refused. A scenario needs five or six.
  public static let maximumDepth = 32

  /// The first problem in `bytes`, with the field path where it was found; nil when the text is
  /// strict JSON.
  /// - Complexity: O(n) in the length of the text.
  public static func problem<Bytes: Collection>(in bytes: Bytes) -> FieldProblem?
  where Bytes.Element == UInt8 {
    var scanner = Scanner(bytes: Array(bytes))
    do {
      try scanner.document()
      return nil
    } catch {
      return error
    }
  }

  private struct Scanner {
    let bytes: [UInt8]
    var offset = 0
    /// The path to the value being read, as `fieldPath` spells it.
    var path: [AnyCodingKey] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(FieldProblem) {
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        throw fail("the file starts with a byte-order mark (BOM); save it as UTF-8 without one")
      }
      if let bad = firstInvalidUTF8() {
        offset = bad
        throw fail("the file is not valid UTF-8 text")
      }
      skipSpace()
      try value(depth: 0)
      skipSpace()
      if offset < bytes.count { throw fail("unexpected text after the end of the JSON value") }
    }

    private mutating func value(depth: Int) throws(FieldProblem) {
      guard depth < maximumDepth else {
        throw fail("objects and lists are nested more than \(maximumDepth) deep")
      }
      guard let byte = peek else { throw fail("the file ends where a value should be") }
      switch byte {
      case UInt8(ascii: "{"): try object(depth: depth)
      case UInt8(ascii: "["): try list(depth: depth)
      case UInt8(ascii: "\""): _ = try string()
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
      case UInt8(ascii: "t"): try literal("true")
      case UInt8(ascii: "f"): try literal("false")
      case UInt8(ascii: "n"): try literal("null")
      case UInt8(ascii: "N"), UInt8(ascii: "I"):
        throw fail("NaN and Infinity are not JSON numbers; give a finite number")
      default: throw fail("expected a value (object, list, string, number, true, false or null)")
      }
    }

    private mutating func object(depth: Int) throws(FieldProblem) {
      offset += 1
      skipSpace()
      if peek == UInt8(ascii: "}") {
        offset += 1
        return
      }
      var seen: [String: (line: Int, column: Int)] = [:]
      while true {
        skipSpace()
        guard peek == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
        let keyOffset = offset
        let key = try string()
        if let first = seen[key] {
          offset = keyOffset
          path.append(AnyCodingKey(stringValue: key))
          throw fail(
            "the key \"\(key)\" appears twice in one object (first at line \(first.line), column "
              + "\(first.column)); give it once")
        }
        seen[key] = position(of: keyOffset)
        skipSpace()
        guard peek == UInt8(ascii: ":") else { throw fail("expected ':' after the key \"\(key)\"") }
        offset += 1
        skipSpace()
        path.append(AnyCodingKey(stringValue: key))
        try value(depth: depth + 1)
        path.removeLast()
        skipSpace()
        switch peek {
        case UInt8(ascii: ","): offset += 1
        case UInt8(ascii: "}"):
          offset += 1
          return
        default: throw fail("expected ',' or '}' after the value of \"\(key)\"")
        }
      }
    }

    private mutating func list(depth: Int) throws(FieldProblem) {
      offset += 1
      skipSpace()
      if peek == UInt8(ascii: "]") {
        offset += 1
        return
      }
      var index = 0
      while true {
        skipSpace()
        path.append(AnyCodingKey(intValue: index))
        try value(depth: depth + 1)
        path.removeLast()
        skipSpace()
        switch peek {
        case UInt8(ascii: ","): offset += 1
        case UInt8(ascii: "]"):
          offset += 1
          return
        default: throw fail("expected ',' or ']' after item \(index) of the list")
        }
        index += 1
      }
    }

    /// A string, decoded (escapes resolved), so `"a"` and `"\u0061"` are the same key.
    private mutating func string() throws(FieldProblem) -> String {
      offset += 1
      var scalars = String.UnicodeScalarView()
      var raw: [UInt8] = []
      func flushRaw() {
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw.removeAll()
      }
      while true {
        guard let byte = peek else { throw fail("a string is not closed (missing '\"')") }
        switch byte {
        case UInt8(ascii: "\""):
          flushRaw()
          if let control = scalars.first(where: Self.isControl) {
            throw fail(
              "a control character (U+\(Self.hex(control.value))) inside a string, which no name or text may "
                + "hold; remove it")
          }
          offset += 1
          return String(scalars)
        case UInt8(ascii: "\\"):
          flushRaw()
          offset += 1
          guard let escape = peek else { throw fail("a string is not closed (missing '\"')") }
          offset += 1
          switch escape {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{8}")
          case UInt8(ascii: "f"): scalars.append("\u{C}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            let escapeStart = offset - 2
            var code = try hex4()
            // UTF-16 surrogates come in pairs; a lone one is no character (Foundation's decoder
            // would refuse it later with "expected a string").
            if (0xD800..<0xDC00).contains(code) {
              guard bytes[offset...].starts(with: [92, 117]) else {
                offset = escapeStart
                throw fail(Self.loneSurrogate(code))
              }
              offset += 2
              let low = try hex4()
              guard (0xDC00..<0xE000).contains(low) else {
                offset = escapeStart
                throw fail(Self.loneSurrogate(code))
              }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
              offset = escapeStart
              throw fail(Self.loneSurrogate(code))
            }
            guard let scalar = Unicode.Scalar(code), !Self.isControl(scalar) else {
              offset = escapeStart
              throw fail(
                "the escape \\u\(Self.hex(code)) is a control character (such as NUL), which no name or text "
                  + "may hold; remove it (\\n, \\r and \\t are allowed)")
            }
            scalars.append(scalar)
          default:
            offset -= 2
            throw fail("unknown escape in a string; allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
          }
        case 0..<0x20:
          throw fail("a control character inside a string; write it as an escape such as \\n")
        default:
          raw.append(byte)
          offset += 1
        }
      }
    }

    /// Control characters other than line breaks and tabs: a NUL or an escape code in a name
    /// would be written raw into CSV files and terminals.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x09, 0x0A, 0x0D: false
      case 0x00..<0x20, 0x7F..<0xA0: true
      default: false
      }
    }

    static func hex(_ code: UInt32) -> String {
      let digits = String(code, radix: 16, uppercase: true)
      return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func loneSurrogate(_ code: UInt32) -> String {
      "\\u\(hex(code)) is half of a UTF-16 surrogate pair without its other half, so it is no character; "
        + "write the character itself, or both halves (\\uD83D\\uDE00)"
    }

    private mutating func hex4() throws(FieldProblem) -> UInt32 {
      var code: UInt32 = 0
      for _ in 0..<4 {
        guard let byte = peek, let digit = hexDigit(byte) else {
          throw fail("\\u must be followed by four hex digits")
        }
        code = code << 4 | digit
        offset += 1
      }
      return code
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
      default: nil
      }
    }

    private mutating func number() throws(FieldProblem) {
      let start = offset
      func digits() -> Int {
        let first = offset
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
        return offset - first
      }
      if peek == UInt8(ascii: "-") { offset += 1 }
      if peek == UInt8(ascii: "N") || peek == UInt8(ascii: "I") {
        offset = start
        throw fail("NaN and Infinity are not JSON numbers; give a finite number")
      }
      if peek == UInt8(ascii: "0") {
        offset += 1
        if let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
          throw fail("a number may not start with 0 followed by more digits")
        }
      } else if digits() == 0 {
        throw fail("expected digits in a number")
      }
      if peek == UInt8(ascii: ".") {
        offset += 1
        guard digits() > 0 else { throw fail("expected digits after the decimal point") }
      }
      if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
        offset += 1
        if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
        guard digits() > 0 else { throw fail("expected digits in the exponent") }
      }
      let text = String(decoding: bytes[start..<offset], as: UTF8.self)
      if let value = Double(text), !value.isFinite {
        offset = start
        throw fail("the number \(text) is too large for a double (at most about 1.8e308)")
      }
      // A nonzero number that rounds to zero: Foundation's decoder refuses it without saying why.
      let mantissa = text.prefix { $0 != "e" && $0 != "E" }
      if Double(text) == 0, mantissa.contains(where: { ("1"..."9").contains($0) }) {
        offset = start
        throw fail(
          "the number \(text) is too close to zero for a double (the smallest is about 4.9e-324); write 0 or a "
            + "larger number")
      }
    }

    private mutating func literal(_ word: String) throws(FieldProblem) {
      guard bytes[offset...].starts(with: word.utf8) else {
        throw fail("expected a value (object, list, string, number, true, false or null)")
      }
      offset += word.utf8.count
    }

    private mutating func skipSpace() {
      while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Line and column (from 1, in characters) of the byte at `target`.
    private func position(of target: Int) -> (line: Int, column: Int) {
      var line = 1
      var column = 1
      for byte in bytes[..<min(target, bytes.count)] {
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      return (line, column)
    }

    private func fail(_ message: String) -> FieldProblem {
      let (line, column) = position(of: offset)
      return FieldProblem(path: fieldPath(path), message: "line \(line), column \(column): \(message)")
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    private func firstInvalidUTF8() -> Int? {
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return index
        }
        guard index + length <= bytes.count else { return index }
        for next in bytes[(index + 1)..<(index + length)] where next & 0xC0 != 0x80 { return index }
        if length > 1, String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
          return index
        }
        index += length
      }
      return nil
    }
  }
}
