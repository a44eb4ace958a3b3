/// The page's stylesheet, inline so the page is one file. Sized in rem and percentages so it
/// narrows to a phone; charts scale with their `viewBox`; print rules keep each chart on one page
/// of A4 or Letter (`size: auto` lets the printer's paper decide).
enum ReportStyle {
  static let css = """
    :root { color-scheme: light; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111;
      background: #fff; line-height: 1.45; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.5rem 0; }
    h2 { font-size: 1.3rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; margin-top: 2.2rem; }
    h3 { font-size: 1.05rem; margin-top: 1.5rem; }
    .lede { font-size: 1.05rem; }
    nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; padding-left: 0; margin: 0.5rem 0; list-style-position: inside; }
    a { color: #0057a0; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; }
    .card { border: 1px solid #bbb; border-left: 5px solid #0072B2; border-radius: 4px; padding: 0.6rem 0.8rem; }
    .card p { margin: 0.2rem 0; }
    .card-label { font-weight: 600; }
    .card-value { font-size: 1.35rem; font-weight: 700; }
    .card-reading { font-size: 0.92rem; }
    .card-interval { font-size: 0.85rem; color: #333; }
    .posterior-decision { border-left: 5px solid #009E73; padding: 0.3rem 0.8rem; }
    .decision { border: 2px solid #0072B2; border-radius: 6px; padding: 0.6rem 1rem; background: #f4f9fd; }
    .decision .advice { font-size: 1.08rem; }
    .decision dt { font-weight: 700; margin-top: 0.6rem; }
    .decision dd { margin: 0.15rem 0 0 0; }
    .note { font-size: 0.88rem; color: #333; }
    figure { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
    figcaption { margin-top: 0.3rem; }
    svg.chart { display: block; width: 100%; height: auto; max-width: 46rem; font-size: 12px; }
    svg.chart text { fill: #222; font-family: inherit; }
    svg.chart .axis-title { font-size: 13px; font-weight: 600; }
    svg.chart .grid { stroke: #e2e2e2; stroke-width: 1; }
    svg.chart .axis { stroke: #333; stroke-width: 1; }
    svg.chart .zero { stroke: #333; stroke-width: 1.5; stroke-dasharray: 4 3; }
    svg.chart .band { fill-opacity: 0.18; stroke: none; }
    svg.chart .series { fill: none; stroke-width: 2.5; }
    svg.chart .whisker { stroke: #222; stroke-width: 1.5; }
    svg.chart .point { fill: #fff; stroke: #222; stroke-width: 2; }
    svg.chart .point.clear { fill: #222; }
    svg.chart .bar { stroke: #fff; stroke-width: 0.5; }
    svg.chart .interval { fill: #999; fill-opacity: 0.22; stroke: none; }
    svg.chart .prior { fill: none; stroke-width: 2; }
    svg.chart .median { stroke: #111; stroke-width: 2; }
    svg.chart .target { fill: #009E73; fill-opacity: 0.25; stroke: #009E73; stroke-width: 1; }
    svg.chart .site { fill: #fff; stroke: #555; stroke-width: 1; }
    svg.chart .hires { fill: #0072B2; fill-opacity: 0.55; stroke: #0072B2; stroke-width: 1; }
    svg.chart .hires.affiliate { stroke: #222; stroke-width: 2; }
    svg.chart .employer { fill: #999; stroke: none; }
    svg.chart .program { fill: #D55E00; stroke: #222; stroke-width: 1; }
    svg.chart .scale-bar { stroke: #111; stroke-width: 2; }
    svg.chart .map-label { font-size: 13px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    details { margin: 0.4rem 0; }
    summary { cursor: pointer; color: #0057a0; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
    th, td { border: 1px solid #ccc; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
    td:not(:first-child) { font-variant-numeric: tabular-nums; }
    thead th { background: #f0f0f0; }
    ul.stress li { margin: 0.25rem 0; }
    footer { margin-top: 2.5rem; font-size: 0.85rem; color: #333; border-top: 1px solid #ccc; }
    .chart-wrap { overflow-x: auto; }
    @media (max-width: 40rem) {
      body { padding: 0.6rem; font-size: 0.95rem; }
      h1 { font-size: 1.35rem; }
      table { font-size: 0.78rem; }
      /* A wide table scrolls inside its box with the row names kept in view. */
      .table-wrap th:first-child, .table-wrap td:first-child { position: sticky; left: 0; background: #fff;
        box-shadow: 1px 0 0 #ccc; }
      .table-wrap thead th:first-child { background: #f0f0f0; }
      /* Drawn 720 units wide: kept at least 38rem so that its 12-unit text stays about 10 px tall;
         the chart scrolls sideways inside its box, the page does not. */
      svg.chart { min-width: 38rem; }
    }
    @media print {
      @page { size: auto; margin: 14mm; }
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      nav { display: none; }
      h2 { break-after: avoid; page-break-after: avoid; }
      svg.chart { max-width: 100%; max-height: 230mm; min-width: 0; }
      .chart-wrap { overflow: visible; }
      .decision, .card, .map, tr, dl > dd { break-inside: avoid; page-break-inside: avoid; }
      dt, h3 { break-after: avoid; page-break-after: avoid; }
      .table-wrap { overflow: visible; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
