import CohortModel
import Experiments
import Foundation
import TestSupport
import Testing

/// Every field a run writes is spelled in the one form of its column's schema type, the form R's
/// `read.csv` and pandas type correctly with their defaults (`.ci/r-check` checks the readers
/// themselves).
@Suite("output schema")
struct OutputSchemaTests {
  /// Whether `field` is written as `type` is (`CSVFormat`).
  static func spelled(_ field: String, as type: ColumnType, missing: Bool) -> Bool {
    func integerDigits(_ text: Substring) -> Bool {
      !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
    switch type {
    case .logical: return field == "TRUE" || field == "FALSE"
    case .integer:
      if field == CSVFormat.missing { return missing }
      return integerDigits(field.hasPrefix("-") ? field.dropFirst() : field[...])
    case .integer64: return UInt64(field) != nil
    case .numeric:
      if field == CSVFormat.missingNumber { return missing }
      if ["Inf", "-Inf"].contains(field) { return true }
      return Double(field) != nil && (field.contains(".") || field.contains("e"))
    case .character: return field != CSVFormat.missing || missing
    }
  }

  @Test("every field of every CSV a run and a comparison write is spelled as its schema type")
  func fieldsMatchSchema() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    var plan = try tinyPlan(
      in: directory, replications: 3, strategies: ["nearest-to-home", "random"], jobs: 2)
    plan.reference = "nearest-to-home"
    plan.writeStudents = true
    plan.writeTrace = true
    let runner = ExperimentRunner(plan: plan)
    _ = try completedReport(runner)
    for schema in OutputSchema.all where schema.folder == .run && runner.outputFiles.contains(schema.file) {
      let text = String(decoding: contents(plan.outputDirectory, schema.file) ?? Data(), as: UTF8.self)
      let rows = OutputContractTests.parse(text)
      #expect(rows.first == schema.names, "\(schema.file.rawValue) header")
      #expect(rows.count > 1, "\(schema.file.rawValue) has no rows")
      for (line, row) in rows.enumerated().dropFirst() {
        for (column, field) in zip(schema.columns, row)
        where !Self.spelled(field, as: column.type, missing: column.missing) {
          Issue.record(
            "\(schema.file.rawValue) line \(line + 1), column \(column.name): '\(field)' is not \(column.type)"
          )
        }
      }
    }
  }

