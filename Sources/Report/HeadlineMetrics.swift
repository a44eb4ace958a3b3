import Experiments

/// The figures at the top of the report, in order. Each lists the metrics that can supply it,
/// preferred first, so that a newer metric (`placed_6m_seeking`, `hired_at_rotation_site`)
/// takes over as soon as a folder has it and older folders still get a figure.
///
/// To add a headline figure, add an entry here; nothing else needs to change.
struct HeadlineFigure {
  /// One way of computing the figure: the sum of `metrics` (usually one), and who it is about.
  struct Source {
    var metrics: [String]
    /// The people the figure counts, as a sentence needs them ("graduates seeking work").
    var subject: String
    /// How this source differs from the preferred one, for the page; empty for the preferred.
    var caveat: String = ""
    /// Replaces the figure's predicate when this source measures something narrower or wider.
    var predicate: String? = nil
  }

  enum Unit {
    /// A share of `subject`; `predicate` completes "About 7 in 10 graduates …".
    case share(predicate: String)
    /// Days; `phrase` opens the sentence ("The median accepted offer is made").
    case days(phrase: String)
  }

  var label: String
  var sources: [Source]
  var unit: Unit

  /// Each label says who is counted, so that a card, the curve and a sentence about the same
  /// concept show the same number: "Working within 6 months (all graduates)" is placed_6m, which
  /// is also the hiring curve's value at 183 days (time_to_offer.csv counts the same job starts
  /// over the same graduates).
  static let all: [HeadlineFigure] = [
    HeadlineFigure(
      label: "Working within 6 months (all graduates)",
      sources: [Source(metrics: ["placed_6m"], subject: "graduates")],
      unit: .share(predicate: "have started a sonography job within 6 months (183 days) of graduating")),
    HeadlineFigure(
      label: "Working within 6 months (graduates seeking work)",
      sources: [Source(metrics: ["placed_6m_seeking"], subject: "graduates seeking work")],
      unit: .share(
        predicate:
          "have started a sonography job within 6 months of graduating, as accreditors count placement")),
    HeadlineFigure(
      label: "Working within 12 months (graduates seeking work)",
      sources: [
        Source(metrics: ["placed_12m_seeking"], subject: "graduates seeking work"),
        Source(
          metrics: ["placed_12m"], subject: "graduates",
          caveat:
            "counts every graduate, including those not seeking work (this folder predates the seekers' figure)"
        ),
      ],
      unit: .share(predicate: "have started a sonography job within 12 months of graduating")),
    HeadlineFigure(
      label: "Hired at a rotation site",
      sources: [
        Source(
          metrics: ["hired_at_rotation_site"], subject: "hires",
          predicate: "are at a site where the student rotated"),
        Source(
          metrics: ["offer_own_site", "offer_same_system"], subject: "hires",
          caveat:
            "offers from the student's own rotation site or its hospital system; open-market offers at a former "
            + "rotation site are not counted"),
      ],
      unit: .share(
        predicate: "come from a rotation site or, on its word, another site of its hospital system")),
    HeadlineFigure(
      label: "Median time to an accepted offer",
      sources: [Source(metrics: ["days_to_offer_median"], subject: "graduates who accepted an offer")],
      unit: .days(phrase: "The median accepted offer is made")),
  ]

  /// The first source whose metrics the results hold, with its estimate for `strategy`.
  func resolve(_ results: ResultEstimates, strategy: String) -> (Source, IntervalEstimate)? {
    for source in sources where source.metrics.allSatisfy(results.has) {
      if let estimate = results.estimate(strategy, sumOf: source.metrics) { return (source, estimate) }
    }
    return nil
  }

  /// The figure as a number with its interval: `67% (66–68%)` or `39 days (37–41)`.
  func value(_ estimate: IntervalEstimate) -> String {
    switch unit {
    case .share:
      "\(HTMLText.percent(estimate.mean)) (\(HTMLText.fixed(estimate.low * 100, 0))–\(HTMLText.percent(estimate.high)))"
    case .days: DaysText.relative(estimate)
    }
  }

  /// The plain-language reading of the figure.
  func reading(_ source: Source, _ estimate: IntervalEstimate) -> String {
    switch unit {
    case .share(let predicate):
      return
        "\(ReadingText.inTen(estimate.mean)) \(source.subject) \(source.predicate ?? predicate) (95% interval "
        + "\(HTMLText.fixed(estimate.low * 100, 0))–\(HTMLText.percent(estimate.high)))."
    case .days(let phrase):
      return "\(phrase) \(DaysText.relative(estimate, long: true))."
    }
  }
}

/// Phrases that turn numbers into words a dean reads aloud.
enum ReadingText {
  /// `0.674` → "About 7 in 10".
  static func inTen(_ share: Double) -> String {
    guard share.isFinite else { return "An unknown share of" }
    let tenths = Int((share * 10).rounded())
    if tenths >= 10 { return share >= 0.995 ? "All" : "Nearly all" }
    if tenths <= 0 { return share <= 0.005 ? "None of the" : "Almost none of the" }
    return "About \(tenths) in 10"
  }
}

/// Days relative to graduation in words: "59 days before graduation (55–62)", never "−59 days".
enum DaysText {
  /// The estimate with its interval; `long` spells the interval out ("95% interval 55 to 62 days").
  static func relative(_ estimate: IntervalEstimate, long: Bool = false) -> String {
    let (mean, low, high) = (estimate.mean, estimate.low, estimate.high)
    guard mean.isFinite else { return "not available" }
    // Under half a day either side reads as the day itself, not "0 days before graduation".
    if abs(mean) < 0.5 && !low.isFinite { return "on graduation day" }
    let when = mean < 0 ? "before graduation" : "after graduation"
    let head = "\(HTMLText.fixed(abs(mean), 0)) days \(when)"
    guard low.isFinite, high.isFinite else { return head }
    // Both ends on the mean's side: the interval as magnitudes, nearest graduation first.
    if (low < 0) == (mean < 0) && (high < 0) == (mean < 0) {
      let ends = [abs(low), abs(high)].sorted()
      return long
        ? "\(head) (95% interval \(HTMLText.fixed(ends[0], 0)) to \(HTMLText.fixed(ends[1], 0)) days)"
        : "\(head) (\(HTMLText.fixed(ends[0], 0))–\(HTMLText.fixed(ends[1], 0)))"
    }
    return "\(head) (95% interval from \(HTMLText.fixed(abs(low), 0)) days before to "
      + "\(HTMLText.fixed(abs(high), 0)) days after)"
  }
}
