import Experiments

/// `cohortsim help outputs`: every CSV file's columns with type, unit and meaning, from
/// `OutputSchema`, the definitions the writers use; `help outputs --csv` and `--markdown` print the same as CSV and as README.md's tables.
enum OutputsHelp {
  /// How a posterior run's folder differs, said once in the preamble.
  private static let posteriorRun =
    "A posterior run's ('run' or 'compare' with --posterior; its run.json records the posterior) summary.csv "
    + "and replications.csv have the columns listed as posterior-run, its other files a run's. "

  static var text: String {
    var text =
      "OUTPUT FILES\n\n"
      + wrap(
        "Every CSV is RFC 4180 with a header row and '.' decimals, written so that R's read.csv and "
          + "pandas.read_csv, with their defaults, give each column its type: logical as TRUE/FALSE (R logical, "
          + "pandas bool); integer without a decimal point, missing NA (R integer; pandas int64, or float64 "
          + "when the column holds an NA); numeric always with a decimal point or exponent, missing NaN (R "
          + "numeric, also when missing throughout; pandas float64); character as text, missing NA. seed is "
          + "exact in pandas but R rounds it to a double: use seed_hex there, which --seed and "
          + "--replication-seed accept. A folder holding design.csv is a sweep's: its replications.csv has "
          + "the sweep's columns; one holding posterior.csv is a calibration's ('cohortsim calibrate'). "
          + posteriorRun + "A file whose columns depend on the run (one per factor path, one per metric) "
          + "lists them last as '<factor path>' or '<metric>'. 'cohortsim help outputs --csv' prints this table "
          + "as CSV (with folder and tail columns for these two), '--markdown' as README.md's tables.",
        indent: "")
      + "\n"
    for schema in OutputSchema.all {
      text += "\n" + schema.title.uppercased() + "\n" + wrap(schema.meaning, indent: "  ") + "\n"
      for column in schema.columns + (schema.tail.map { [$0.placeholderColumn] } ?? []) {
        let type = column.type.rawValue + (column.missing ? ", may be missing" : "")
        let unit = column.unit.isEmpty ? "" : "; \(column.unit)"
        text += "  \(column.name) (\(type)\(unit))\n" + wrap(column.meaning, indent: "      ") + "\n"
      }
    }
    return text
  }
}
