/// The schema as the README's table and as CSV for `.ci/r-check`, so neither can drift from
/// the files cohortsim writes.
extension OutputSchema {
  /// One Markdown table per file, for README.md's "Output columns" section (a test keeps the
  /// README equal to this). A tail is one last row, "then one per …" in italics.
  public static var markdown: String {
    all.map { schema in
      "**`\(schema.file.rawValue)`**\(schema.folder == .run ? "" : " (\(schema.folder.rawValue) folder)")"
        + " — \(schema.meaning).\n\n| column | type | unit | meaning |\n|---|---|---|---|\n"
        + schema.columns.map { markdownRow("`\($0.name)`", $0) }.joined()
        + (schema.tail.map { markdownRow("*then one per \($0.each)*", $0.placeholderColumn) } ?? "")
    }.joined(separator: "\n")
  }

  private static func markdownRow(_ name: String, _ column: ColumnSchema) -> String {
    let type = column.type.rawValue + (column.missing ? ", may be missing" : "")
    let meaning = column.meaning.replacingOccurrences(of: "|", with: "\\|")
    return "| \(name) | \(type) | \(column.unit) | \(meaning) |\n"
  }

  /// `folder,file,column,tail,type,r_class,missing,unit,meaning`, one row per column: what the
  /// type check in CI compares R's and pandas' classes with.
  ///
  /// - `folder` is `run` (what `run` and `compare` write) or `sweep` (a folder holding
  ///   `design.csv`); a file's schema is the rows of its folder's kind and its name.
  /// - `tail` is `FALSE` for a fixed column, in file order, and `TRUE` for at most one last row
  ///   per file, whose `column` is a placeholder (`<factor path>`): every column after the fixed
  ///   ones, however many, has that row's type.
  public static var csv: String {
    CSVFormat.row(["folder", "file", "column", "tail", "type", "r_class", "missing", "unit", "meaning"])
      + all.flatMap { schema in
        schema.columns.map { csvRow(schema, $0, tail: false) }
          + (schema.tail.map { [csvRow(schema, $0.placeholderColumn, tail: true)] } ?? [])
      }.joined()
  }

  private static func csvRow(_ schema: FileSchema, _ column: ColumnSchema, tail: Bool) -> String {
    CSVFormat.row([
      schema.folder.rawValue, CSVFormat.text(schema.file.rawValue), CSVFormat.text(column.name),
      CSVFormat.boolean(tail), column.type.rawValue, column.type.rClass, CSVFormat.boolean(column.missing),
      CSVFormat.text(column.unit), CSVFormat.text(column.meaning),
    ])
  }
}
