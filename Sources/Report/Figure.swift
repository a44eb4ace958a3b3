/// One chart of the report with everything that must travel with it: the plain-language
/// reading printed under it, the text alternative inside the SVG, and the table of the numbers it
/// draws, in a `<details>` beside it for readers who cannot see the chart or want the figures.
struct Figure {
  var id: String
  var title: String
  /// One sentence a program director can repeat: what the chart says.
  var reading: String
  /// What the chart shows, for a screen reader.
  var description: String
  var svg: String
  var tableHeader: [String]
  var tableRows: [[String]]

  var html: String {
    // The chart scrolls inside its own box on a phone (see ReportStyle), never the page.
    var html = "<figure class=\"figure\" id=\"\(id)-figure\">\n<div class=\"chart-wrap\">\(svg)</div>\n"
    html +=
      "<figcaption><strong>\(HTMLText.escape(title)).</strong> \(HTMLText.escape(reading))</figcaption>\n"
    html += "<details><summary>The numbers behind this chart</summary>\n"
    html += DataTable(header: tableHeader, rows: tableRows).html
    html += "</details>\n</figure>\n"
    return html
  }
}

/// A plain HTML table; numbers right-aligned by the stylesheet.
struct DataTable {
  var header: [String]
  var rows: [[String]]
  var caption: String? = nil

  var html: String {
    var html = "<div class=\"table-wrap\"><table>"
    if let caption { html += "<caption>\(HTMLText.escape(caption))</caption>" }
    html +=
      "<thead><tr>" + header.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
      + "</tr></thead><tbody>"
    for row in rows {
      html += "<tr>" + row.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>"
    }
    return html + "</tbody></table></div>\n"
  }
}
