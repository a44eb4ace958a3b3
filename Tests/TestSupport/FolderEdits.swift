import CohortModel
import Experiments
import Foundation

/// A compare folder of the tiny scenario: two strategies, three replications, students.csv.
/// Returns the temporary root (to delete) and the folder.
public func reportFixture(_ label: String = #function) throws -> (root: String, folder: String) {
  let root = temporaryDirectory(label)
  var plan = try tinyPlan(in: root, replications: 3, strategies: ["nearest-to-home", "random"])
  plan.reference = "nearest-to-home"
  plan.writeStudents = true
  _ = try completedReport(ExperimentRunner(plan: plan))
  return (root, plan.outputDirectory)
}

/// Removes the output `name` from `folder`, and from run.json's `"files"` record when it has one,
/// so the folder stays consistent: a run without that file.
public func removeOutput(_ name: String, in folder: String) throws {
  try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
  let path = (folder as NSString).appendingPathComponent("run.json")
  guard
    var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
      as? [String: Any],
    var files = object["files"] as? [String: Any]
  else { return }
  files[name] = nil
  object["files"] = files
  try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(
    to: URL(fileURLWithPath: path))
}

/// Writes `text` as `name` in `folder` and, when run.json lists `name` under `"files"`, records
/// its new size and SHA-256 there: the folder of a run that wrote this text.
public func writeFile(_ text: String, _ name: String, in folder: String) throws {
  try tamper(text, name, in: folder)
  let path = (folder as NSString).appendingPathComponent("run.json")
  guard let record = FileManager.default.contents(atPath: path),
    var object = try JSONSerialization.jsonObject(with: record) as? [String: Any],
    var files = object["files"] as? [String: Any], files[name] != nil
  else { return }
  files[name] = ["bytes": text.utf8.count, "sha256": SHA256.hexDigest(of: Data(text.utf8))]
  object["files"] = files
  try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(
    to: URL(fileURLWithPath: path))
}

/// Writes `text` as `name` in `folder` and nothing else: a file changed after its run.
public func tamper(_ text: String, _ name: String, in folder: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
}

public func readFile(_ name: String, in folder: String) -> String {
  String(
    decoding: FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
      ?? Data(), as: UTF8.self)
}

/// Adds a `"files"` block to the folder's run.json with the true size and SHA-256 of `names`.
public func recordHashes(_ names: [String], in folder: String) throws {
  let path = (folder as NSString).appendingPathComponent("run.json")
  var object =
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
  var files: [String: Any] = [:]
  for name in names {
    let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))!
    files[name] = ["bytes": data.count, "sha256": SHA256.hexDigest(of: data)]
  }
  object["files"] = files
  try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(
    to: URL(fileURLWithPath: path))
}
