/// The headline: each figure of `HeadlineFigure.all` for the focus strategy as a card with its
/// sentence, and, for a comparison, a table of every strategy.
enum HeadlineSection {
  static func make(_ context: ReportContext) -> ReportSection {
    var cards = ""
    var caveats: [String] = []
    var header = ["Strategy"]
    var rows = context.strategies.map { [$0] }
    for figure in HeadlineFigure.all {
      guard let (source, estimate) = figure.resolve(context.results, strategy: context.focus) else {
        continue
      }
      let label = source.caveat.isEmpty ? figure.label : figure.label + "*"
      if !source.caveat.isEmpty { caveats.append("\(figure.label): \(source.caveat).") }
      cards +=
        "<div class=\"card\"><p class=\"card-label\">\(HTMLText.escape(label))</p>"
        + "<p class=\"card-value\">\(HTMLText.escape(figure.value(estimate)))</p>"
        + (context.posterior?.cardLines(
          figure, metrics: source.metrics, strategy: context.focus, fixed: estimate)
          ?? "")
        + "<p class=\"card-reading\">\(HTMLText.escape(context.underFocus + lowerFirst(figure.reading(source, estimate), context)))</p></div>\n"
      header.append(label)
      for (index, strategy) in context.strategies.enumerated() {
        rows[index].append(
          context.results.estimate(strategy, sumOf: source.metrics).map(figure.value) ?? "NA")
      }
    }
    guard !cards.isEmpty else {
      return .omitted(
        id: "headline", title: "Headline",
        because:
          "the folder has none of the headline metrics (\(HeadlineFigure.all.flatMap(\.sources).flatMap(\.metrics).joined(separator: ", ")))."
      )
    }
    var html = "<div class=\"cards\">\n\(cards)</div>\n"
    if let posterior = context.posterior { html += posterior.note }
    if !caveats.isEmpty {
      html += "<p class=\"note\">* " + caveats.map(HTMLText.escape).joined(separator: " ") + "</p>\n"
    }
    html +=
      "<p class=\"note\">Means over replications with 95% intervals (Student t); each replication is one "
      + "simulated run of every cohort in the scenario.</p>\n"
    if context.strategies.count > 1 {
      html += DataTable(header: header, rows: rows, caption: "Every strategy").html
    }
    return ReportSection(id: "headline", title: "Headline", html: html)
  }

  /// Lower-cases the sentence's first letter after "Under X, " so it reads as one sentence.
  private static func lowerFirst(_ sentence: String, _ context: ReportContext) -> String {
    guard !context.underFocus.isEmpty, let first = sentence.first else { return sentence }
    return first.lowercased() + sentence.dropFirst()
  }
}
