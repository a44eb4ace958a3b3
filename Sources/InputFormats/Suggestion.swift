/// "Did you mean": the allowed name nearest a misspelt one, so an error can say what to type.
public enum Suggestion {
  /// The name among `candidates` nearest `word` by edit distance (Levenshtein, case-insensitive),
  /// when it is at most 2 edits and at most a third of the word's length away; nil otherwise.
  /// Ties go to the earlier candidate.
  /// - Complexity: O(n · m) per candidate, for words of lengths n and m.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance <= min(2, max(1, target.count / 3)), distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// The text to append to an error: ` (did you mean "x"?)`, or empty.
  public static func phrase(for word: String, among candidates: [String]) -> String {
    closest(to: word, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
