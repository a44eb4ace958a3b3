import InputFormats
import Testing

@Suite("input files are regular files of a sensible size")
struct InputFileTests {
  @Test(
    "a device, a folder and a missing path are refused before reading",
    arguments: [
      ("/dev/null", "is not a regular file"), ("/dev/zero", "is not a regular file"), ("/", "is a folder"),
      ("/nonexistent/x.json", "no such file"),
    ])
  func refused(path: String, phrase: String) {
    guard case .failure(let problem) = InputFile.read(path) else {
      Issue.record("\(path) was read")
      return
    }
    #expect(problem.description.hasPrefix(phrase))
  }
}
