import Foundation
import SimKernel

/// `cohortsim bench hold`: the kernel's event-rate benchmark.
struct BenchCommand: Subcommand {
  static let name = "bench"
  static let summary = "measure the event kernel's speed with the classic hold model"
  static let usage = "hold [--pending N] [--events E] [--seed S]"
  static let discussion = """
    Runs the hold model: N events wait in the calendar; each, when it runs, schedules itself again \
    an exponential(1) time later, drawn through GSL. The last line printed is \
    'hold pending=N events=E seconds=S events_per_s=X', for benchmarks/run.sh to read. \
    Build in release (swift run -c release) before reading the rate.
    """
  static let options: [OptionSpec] = [
    .value("pending", "N", "events kept in the calendar (default 1000)"),
    .value("events", "E", "events to execute (default 20000000)"),
    .value("seed", "S", "seed of the exponential draws (default 1)"),
  ]
  static let examples = ["swift run -c release cohortsim bench hold --pending 100000 --events 20000000"]

  let pending: Int
  let events: Int
  let seed: UInt64

  init(_ arguments: ParsedArguments) throws {
    guard try arguments.requirePositionals(["MODEL"]) == ["hold"] else {
      throw UsageError(
        message: "bench knows one model, 'hold'; got '\(arguments.positionals[0])'", command: Self.name)
    }
    pending = try arguments.integer("pending", in: 1...100_000_000) ?? 1000
    events = try arguments.integer("events", in: 1...Int(Int32.max) * 8) ?? 20_000_000
    seed = try arguments.seed("seed") ?? 1
  }

  func run() throws -> Int32 {
    var model = HoldModel(seed: seed)
    let clock = ContinuousClock()
    let start = clock.now
    let simulation = model.run(pending: pending, events: events)
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print("checksum=\(String(format: "%.6e", model.checksum)) executed=\(simulation.executedEvents)")
    print(
      "hold pending=\(pending) events=\(events) seconds=\(String(format: "%.3f", seconds)) "
        + "events_per_s=\(Int((Double(events) / seconds).rounded()))")
    return 0
  }
}
