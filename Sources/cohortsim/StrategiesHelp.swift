import CohortModel

/// `cohortsim help strategies`: the placement strategies by name, from the model's own list, so
/// the help cannot disagree with what `--strategies` and scenarios accept.
enum StrategiesHelp {
  static var text: String {
    var text =
      "PLACEMENT STRATEGIES\n\n"
      + wrap(
        "How a program assigns its students to clinical sites for each rotation. Name them in a scenario's "
          + "\"strategies\" list, a program's \"strategy\", or --strategies a,b,c. Every strategy respects each "
          + "site's capacity and the program's placement radius; under one seed, all strategies see the same "
          + "students, sites, budgets and exam luck (common random numbers). To add one, write a type "
          + "conforming to PlacementStrategy in Sources/CohortModel/Strategies/ and list it in "
          + "PlacementStrategies.all.", indent: "") + "\n\n"
    for strategy in PlacementStrategies.all {
      text +=
        "  " + strategy.name.padding(toLength: 26, withPad: " ", startingAt: 0) + strategy.summary + "\n"
    }
    // Accepted by --strategies (and what a run without a strategy list reports), though no type.
    text +=
      "  " + PlacementStrategies.programDefault.padding(toLength: 26, withPad: " ", startingAt: 0)
      + "each program its own \"strategy\" (the default when a scenario lists no \"strategies\")\n"
    return text
  }
}
