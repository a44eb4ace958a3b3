import Experiments
import Foundation
import TestSupport
import Testing

@Suite("input that could mean two things is refused, not read one way silently")
struct AmbiguousInputTests {
  @Test("a design with a key given twice is refused with the key's line and column")
  func duplicateDesignKeyRefused() {
    let json = "{\"method\": \"lhs\", \"samples\": 3, \"samples\": 4,\n \"factors\": []}"
    #expect {
      _ = try SweepDesign.decode(Data(json.utf8), file: "design.json")
    } throws: { error in
      (error as? SweepError)?.message.hasPrefix(
        "design.json: samples: line 1, column 33: the key \"samples\" appears twice") == true
    }
  }

  @Test("a design that is not JSON is refused with the line and column of the fault")
  func designSyntaxErrorHasPlace() {
    #expect {
      _ = try SweepDesign.decode(Data("{\"method\": \"lhs\",\n \"samples\": 3,, }".utf8), file: "design.json")
    } throws: { error in
      (error as? SweepError)?.message.hasPrefix("design.json: line 2, column 15:") == true
    }
  }
}

@Suite(
  "options that cannot be honoured as typed are refused",
  .enabled(if: cohortsimExecutable != nil, "cohortsim is not built"))
struct RepeatedOptionTests {
  @Test("an option given twice exits 2 naming it, and nothing is written")
  func repeatedOptionRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(
      ["run", "tiny.json", "--seed", "1", "--seed", "2", "--replications", "1", "--out", "out"], in: directory
    )
    #expect(status == 2)
    #expect(stderr.contains("--seed is given twice"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("compare --select-best with a replication cap below its first stage exits 2 naming the cap")
  func selectBestCapBelowFirstStageRefused() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    _ = try tinyScenarioFile(in: directory)
    let (status, _, stderr) = try runCohortsim(
      [
        "compare", "tiny.json", "--strategies", "nearest-to-home,random", "--select-best", "placed_6m",
        "--indifference", "0.01", "--max-replications", "2", "--out", "out", "--quiet",
      ], in: directory)
    #expect(status == 2)
    #expect(stderr.contains("--max-replications 2 is below the 10 first-stage replications"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }
}