  @Test("seed_hex is the hex form of the seed beside it")
  func seedHexMatchesSeed() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 3, strategies: ["a"])
    _ = try completedReport(ExperimentRunner(plan: plan, replicate: syntheticModel()))
    let rows = OutputContractTests.parse(
      String(decoding: contents(plan.outputDirectory, .replications)!, as: UTF8.self)
    ).dropFirst()
    #expect(rows.count == 3)
    for row in rows { #expect(CSVFormat.seed(row[3]) == UInt64(row[2])) }
  }

  @Test("a run with a replication's seed reproduces that replication's row")
  func replicationSeedReruns() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let plan = try tinyPlan(in: directory, replications: 3, strategies: ["nearest-to-home", "random"])
    _ = try completedReport(ExperimentRunner(plan: plan))
    let original = OutputContractTests.parse(
      String(decoding: contents(plan.outputDirectory, .replications)!, as: UTF8.self))
    let third = original.filter { $0[1] == "2" }
    var rerun = plan
    rerun.replicationSeed = CSVFormat.seed(third[0][3])
    rerun.replications = 1
    rerun.outputDirectory = directory + "/rerun"
    _ = try completedReport(ExperimentRunner(plan: rerun))
    let again = OutputContractTests.parse(
      String(decoding: contents(rerun.outputDirectory, .replications)!, as: UTF8.self)
    ).dropFirst()
    #expect(again.map { Array($0.dropFirst(2)) } == third.map { Array($0.dropFirst(2)) })
    #expect(again.map { $0[1] } == ["0", "0"])
  }

  @Test("the schema names each column once per file and gives every column a meaning")
  func schemaIsWellFormed() {
    for schema in OutputSchema.all {
      #expect(Set(schema.names).count == schema.names.count, "\(schema.title) repeats a column")
      #expect(schema.columns.allSatisfy { !$0.meaning.isEmpty }, "\(schema.title)")
      if let tail = schema.tail {
        #expect(!tail.meaning.isEmpty && !schema.names.contains(tail.placeholder), "\(schema.title)")
      }
    }
    let keys = OutputSchema.all.map { "\($0.folder)/\($0.file.rawValue)" }
    #expect(Set(keys).count == keys.count, "a file has two schemas in one folder kind")
    #expect(Set(OutputSchema.all.map(\.file)) == Set(OutputFile.allCases.filter { $0 != .provenance }))
  }

  @Test(
    "every field of every CSV a sweep writes, its factor and metric columns too, is spelled as its schema type"
  )
  func sweepFieldsMatchSchema() throws {
    let directory = temporaryDirectory()
    defer { removeTemporaryDirectory(directory) }
    let factors = [
      SweepFactor(path: "a", lower: 0, upper: 1), SweepFactor(path: "b[0].c", lower: 2, upper: 6),
    ]
    let design = SweepDesign(method: .morris, samples: 3, levels: 4, seed: 5, factors: factors)
    let plan = sweepPlan(design, in: directory, replications: 2)
    let evaluator = CountingEvaluator()
    _ = try SweepRunner(plan: plan, evaluator: evaluator).run()
    Self.expectFieldsMatchSchemas(
      of: .sweep, in: plan.outputDirectory,
      tails: [.design: factors.map(\.path), .replications: evaluator.metrics])
  }

  /// Checks every CSV file the schemas list for a `folder` kind in `directory`: its header is the
  /// schema's (with the variable `tails` named per file), it has rows, and every field is spelled
  /// as its column's type.
  static func expectFieldsMatchSchemas(
    of folder: OutputFolder, in directory: String, tails: [OutputFile: [String]],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for schema in OutputSchema.all where schema.folder == folder {
      let text = String(decoding: contents(directory, schema.file) ?? Data(), as: UTF8.self)
      let rows = OutputContractTests.parse(text)
      let tail = tails[schema.file] ?? []
      #expect((schema.tail == nil) == tail.isEmpty, "\(schema.title) tail", sourceLocation: sourceLocation)
      #expect(
        rows.first == schema.header(tail: tail), "\(schema.title) header", sourceLocation: sourceLocation)
      #expect(rows.count > 1, "\(schema.title) has no rows", sourceLocation: sourceLocation)
      let columns = schema.columns + (schema.tail?.columns(named: tail) ?? [])
      for (line, row) in rows.enumerated().dropFirst() {
        #expect(
          row.count == columns.count, "\(schema.title) line \(line + 1)", sourceLocation: sourceLocation)
        for (column, field) in zip(columns, row)
        where !spelled(field, as: column.type, missing: column.missing) {
          Issue.record(
            "\(schema.title) line \(line + 1), column \(column.name): '\(field)' is not \(column.type)",
            sourceLocation: sourceLocation)
        }
      }
    }
  }

  @Test("help outputs --csv marks each file's variable columns as one tail row, after its fixed ones")
  func csvMarksTails() {
    let rows = OutputContractTests.parse(OutputSchema.csv)
    #expect(
      rows.first == ["folder", "file", "column", "tail", "type", "r_class", "missing", "unit", "meaning"])
    for schema in OutputSchema.all {
      let own = rows.dropFirst().filter { $0[0] == schema.folder.rawValue && $0[1] == schema.file.rawValue }
      #expect(
        own.map { $0[2] } == schema.names + (schema.tail.map { [$0.placeholder] } ?? []), "\(schema.title)")
      #expect(own.map { $0[3] } == schema.names.map { _ in "FALSE" } + (schema.tail == nil ? [] : ["TRUE"]))
    }
  }

  @Test("README.md's output tables are the schema's, as 'cohortsim help outputs --markdown' prints them")
  func readmeTablesMatchSchema() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let start = "<!-- generated by: cohortsim help outputs --markdown -->\n"
    let end = "<!-- end of generated tables -->"
    let tables = try #require(
      readme.range(of: start).flatMap { begin in
        readme.range(of: end, range: begin.upperBound..<readme.endIndex).map {
          readme[begin.upperBound..<$0.lowerBound]
        }
      })
    #expect(String(tables) == OutputSchema.markdown)
  }
}

@Suite("documented units and names")
struct DocumentedUnitsTests {
  @Test("every metric counted in days has the unit days in the output schema")
  func dayMetricsAreInDays() {
    let columns = OutputSchema.replications.columns.filter { Metric(rawValue: $0.name) != nil }
    #expect(columns.count == Metric.allCases.count)
    for column in columns where column.name.contains("days") {
      #expect(column.unit == "days", "\(column.name)")
    }
  }
}
