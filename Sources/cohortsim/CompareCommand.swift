import CohortModel
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
    reference over replications where both have a value, its t-based 95% interval, the two-sided \
    paired t-test p-value (NA when every difference is equal or there are fewer than two) and \
    p_holm, that p-value after Holm's correction across every (strategy, metric) row of the file. \
    The reference is the first strategy listed unless --reference names another; its row against \
    itself is zero. Prints, for each headline metric, the strategies ranked best first with their \
    mean, their difference from the reference and, for shares of graduates, that difference in \
    graduates per cohort; --all prints every metric's difference instead.

    Three ways to decide. (1) The intervals: with a fixed number of replications, a strategy whose \
    difference interval excludes 0 and whose p_holm is at most 0.05 differs from the reference; \
    across the whole table the chance of any false "differs" is at most 5% (Holm), e.g. \
    'compare S --strategies a,b,c --replications 200'. (2) --until METRIC=HALFWIDTH adds batches of \
    replications until every strategy's paired difference from the reference has a 95% interval of \
    at most ±HALFWIDTH (not each strategy's own interval, which common random numbers leave wide), \
    e.g. '--until placed_6m=0.01': it guarantees the precision of each difference, each interval \
    at 95% on its own (not jointly), and stops at --max-replications otherwise. (3) --select-best \
    METRIC --indifference DELTA runs Kim and Nelson's fully sequential procedure (KN, 2001): a first \
    stage of \(BestSelection.defaultFirstStage) replications, then one replication at a time, \
    eliminating a strategy as soon as another beats it by more than the shrinking allowance, until \
    one remains; it writes selection.csv (strategy, status selected/eliminated/undecided, \
    eliminated_after, mean, replications) and guarantees that, with probability at least \
    --confidence (default 0.95), the selected strategy is within DELTA of the best on METRIC (the \
    best itself when it leads by DELTA or more), e.g. '--select-best placed_6m --indifference 0.01'. \
    Larger is better unless --minimise. The guarantee assumes roughly normal replication values \
    (each a mean over many students) and is void at --max-replications, where the survivors are \
    'undecided'. --select-best cannot run as --shard: KN decides after every replication, which \
    needs every earlier replication's values in one place.
    """
  /// `--until` as `compare` means it: on the paired differences.
  static let until = ExperimentOptions.until.help(
    "add replications in batches of max(10, N) until the 95% interval of every strategy's paired difference "
      + "from the reference on METRIC is at most HALFWIDTH on each side; see 'cohortsim help metrics'")
  /// `--max-replications` as `compare` means it: a cap on both stopping rules.
  static let maxReplications = ExperimentOptions.maxReplications.help(
    "with --until or --select-best, stop at N replications even if the rule is not met (default: "
      + "\(PrecisionTarget.defaultMaxReplications))")
  static let reference = Option.text(
    "reference", "a", "the strategy the others are compared with (default: the first in --strategies)")
  static let all = Flag("all", "print every metric's paired difference, not just the ranked headline metrics")
  static let selectBest = Option.text(
    "select-best", "METRIC",
    "choose the best strategy on METRIC with Kim and Nelson's KN procedure; needs --indifference")
  static let indifference = Option.number(
    "indifference", "DELTA", in: 1e-12...1e12,
    "with --select-best: the smallest difference in METRIC worth telling apart")
  static let confidence = Option.number(
    "confidence", "P", in: 0.5...0.999_999,
    "with --select-best: the probability of a correct selection (default 0.95)")
  static let minimise = Flag(
    "minimise", "with --select-best: smaller METRIC is better (e.g. days_to_offer_median)")

  static let options =
    ExperimentOptions.declarations(until: until, maxReplications: maxReplications) + [
      reference, all, selectBest, indifference, confidence, minimise,
    ]
  static let examples = [
    "cohortsim compare Scenarios/national.json --strategies nearest-to-home,random,spread-systems",
    "cohortsim compare Scenarios/strategies.json --all",
    "cohortsim compare Scenarios/national.json --strategies random,nearest-to-home --reference nearest-to-home "
      + "--until placed_12m=0.01",
    "cohortsim compare Scenarios/strategies.json --select-best placed_6m --indifference 0.01",
    "cohortsim compare Scenarios/strategies.json --select-best days_to_offer_median --indifference 7 --minimise "
      + "--confidence 0.9 --max-replications 2000",
  ]

  let options: ExperimentOptions
  /// Strategies from --strategies; nil means the scenario's own "strategies" list.
  let strategies: [String]?
  let reference: String?
  let showAll: Bool
  /// --select-best and its settings; nil without it.
  let selection: BestSelection?

  init(_ arguments: ParsedArguments) throws {
    options = try ExperimentOptions(arguments, otherStoppingRule: try arguments.typed(Self.selectBest) != nil)
    strategies = options.strategies
    reference = try arguments[Self.reference]
    showAll = try arguments[Self.all]
    selection = try Self.selection(arguments, options: options)
    if let strategies { _ = try Self.checked(strategies, reference: reference, from: "--strategies") }
  }

  /// --select-best METRIC --indifference DELTA [--confidence P] [--minimise] as a rule, checked.
  static func selection(_ arguments: ParsedArguments, options: ExperimentOptions) throws -> BestSelection? {
    guard let metricName = try arguments[Self.selectBest] else {
      for option in [Self.indifference, Self.confidence] where try arguments.typed(option) != nil {
        throw UsageError(
          message: "--\(option.spec.name) only applies with --select-best METRIC", command: name)
      }
      if try arguments[Self.minimise] {
        throw UsageError(message: "--minimise only applies with --select-best METRIC", command: self.name)
      }
      return nil
    }
    guard let metric = Metric(rawValue: metricName) else {
      throw UsageError(
        message:
          "--select-best takes a metric, one of: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")); "
          + "got '\(metricName)'",
        command: name)
    }
    guard let indifference = try arguments[Self.indifference] else {
      throw UsageError(
        message: "--select-best needs --indifference DELTA, the smallest difference in \(metricName) worth "
          + "telling apart (a positive number, e.g. 0.01 for one percentage point of a share)",
        command: name)
    }
    let confidence = try arguments[Self.confidence] ?? 0.95
    if options.shard != nil {
      throw UsageError(
        message:
          "--select-best cannot be combined with --shard: Kim and Nelson's procedure decides after every "
          + "replication, so it needs every earlier replication's values in one run; run it unsharded "
          + "(it usually needs far fewer replications than a fixed design)",
        command: name)
    }
    if options.until != nil {
      throw UsageError(
        message: "--select-best and --until are two stopping rules; give one of them", command: name)
    }
    // Kim and Nelson's first stage always runs whole: a smaller cap could not be honoured.
    if let cap = options.maxReplications, cap < BestSelection.defaultFirstStage {
      throw UsageError(
        message:
          "--max-replications \(cap) is below the \(BestSelection.defaultFirstStage) first-stage replications "
          + "--select-best always runs; give --max-replications \(BestSelection.defaultFirstStage) or more",
        command: name)
    }
    return BestSelection(
      metric: metric, minimise: try arguments[Self.minimise],
      configuration: KimNelson.Configuration(
        indifference: indifference, confidence: confidence, firstStage: BestSelection.defaultFirstStage),
      maxReplications: options.maxReplications ?? PrecisionTarget.defaultMaxReplications)
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

  func run() throws -> ExitStatus {
    var selectionProblem = false
    let status = try options.execute({ file in
      let (chosen, reference) = try Self.checked(
        strategies ?? file.scenario.strategies, reference: reference,
        from: strategies == nil ? "the scenario's \"strategies\"" : "--strategies")
      var plan = options.plan(for: file, strategies: chosen, reference: reference)
      plan.precisionTarget?.scope = .differencesFromReference
      plan.selection = selection
      return plan
    }) { report in
      var text = ResultTables.location(report)
      text +=
        showAll
        ? ResultTables.headlines(report) + ResultTables.differences(report) : ResultTables.ranked(report)
      if let result = report.selection {
        text += ResultTables.selection(result)
        selectionProblem = result.problem != nil
      }
      print(text, terminator: "")
    }
    return status == .done && selectionProblem ? .failure : status
  }
}
