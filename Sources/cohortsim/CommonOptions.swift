/// Options several commands read the same way, declared once; a command whose help says more
/// declares a variant with `help(_:)`.
enum CommonOptions {
  static let jobs = Option.integer(
    "jobs", "J", in: 1...1024,
    "worker threads (default: the number of cores); results are identical for any J")
  /// `run`'s and `compare`'s help; `sweep`, `calibrate` and `merge` declare variants. One
  /// identity, so the refusal of an occupied folder names the option whichever command ran.
  static let overwrite = Flag(
    "overwrite",
    "replace an output folder that holds a run with other settings (scenario, seed, replications, strategies, "
      + "shard, output files or posterior); without it that is refused, naming the setting. A rerun of the same settings "
      + "replaces its folder anyway; a folder holding files cohortsim did not write is never replaced")
}

/// `--current-students FILE.csv` and `--as-of YYYY-MM-DD`: a warm start, as every command that
/// takes one reads it (`ParsedArguments.warmStart()`); the help is `run`'s, and each other command
/// declares a variant saying what the file does there.
enum WarmStartOptions {
  static let currentStudents = Option.text(
    "current-students", "FILE.csv",
    "warm start: the program's current students (student_id,program,intake_year,status,rotation_sites,"
      + "current_site,spi_passed,specialty_passed,offer_site[,impression,hire_date,start_date]) take places in "
      + "their cohorts (the rest generated up to the cohort's size unless a '# complete:' line says the file "
      + "lists it whole; see 'cohortsim help spreadsheets'), as the "
      + "file says they stand on the as-of date; writes current_students.csv (their chances of an offer within "
      + "6 and 12 months, likeliest site, relocation); not with --shard")
  static let asOf = Option.text(
    "as-of", "YYYY-MM-DD",
    "with --current-students, the date the file describes (default: its first line '# as_of: YYYY-MM-DD')")
}

extension ParsedArguments {
  /// `--current-students FILE` and `--as-of DATE`, as every command that takes a warm start reads
  /// them: the date only with a file.
  /// - Throws: `UsageError` for `--as-of` without `--current-students`.
  func warmStart() throws -> (currentStudents: String?, asOf: String?) {
    let currentStudents = try self[WarmStartOptions.currentStudents]
    let asOf = try self[WarmStartOptions.asOf]
    if asOf != nil && currentStudents == nil {
      throw UsageError(
        message: "--as-of dates a current-students file: give --current-students FILE.csv too",
        command: command)
    }
    return (currentStudents, asOf)
  }
}
