/// Colours and line styles for the charts: the Okabe–Ito palette (Okabe & Ito 2008, "Color
/// Universal Design"), which stays distinguishable under the common colour-vision deficiencies,
/// with yellow left out because it vanishes on white paper. Each series also gets its own dash
/// pattern and marker, so a chart still reads in greyscale print.
enum ChartPalette {
  static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
  static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4"]

  static func colour(_ index: Int) -> String { colours[index % colours.count] }
  static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
}
