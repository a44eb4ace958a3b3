/// The files of a calibration folder (`cohortsim calibrate`).
extension OutputSchema {
  static let generationColumn = ColumnSchema(
    "generation", .integer, "0-based ABC-SMC generation (0 is sampled from the prior)")

  public static var posterior: FileSchema {
    FileSchema(
      file: .posterior, folder: .calibrate,
      meaning: "one row per generation and accepted particle: its weight, distance and parameter values",
      columns: [
        generationColumn,
        ColumnSchema("particle", .integer, "0-based particle index within its generation"),
        ColumnSchema("weight", .numeric, "normalised importance weight (a generation's weights sum to 1)"),
        ColumnSchema(
          "distance", .numeric,
          "standardised distance: Euclidean norm over targets of |mean − centre| / (tolerance or half the range)"
        ),
      ],
      tail: ColumnTail(
        each: "parameter path", .numeric, unit: "the field's unit",
        "the particle's value of the scenario field at this path (a parameter of the targets file)"))
  }

  public static var posteriorSummary: FileSchema {
    FileSchema(
      file: .posteriorSummary, folder: .calibrate,
      meaning: "one row per parameter: the last generation's weighted posterior",
      columns: [
        ColumnSchema("parameter", .character, "the parameter's field path"),
        ColumnSchema("mean", .numeric, unit: "the field's unit", "weighted mean"),
        ColumnSchema(
          "sd", .numeric, unit: "the field's unit",
          "weighted standard deviation (NumPy's cov with aweights, ddof 1)"),
        ColumnSchema(
          "q025", .numeric, unit: "the field's unit",
          "weighted 2.5% quantile: the smallest value whose cumulative weight reaches 0.025"),
        ColumnSchema("q50", .numeric, unit: "the field's unit", "weighted median (what --apply writes)"),
        ColumnSchema("q975", .numeric, unit: "the field's unit", "weighted 97.5% quantile"),
      ])
  }

  public static var generations: FileSchema {
    FileSchema(
      file: .generations, folder: .calibrate,
      meaning: "one row per completed generation: its tolerance, acceptance and cost",
      columns: [
        generationColumn,
        ColumnSchema(
          "epsilon", .numeric,
          "tolerance: accepted particles have distance ≤ epsilon (the weighted median of the previous "
            + "generation's distances; for generation 0, of its first N prior proposals)"),
        ColumnSchema(
          "proposals", .integer,
          "proposals made up to the N-th acceptance, those outside the prior's support included"),
        ColumnSchema(
          "simulations", .integer, "proposals simulated (inside the prior's support), each R replications"),
        ColumnSchema("replications", .integer, "model replications run: simulations × R"),
        ColumnSchema("accepted", .integer, "accepted particles (N)"),
        ColumnSchema("acceptance_rate", .numeric, "accepted ÷ proposals"),
        ColumnSchema("ess", .numeric, "effective sample size (Σw)² / Σw²"),
      ])
  }

  public static var posteriorPredictive: FileSchema {
    FileSchema(
      file: .posteriorPredictive, folder: .calibrate,
      meaning:
        "one row per draw from the last generation (a particle picked by weight, simulated afresh with R "
        + "replications) and target: the metric's mean against the target's band",
      columns: [
        ColumnSchema("draw", .integer, "0-based draw index"),
        ColumnSchema("particle", .integer, "the particle drawn (its row in posterior.csv's last generation)"),
        ColumnSchema("metric", .character, "the target's metric (see 'cohortsim help metrics')"),
        strategy,
        ColumnSchema(
          "value", .numeric, unit: "metric's unit", missing: true,
          "mean of the metric over the draw's R replications; NaN when no replication has it"),
        ColumnSchema("low", .numeric, unit: "metric's unit", "the target band's low end"),
        ColumnSchema("high", .numeric, unit: "metric's unit", "the target band's high end"),
        ColumnSchema("inside", .logical, "whether value lies in [low, high]"),
        ColumnSchema(
          "scenario", .character,
          "the scenario's name whose target this is (a joint calibration has several; see 'help calibrate')"),
      ])
  }
}
