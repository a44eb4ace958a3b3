import CohortModel
import Foundation
import Testing

@testable import Experiments

@Suite("metric display names: one table for the report, the console and the notebooks")
struct MetricDisplayTests {
  @Test("notebooks/metric_names.csv is what 'cohortsim help metrics --csv' prints")
  func notebookTableIsCurrent() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let committed = try String(
      contentsOf: root.appendingPathComponent("notebooks/metric_names.csv"), encoding: .utf8)
    #expect(
      committed == MetricDisplay.csv, "regenerate: cohortsim help metrics --csv > notebooks/metric_names.csv")
  }

  @Test("every metric and every yearly figure of timeline.csv has a display name that is not its identifier")
  func everyFigureHasAName() {
    for metric in Metric.allCases {
      #expect(metric.display.name != metric.rawValue && !metric.display.name.contains("_"), "\(metric)")
    }
    for figure in TimelineMetric.all {
      #expect(MetricDisplay.name(of: figure.name) != figure.name, "\(figure.name)")
    }
  }

  @Test("display names are unique, so no two figures are confused")
  func namesAreUnique() {
    let names = Metric.allCases.map(\.display.name)
    #expect(Set(names).count == names.count)
  }
}
