import Experiments
import Foundation
import TestSupport
import Testing

/// Sets run.json's `"files"` entry for `name` to `bytes` and `sha256`, keeping the others.
private func list(_ name: String, bytes: Int, sha256: String, in folder: String) throws {
  let path = (folder as NSString).appendingPathComponent("run.json")
  var object =
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
  var files = object["files"] as? [String: Any] ?? [:]
  files[name] = ["bytes": bytes, "sha256": sha256]
  object["files"] = files
  try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(
    to: URL(fileURLWithPath: path))
}

@Suite("the files a run.json lists are checked cheaply and never outside the folder")
struct ListedFilesTests {
  @Test("check refuses a listed file of the wrong size at once, by its size, without hashing it")
  func wrongSizeRefusedWithoutHashing() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    // A 4 GB sparse replications.csv: hashing it would take minutes.
    let path = folder + "/replications.csv"
    #expect(truncate(path, 4 << 30) == 0)
    let started = Date()
    #expect {
      _ = try Baseline.read(from: folder)
    } throws: { error in
      let problem = (error as? BaselineError)?.problem ?? ""
      return problem.contains("replications.csv does not match") && problem.contains("\(4 << 30) bytes")
        && !problem.contains("SHA-256")
    }
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test("reading a folder back refuses a run.json listing a file outside the folder, naming the name")
  func readingRefusesPathOutOfFolder() throws {
    let (root, folder) = try reportFixture()
    defer { removeTemporaryDirectory(root) }
    try list("../../../../etc/passwd", bytes: 1, sha256: String(repeating: "0", count: 64), in: folder)
    #expect {
      _ = try ResultsFolderContents(directory: folder)
    } throws: { error in
      (error as? FolderReadError)?.problem.contains("\"../../../../etc/passwd\", which is not a file name")
        == true
    }
  }
}
