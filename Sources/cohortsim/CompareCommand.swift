import Experiments

/// `cohortsim compare`: placement strategies side by side under common random numbers.
struct CompareCommand: Subcommand {
  static let name = "compare"
  static let summary = "compare placement strategies on the same seeds, with paired differences"
  static let usage = "SCENARIO --strategies a,b[,c…] [--reference a] [options]"
  static let discussion = """
    Runs every listed strategy in each replication with the same seed — the same world, students and \
    exam luck — so what differs between them is the strategy alone. Writes everything 'run' writes \
    plus comparison.csv: for each strategy and metric, the mean paired difference strategy − \
    reference over replications where both have a value, its t-based 95% interval and the two-sided \
    paired t-test p-value (NA when every difference is equal or there are fewer than two). The \
    reference is the first strategy listed unless --reference names another; its row against \
    itself is zero. Prints the differences as a table.
    """
  static let options =
    ExperimentOptions.shared + [
      .value(
        "reference", "a", "the strategy the others are compared with (default: the first in --strategies)")
    ]
  static let examples = [
    "cohortsim compare Scenarios/national.json --strategies nearest-to-home,random,spread-systems",
    "cohortsim compare Scenarios/national.json --strategies random,nearest-to-home --reference nearest-to-home "
      + "--until placed_12m=0.01",
  ]

  let options: ExperimentOptions
  /// Strategies from --strategies; nil means the scenario's own "strategies" list.
  let strategies: [String]?
  let reference: String?

  init(_ arguments: ParsedArguments) throws {
    options = try ExperimentOptions(arguments)
    strategies = options.strategies
    reference = arguments.string("reference")
    if let strategies { _ = try Self.checked(strategies, reference: reference, from: "--strategies") }
  }

  /// The strategies and reference to compare: at least two, the reference among them (the first
  /// unless --reference names another).
  static func checked(_ strategies: [String], reference: String?, from source: String) throws -> (
    [String], String
  ) {
    guard strategies.count >= 2 else {
      throw UsageError(
        message:
          "compare needs at least two strategies, from --strategies or the scenario's \"strategies\" list; "
          + "\(source) gives \(strategies.count), e.g. --strategies nearest-to-home,random",
        command: name)
    }
    let chosen = reference ?? strategies[0]
    guard strategies.contains(chosen) else {
      throw UsageError(
        message: "--reference \(chosen) is not among the strategies \(strategies.joined(separator: ","))",
        command: name)
    }
    return (strategies, chosen)
  }

  func run() throws -> Int32 {
    try options.execute({ file in
      let (chosen, reference) = try Self.checked(
        strategies ?? file.scenario.strategies, reference: reference,
        from: strategies == nil ? "the scenario's \"strategies\"" : "--strategies")
      return options.plan(for: file, strategies: chosen, reference: reference)
    }) { report in
      print(
        ResultTables.location(report) + ResultTables.headlines(report) + ResultTables.differences(report),
        terminator: "")
    }
  }
}
