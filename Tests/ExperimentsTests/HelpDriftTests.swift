import Foundation
import TestSupport
import Testing

/// Help texts that had drifted from what the commands do (issue 29).
@Suite(
  "help that agrees with the commands", .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct HelpDriftTests {
  @Test("help strategies lists program-default, which --strategies accepts")
  func strategiesHelpListsProgramDefault() throws {
    let (status, stdout, _) = try runCohortsim(["help", "strategies"], in: temporaryDirectory())
    #expect(status == 0)
    #expect(stdout.contains("program-default"))
  }

  @Test("run's --shard help names every file a shard writes, outcomes.csv included")
  func shardHelpNamesOutcomes() throws {
    let (status, stdout, _) = try runCohortsim(["help", "run"], in: temporaryDirectory())
    #expect(status == 0)
    let flat = stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(flat.contains("replications.csv, outcomes.csv and run.json"))
  }
}
