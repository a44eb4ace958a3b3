import Foundation
import Report

/// The error `HTMLReport.build` throws for `folder`, or nil when it succeeds.
func reportError(_ folder: String) -> ReportError? {
  do {
    _ = try HTMLReport.build(directory: folder)
    return nil
  } catch {
    return error
  }
}

/// The substrings of `text` between `start` and the next `end`, in order.
func pieces(of text: String, from start: String, to end: String) -> [String] {
  var found: [String] = []
  var rest = text[...]
  while let open = rest.range(of: start) {
    guard let close = rest[open.upperBound...].range(of: end) else { break }
    found.append(String(rest[open.lowerBound..<close.upperBound]))
    rest = rest[close.upperBound...]
  }
  return found
}
