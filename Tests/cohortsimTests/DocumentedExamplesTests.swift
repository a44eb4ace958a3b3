import Testing

@testable import cohortsim

/// Every command line the documentation shows parses and builds its command (issue 29): an
/// option renamed in its declaration, or a range tightened, fails here before a reader types it.
@Suite("documented command lines that parse")
struct DocumentedExamplesTests {
  @Test("every cohortsim command in the README's code blocks parses and builds its command")
  func readmeExamplesParse() throws {
    let lines = DocumentedCommandLines.commandLines(in: DocumentedCommandLines.readmeCodeLines)
    #expect(lines.count >= 20, "the README's code blocks should hold its examples")
    for line in lines {
      #expect(throws: Never.self, "README: \(line.text)") { try DocumentedCommandLines.parse(line.arguments) }
    }
  }

  @Test("every example of every command's help parses and builds its command")
  func helpExamplesParse() throws {
    for command in subcommands {
      let lines = DocumentedCommandLines.commandLines(in: command.examples)
      #expect(!lines.isEmpty, "help \(command.name) shows no example")
      for line in lines {
        #expect(throws: Never.self, "help \(command.name): \(line.text)") {
          try DocumentedCommandLines.parse(line.arguments)
        }
      }
    }
  }

  @Test("every command line of the top-level help's topics and quick start, and of the help topics, parses")
  func topLevelExamplesParse() throws {
    // From "HELP TOPICS" on: the lines above it describe the syntax (cohortsim COMMAND).
    let topLevel = String(topLevelHelp().split(separator: "HELP TOPICS", maxSplits: 1).last ?? "")
    let texts = [topLevel] + helpTopics.values
    let lines = texts.flatMap {
      DocumentedCommandLines.commandLines(in: $0.split(separator: "\n").map(String.init))
    }
    #expect(lines.count >= 6)
    for line in lines {
      #expect(throws: Never.self, "help: \(line.text)") { try DocumentedCommandLines.parse(line.arguments) }
    }
  }
}
