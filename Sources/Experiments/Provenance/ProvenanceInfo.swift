/// What `run.json` records about the program and how it was invoked; the runner adds the rest.
public struct ProvenanceInfo: Sendable {
  public var version: String
  /// The command line as typed, program name first.
  public var commandLine: [String]

  public init(version: String, commandLine: [String]) {
    self.version = version
    self.commandLine = commandLine
  }
}
