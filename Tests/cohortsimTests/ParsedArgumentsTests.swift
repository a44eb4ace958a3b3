import Testing

@testable import cohortsim

/// Typed options read back through the values that declare them (issue 29).
@Suite("typed options")
struct ParsedArgumentsTests {
  static let jobs = Option.integer("jobs", "J", in: 1...8, "worker threads")
  static let trace = Flag("trace", "also write trace.csv")
  static let elsewhere = Flag("elsewhere", "another command's flag")

  @Test("a declared flag reads as given or not")
  func flagReads() throws {
    let given = try ParsedArguments(["--trace"], command: "test", options: [Self.trace])
    let absent = try ParsedArguments([], command: "test", options: [Self.trace])
    #expect(try given[Self.trace])
    #expect(try !absent[Self.trace])
  }

  @Test("a declared option reads as its parsed value")
  func optionReads() throws {
    let parsed = try ParsedArguments(["--jobs", "3"], command: "test", options: [Self.jobs])
    #expect(try parsed[Self.jobs] == 3)
  }

  @Test("reading an option the command did not declare is refused as cohortsim's mistake, naming it")
  func undeclaredReadRefused() throws {
    let parsed = try ParsedArguments([], command: "test", options: [Self.trace])
    #expect(throws: UndeclaredOption.self) { try parsed[Self.elsewhere] }
    #expect(throws: UndeclaredOption.self) { try parsed[Self.jobs] }
    do {
      _ = try parsed[Self.elsewhere]
    } catch {
      #expect("\(error)".contains("--elsewhere"))
    }
  }

  @Test("another option of the same name is not the declared one")
  func sameNameIsNotTheDeclaration() throws {
    let parsed = try ParsedArguments(["--trace"], command: "test", options: [Self.trace])
    #expect(throws: UndeclaredOption.self) { try parsed[Flag("trace", "a second declaration")] }
  }

  @Test("a variant with other help reads as the option it varies")
  func variantReadsAsItsOption() throws {
    let variant = Self.jobs.help("worker threads, said otherwise")
    let parsed = try ParsedArguments(["--jobs", "2"], command: "test", options: [variant])
    #expect(try parsed[Self.jobs] == 2)
    #expect(variant.spec.help == "worker threads, said otherwise")
  }

  @Test("a value out of range is refused naming the option, the range and the value")
  func outOfRangeRefused() throws {
    let parsed = try ParsedArguments(["--jobs", "9"], command: "test", options: [Self.jobs])
    do {
      _ = try parsed[Self.jobs]
      Issue.record("--jobs 9 was accepted")
    } catch let error as UsageError {
      #expect(error.message == "--jobs must be a whole number from 1 to 8, got '9'")
      #expect(error.command == "test")
    }
  }
}
