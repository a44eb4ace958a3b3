import CohortModel

/// `cohortsim help metrics`: every metric's column name and definition, in output order, from
/// `Metric.definition`, so the help and the model cannot disagree.
enum MetricsHelp {
  static var text: String {
    var text =
      "METRICS\n\n"
      + wrap(
        "Each replication reports these figures, in this order: the columns of replications.csv and the "
          + "'metric' values of summary.csv and comparison.csv. A missing value (NaN in the CSVs) means the replication had no data for "
          + "the figure; it is left out of n. 'help metrics --csv' prints each metric's display name (as the report, "
          + "the console tables and the notebooks name it), scale and better direction.", indent: "") + "\n\n"
    for metric in Metric.allCases {
      text += "  \(metric.rawValue)\n" + wrap(metric.definition, indent: "      ") + "\n"
    }
    return text
  }
}
