import Foundation

/// The built `cohortsim` executable, which SwiftPM puts beside the test bundle.
public let cohortsimExecutable: URL? = {
  let directory = Bundle.main.bundleURL.deletingLastPathComponent()
  let candidates = [
    directory.appendingPathComponent("cohortsim"), Bundle.main.bundleURL.appendingPathComponent("cohortsim"),
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// Starts `cohortsim` with `arguments`; its output goes to files so no pipe can fill up.
public func launchCohortsim(_ arguments: [String], in directory: String) throws -> (
  Process, stdout: URL, stderr: URL
) {
  guard let executable = cohortsimExecutable else {
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "cohortsim beside the test bundle"])
  }
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  let stdout = URL(fileURLWithPath: directory + "/.stdout")
  let stderr = URL(fileURLWithPath: directory + "/.stderr")
  try Data().write(to: stdout)
  try Data().write(to: stderr)
  process.standardOutput = try FileHandle(forWritingTo: stdout)
  process.standardError = try FileHandle(forWritingTo: stderr)
  try process.run()
  return (process, stdout, stderr)
}

/// Runs `cohortsim` to the end: exit status, standard output, standard error.
public func runCohortsim(_ arguments: [String], in directory: String) throws -> (Int32, String, String) {
  let (process, stdout, stderr) = try launchCohortsim(arguments, in: directory)
  process.waitUntilExit()
  let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
  return (process.terminationStatus, read(stdout), read(stderr))
}
