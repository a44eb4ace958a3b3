import CohortModel
import Experiments
import Foundation
import SimKernel

/// `cohortsim bench hold` and `cohortsim bench model`: the kernel's and the model's speed.
struct BenchCommand: Subcommand {
  static let name = "bench"
  static let summary = "measure the event kernel (hold model) or the cohort model's speed"
  static let usage =
    "hold [--pending N] [--events E] [--seed S]\n  cohortsim bench model SCENARIO [--replications N] [--jobs J]"
  static let discussion = """
    'bench hold' runs the hold model: N events wait in the calendar; each, when it runs, schedules \
    itself again an exponential(1) time later, drawn through GSL. Its last line is \
    'hold pending=N events=E seconds=S events_per_s=X'. \
    'bench model' runs N replications of SCENARIO (every strategy it lists, its seed) on the \
    runner's threads without writing anything; its last line is 'model scenario=NAME \
    replications=N jobs=J seconds=S replications_per_s=X events_per_s=Y', events being those the \
    kernel executed. benchmarks/run.sh and benchmarks/model.sh read these lines. Build in release \
    (swift run -c release) before reading the rates.
    """
  static let pending = Option.integer(
    "pending", "N", in: 1...100_000_000, "hold: events kept in the calendar (default 1000)")
  static let events = Option.integer(
    "events", "E", in: 1...Int(Int32.max) * 8, "hold: events to execute (default 20000000)")
  static let seed = ExperimentOptions.seed.help("hold: seed of the exponential draws (default 1)")
  static let replications = ExperimentOptions.replications.help(
    "model: replications to run (default: the scenario's \"replications\")")
  static let jobs = CommonOptions.jobs.help("model: worker threads (default: the number of cores)")
  static let options: [any OptionDeclaration] = [pending, events, seed, replications, jobs]
  static let examples = [
    "swift run -c release cohortsim bench hold --pending 100000 --events 20000000",
    "swift run -c release cohortsim bench model Scenarios/baseline.json --replications 1000 --jobs 2",
  ]

  enum Model {
    case hold(pending: Int, events: Int, seed: UInt64)
    case model(scenarioPath: String, replications: Int?, jobs: Int)
  }

  let model: Model

  init(_ arguments: ParsedArguments) throws {
    switch arguments.positionals.first {
    case "hold":
      _ = try arguments.requirePositionals(["hold"])
      model = .hold(
        pending: try arguments[Self.pending] ?? 1000, events: try arguments[Self.events] ?? 20_000_000,
        seed: try arguments[Self.seed] ?? 1)
    case "model":
      let path = try arguments.requirePositionals(["model", "SCENARIO"])[1]
      model = .model(
        scenarioPath: path, replications: try arguments[Self.replications],
        jobs: try arguments[Self.jobs] ?? ExperimentPlan.defaultJobs)
    default:
      throw UsageError(
        message:
          "bench knows two models, 'hold' and 'model SCENARIO'; got '\(arguments.positionals.first ?? "none")'",
        command: Self.name)
    }
  }

  func run() throws -> ExitStatus {
    switch model {
    case .hold(let pending, let events, let seed):
      var model = HoldModel(seed: seed)
      let stopwatch = Stopwatch()
      let simulation = model.run(pending: pending, events: events)
      let seconds = stopwatch.elapsedSeconds
      print("checksum=\(String(format: "%.6e", model.checksum)) executed=\(simulation.executedEvents)")
      print(
        "hold pending=\(pending) events=\(events) seconds=\(String(format: "%.3f", seconds)) "
          + "events_per_s=\(Int((Double(events) / seconds).rounded()))")
    case .model(let path, let replications, let jobs):
      let scenario = try ScenarioFile.load(path).scenario
      let measured = ModelBenchmark.run(
        scenario: scenario, replications: replications ?? scenario.replications, jobs: jobs)
      print(
        "model scenario=\(scenario.name) replications=\(measured.replications) jobs=\(jobs) "
          + "seconds=\(String(format: "%.3f", measured.seconds)) "
          + "replications_per_s=\(String(format: "%.2f", measured.replicationsPerSecond)) "
          + "events_per_s=\(Int(measured.eventsPerSecond.rounded()))")
    }
    return .done
  }
}
