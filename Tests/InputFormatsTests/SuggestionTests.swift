import InputFormats
import Testing

@Suite("did you mean")
struct SuggestionTests {
  @Test("a key one letter off suggests the allowed key")
  func oneLetterOff() {
    #expect(
      Suggestion.closest(to: "cohortSise", among: ["name", "cohortSize", "intakeYears"]) == "cohortSize")
  }

  @Test("case and a swapped pair of letters still suggest it")
  func caseAndTransposition() {
    #expect(
      Suggestion.closest(to: "lookAheadDays", among: ["lookaheadDays", "holdWindowDays"]) == "lookaheadDays")
    #expect(Suggestion.closest(to: "rnadom", among: ["random", "nearest-to-home"]) == "random")
  }

  @Test("a word far from every candidate suggests nothing")
  func farWordSuggestsNothing() {
    #expect(Suggestion.closest(to: "budget", among: ["name", "cohortSize"]) == nil)
    #expect(Suggestion.phrase(for: "budget", among: ["name"]) == "")
  }

  @Test("edit distance is Levenshtein's, worked by hand")
  func editDistances() {
    #expect(Suggestion.closest(to: "kitten", among: ["sitting"]) == nil)  // 3 edits: too far
    #expect(Suggestion.closest(to: "abcdef", among: ["abcxef"]) == "abcxef")  // 1 substitution
    #expect(Suggestion.closest(to: "abcdef", among: ["abdef"]) == "abdef")  // 1 deletion
  }
}
