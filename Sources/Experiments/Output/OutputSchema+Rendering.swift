/// The schema as the README's table and as CSV for `.ci/r-check`, so neither can drift from
/// the files cohortsim writes.
extension OutputSchema {
  /// One Markdown table per file, for README.md's "Output columns" section (a test keeps the
  /// README equal to this).
  public static var markdown: String {
    all.map { schema in
      "**`\(schema.file.rawValue)`** — \(schema.meaning).\n\n| column | type | unit | meaning |\n|---|---|---|---|\n"
        + schema.columns.map { column in
          let type = column.type.rawValue + (column.missing ? ", may be missing" : "")
          let meaning = column.meaning.replacingOccurrences(of: "|", with: "\\|")
          return "| `\(column.name)` | \(type) | \(column.unit) | \(meaning) |\n"
        }.joined()
    }.joined(separator: "\n")
  }

  /// `file,column,type,r_class,missing,unit,meaning`, one row per column: what the type check
  /// in CI compares R's and pandas' classes with.
  public static var csv: String {
    CSVFormat.row(["file", "column", "type", "r_class", "missing", "unit", "meaning"])
      + all.flatMap { schema in
        schema.columns.map { column in
          CSVFormat.row([
            CSVFormat.text(schema.file.rawValue), CSVFormat.text(column.name), column.type.rawValue,
            column.type.rClass, CSVFormat.boolean(column.missing), CSVFormat.text(column.unit),
            CSVFormat.text(column.meaning),
          ])
        }
      }.joined()
  }
}
