import Foundation

@testable import cohortsim

/// Command lines as the documentation shows them: `cohortsim COMMAND ARGS…` lines, read the way
/// a shell would split them, so a test can parse each one.
enum DocumentedCommandLines {
  /// The repository's README.md, found from this file's path.
  static let readme: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
  }()

  /// The `cohortsim` command lines of `lines` — each a line that starts with `cohortsim ` (or
  /// `swift run -c release cohortsim `, `.build/release/cohortsim `, or has one after `&& `) with
  /// its `\` continuation lines — as the arguments after `cohortsim`. Each ends at a comment
  /// (` # `), at a shell operator (`>`, `|`, `&&`) or at a run of three spaces, which help uses to
  /// put an explanation beside an example.
  static func commandLines(in lines: [String]) -> [(text: String, arguments: [String])] {
    var found: [(String, [String])] = []
    var index = 0
    while index < lines.count {
      var line = lines[index]
      index += 1
      guard let start = commandStart(in: line) else { continue }
      line = String(line[start...])
      while line.hasSuffix("\\"), index < lines.count {
        line = String(line.dropLast()) + " " + lines[index].trimmingCharacters(in: .whitespaces)
        index += 1
      }
      for cut in [" # ", "   "] {
        if let range = line.range(of: cut) { line = String(line[..<range.lowerBound]) }
      }
      var words = shellWords(line)
      if let operatorIndex = words.firstIndex(where: { [">", "|", "&&", "<"].contains($0) }) {
        words = Array(words[..<operatorIndex])
      }
      found.append((line, Array(words.dropFirst())))
    }
    return found
  }

  /// The lines inside the README's fenced code blocks.
  static var readmeCodeLines: [String] {
    var inBlock = false
    var lines: [String] = []
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
        inBlock.toggle()
      } else if inBlock {
        lines.append(String(line))
      }
    }
    return lines
  }

  private static func commandStart(in line: String) -> String.Index? {
    let trimmed = line.drop(while: { $0 == " " })
    for prefix in ["cohortsim ", "swift run -c release cohortsim ", ".build/release/cohortsim "]
    where trimmed.hasPrefix(prefix) {
      return line.range(of: "cohortsim ", range: trimmed.startIndex..<line.endIndex)?.lowerBound
    }
    return line.range(of: "&& swift run -c release cohortsim ").flatMap {
      line.range(of: "cohortsim ", range: $0.lowerBound..<line.endIndex)?.lowerBound
    }
  }

  /// `text` split into words as a shell would: on spaces, with '…' and "…" quoting.
  static func shellWords(_ text: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else if character == " " {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else {
        word.append(character)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return words
  }

  /// Parses `arguments` (after `cohortsim`) as the dispatcher would and builds the command,
  /// without running it; `help` lines must name a command or topic.
  static func parse(_ arguments: [String]) throws {
    guard let first = arguments.first else { return }
    if ["--help", "--version"].contains(first) { return }
    if first == "help" {
      let topic = arguments.dropFirst().first
      guard topic == nil || subcommands.contains(where: { $0.name == topic }) || helpTopics[topic!] != nil
      else {
        throw UsageError(message: "no help for '\(topic!)'", command: nil)
      }
      return
    }
    guard let command = subcommands.first(where: { $0.name == first }) else {
      throw UsageError(message: "unknown command '\(first)'", command: nil)
    }
    try command.parse(ParsedArguments(Array(arguments.dropFirst()), command: first, options: command.options))
  }
}
