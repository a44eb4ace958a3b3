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
  let strategies: [String]
  let reference: String

  init(_ arguments: ParsedArguments) throws {
    options = try ExperimentOptions(arguments)
    guard let strategies = options.strategies, strategies.count >= 2 else {
      throw UsageError(
        message:
          "compare needs --strategies with at least two names, e.g. --strategies nearest-to-home,random",
        command: Self.name)
    }
    let reference = arguments.string("reference") ?? strategies[0]
    guard strategies.contains(reference) else {
      throw UsageError(
        message: "--reference \(reference) is not among --strategies \(strategies.joined(separator: ","))",
        command: Self.name)
    }
    self.strategies = strategies
    self.reference = reference
  }

  func run() throws -> Int32 {
    try options.execute({ options.plan(for: $0, strategies: strategies, reference: reference) }) { report in
      print(
        ResultTables.location(report) + ResultTables.headlines(report) + ResultTables.differences(report),
        terminator: "")
    }
  }
}
