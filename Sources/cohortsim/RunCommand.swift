import Experiments

/// `cohortsim run`: the Monte Carlo experiment on one scenario.
struct RunCommand: Subcommand {
  static let name = "run"
  static let summary = "simulate a scenario many times and summarise every metric"
  static let usage = "SCENARIO [options]"
  static let discussion = """
    Runs independent replications of the scenario in parallel. Each replication simulates every \
    strategy listed (--strategies, else the scenario's "strategies") with the same seed, derived from \
    the master seed and the replication's number, so the files are byte-identical whatever --jobs is. \
    Writes into DIR: summary.csv (per strategy and metric: n, mean, sd, t-based 95% interval, and P² \
    estimates of p10/p50/p90), replications.csv (one row per strategy and replication), run.json \
    (version, scenario SHA-256, seed, command line, times), time_to_offer.csv (the cumulative \
    incidence of an accepted offer by day since graduation, 0 to 730, with a 95% interval over \
    replications), cohorts.csv (per program cohort) and timeline.csv (per calendar year), with \
    --students students.csv and sites.csv (each replication's sites: index, name, kind, state, \
    system, listed or generated, positions), and with --trace trace.csv. Sites are named in every \
    file: listed sites by their own names, generated ones as kind-number (hospital-0). Files are \
    written under temporary names and renamed only when the \
    run completes; Ctrl-C removes them, leaves earlier results as they were, and exits 130. With \
    --shard K/N it runs one block of the replications for a cluster job and writes a shard folder \
    for 'cohortsim merge' (see "Running on a cluster" in README.md). Exit \
    codes: 0 done, 2 bad usage or bad scenario, 3 failure.
    """
  static let options = ExperimentOptions.declarations()
  static let examples = [
    "cohortsim run Scenarios/national.json",
    "cohortsim run Scenarios/national.json --replications 200 --seed 7 --jobs 2 --out /tmp/national",
    "cohortsim run Scenarios/national.json --until placed_12m=0.005 --max-replications 2000",
    "cohortsim run Scenarios/national.json --replications 1 --students --trace --quiet",
    "cohortsim run Scenarios/national.json --replications 2000 --shard 3/20 --out shards/shard-3",
  ]

  let options: ExperimentOptions

  init(_ arguments: ParsedArguments) throws {
    options = try ExperimentOptions(arguments)
  }

  func run() throws -> ExitStatus {
    try options.execute({ options.plan(for: $0) }) { report in
      print(ResultTables.location(report) + ResultTables.headlines(report), terminator: "")
    }
  }
}
