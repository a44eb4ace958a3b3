import Experiments

/// The sites of a results folder as a reader should meet them, from `sites.csv`: a listed site by
/// its own name (and its hospital system's), a generated one as what it is, "a generated
/// hospital", never by its made-up name ("hospital-10") as if it were a real employer.
struct SiteDirectory {
  struct Site {
    var name: String
    var kind: String
    var generated: Bool
    var systemName: String?
    var latitude: Double
    var longitude: Double
    var xKm: Double
    var yKm: Double
  }

  /// By name; the first replication's row of each site (a listed site is the same in every one).
  private(set) var sites: [String: Site] = [:]
  /// Names in file order.
  private(set) var order: [String] = []

  /// Reads `sites.csv` when the folder has it; a folder without it still labels generated sites
  /// by the pattern the model names them with (kind-number).
  init(_ context: inout ReportContext) throws(FolderReadError) {
    guard let table = try context.folder.table("sites.csv"), table.has("name") else { return }
    let column = { (name: String) in table.header.firstIndex(of: name) }
    for (index, row) in table.rows.enumerated() {
      let name = row[column("name")!]
      guard sites[name] == nil else { continue }
      let number = { (field: String) throws(FolderReadError) -> Double in
        guard let column = column(field) else { return .nan }
        return try table.number(index, column)
      }
      let system = column("system_name").map { row[$0] }
      sites[name] = Site(
        name: name, kind: column("kind").map { row[$0] } ?? Self.kind(ofGenerated: name) ?? "site",
        generated: column("origin").map { row[$0] == "generated" } ?? (Self.kind(ofGenerated: name) != nil),
        systemName: system == nil || system == "NA" || system!.isEmpty ? nil : system,
        latitude: try number("latitude"), longitude: try number("longitude"), xKm: try number("x_km"),
        yKm: try number("y_km"))
      order.append(name)
    }
  }

  /// "hospital" for the model's generated name "hospital-10"; nil for any other name.
  static func kind(ofGenerated name: String) -> String? {
    guard let dash = name.lastIndex(of: "-"), name[name.index(after: dash)...].allSatisfy(\.isNumber),
      name.index(after: dash) < name.endIndex
    else { return nil }
    let kind = String(name[..<dash])
    return ["hospital", "imaging_center", "clinic"].contains(kind) ? kind : nil
  }

  func isGenerated(_ name: String) -> Bool {
    sites[name]?.generated ?? (Self.kind(ofGenerated: name) != nil)
  }

  private func kindWords(_ name: String) -> String {
    (sites[name]?.kind ?? Self.kind(ofGenerated: name) ?? "site").replacingOccurrences(of: "_", with: " ")
  }

  /// For a chart or a table, where rows must differ: "Mercy Hospital (Mercy Health)", or
  /// "generated hospital no. 10".
  func label(_ name: String) -> String {
    if isGenerated(name) {
      let number = name.split(separator: "-").last.map(String.init) ?? ""
      return "generated \(kindWords(name)) no. \(number)"
    }
    if let system = sites[name]?.systemName, !system.hasPrefix("system-") { return "\(name) (\(system))" }
    return name
  }

  /// For running text: a listed site by its name, a generated one as "a generated hospital".
  func phrase(_ name: String) -> String {
    guard isGenerated(name) else { return name }
    let kind = kindWords(name)
    return "a generated \(kind)"
  }
}
