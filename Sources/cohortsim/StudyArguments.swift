/// What `sweep` and `calibrate` both take: SCENARIO, the file saying what to study (`--design`,
/// `--targets`) and `--out`, each required and refused with the command's own message, in that
/// order; and the flags and command line they record.
struct StudyArguments {
  /// `sweep`'s help; `calibrate` declares its own variant.
  static let overwrite = CommonOptions.overwrite.help(
    "replace a DIR that holds a run or sweep with other settings (scenario, design, seed, replications, "
      + "strategies or shard); a rerun of the same settings replaces it anyway")
  /// `sweep`'s help; `calibrate` declares its own variant.
  static let quiet = Flag("quiet", "print nothing but errors: no progress line, no closing summary")

  let scenarioPath: String
  /// The `--design` or `--targets` file.
  let input: String
  let outputDirectory: String
  let overwrite: Bool
  let quiet: Bool
  let commandLine: [String]

  /// `output` is read after the input option, so a command that refuses an empty `--out`
  /// (a folder option) still names a missing input first.
  init(
    _ arguments: ParsedArguments, input: Option<String>, inputMissing: String, output: Option<String>,
    outputMissing: String
  ) throws {
    scenarioPath = try arguments.requirePositionals(["SCENARIO"])[0]
    guard let inputPath = try arguments[input] else {
      throw UsageError(message: inputMissing, command: arguments.command)
    }
    guard let outputDirectory = try arguments[output] else {
      throw UsageError(message: outputMissing, command: arguments.command)
    }
    self.input = inputPath
    self.outputDirectory = outputDirectory
    overwrite = try arguments[Self.overwrite]
    quiet = try arguments[Self.quiet]
    commandLine = ["cohortsim", arguments.command] + arguments.raw
  }
}
