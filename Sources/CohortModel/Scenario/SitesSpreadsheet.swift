import Foundation
import InputFormats
import SimKernel

/// The spreadsheet a scenario's `sitesCsv` names: its path and the bytes read, so `run.json`
/// can record the SHA-256 of exactly what was simulated.
public struct SitesSpreadsheet: Sendable, Equatable {
  /// The path as the scenario gives it (relative to the scenario file).
  public var path: String
  /// The path the file was read from.
  public var file: String
  public var bytes: Data

  /// The header, in this order in the shipped files (any order is accepted).
  public static let columns = [
    "name", "kind", "latitude", "longitude", "state", "system", "staff", "capacity",
  ]
}

/// What the rows of a sites spreadsheet are checked against: names already taken, the states a
/// region has, its box when one is given, and how many systems the JSON sites already number.
struct SitesSpreadsheetContext {
  var takenNames: Set<String>
  /// Nil when the scenario does not give `region.states`: any state is taken here, and the
  /// region's states are inferred from the listed sites' (`Scenario.inferStates`).
  var stateCodes: [String]?
  var bounds: GeoBounds?
  var listedSystems: Int
}

extension SitesSpreadsheet {
  /// The rows as listed sites, after every check; problems name the line and the column.
  ///
  /// `system` holds a system's name: names get indices in order of first appearance, after the
  /// indices the scenario's own `sites` use, so the JSON and the spreadsheet can share a region.
  func listings(_ context: SitesSpreadsheetContext) throws(ScenarioError) -> [SiteListing] {
    var problems: [FieldProblem] = []
    let table: CSVTable
    let index: [String: Int]
    do {
      table = try CSVTable(bytes: bytes, expected: Self.columns)
      index = try table.columnIndices(required: Self.columns)
    } catch {
      throw ScenarioError(file: file, problems: [FieldProblem(path: error.location, message: error.message)])
    }
    var names = context.takenNames
    var systemNames: [String] = []
    var listings: [SiteListing] = []
    for row in table.rows {
      func cell(_ name: String) -> (text: String, column: Int) {
        let column = index[name]!
        return (row.fields[column].trimmingCharacters(in: .whitespaces), column + 1)
      }
      func fail(_ name: String, _ message: String) {
        let (_, column) = cell(name)
        problems.append(FieldProblem(path: "line \(row.line), column \(column) (\(name))", message: message))
      }
      func number(_ name: String, in range: ClosedRange<Double>) -> Double? {
        let (text, _) = cell(name)
        guard let value = Double(text), value.isFinite else {
          let decimalPoint = text.replacingOccurrences(of: ",", with: ".")
          let hint =
            Double(decimalPoint) == nil ? "" : " (write the decimal mark as a point: \(decimalPoint))"
          fail(name, "expected a number, got \"\(text)\"\(hint)")
          return nil
        }
        guard range.contains(value) else {
          fail(name, "must be from \(format(range.lowerBound)) to \(format(range.upperBound)), got \(text)")
          return nil
        }
        return value
      }
      func whole(_ name: String, in range: ClosedRange<Int>) -> Int? {
        let (text, _) = cell(name)
        guard let value = Int(text), range.contains(value) else {
          fail(
            name, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
          return nil
        }
        return value
      }
      var listing = SiteListing()
      listing.name = cell("name").text
      listing.spreadsheetLine = row.line
      if listing.name.isEmpty || listing.name.contains(";") {
        fail("name", "must be non-empty and hold no \";\" (it separates rotation_sites)")
      } else if !names.insert(listing.name).inserted {
        fail(
          "name",
          "site name \"\(listing.name)\" is used twice (by another row, a site in \"sites\", or a generated site named kind-number)"
        )
      }
      let kindText = cell("kind").text
      if let kind = SiteKind(rawValue: kindText) {
        listing.kind = kind
      } else {
        fail(
          "kind",
          "unknown site kind \"\(kindText)\"; allowed: \(SiteKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      let latitude = number("latitude", in: -90...90)
      let longitude = number("longitude", in: -180...180)
      if let latitude, let longitude {
        listing.latitude = latitude
        listing.longitude = longitude
        if let bounds = context.bounds, !bounds.contains(GeoPoint(latitude: latitude, longitude: longitude)) {
          fail(
            latitude < bounds.south || latitude > bounds.north ? "latitude" : "longitude",
            "site \"\(listing.name)\" lies outside region.bounds (latitude \(format(bounds.south))…\(format(bounds.north)), longitude \(format(bounds.west))…\(format(bounds.east)))"
          )
        }
      }
      let state = cell("state").text
      if !state.isEmpty {
        if let problem = isStateCode(state) {
          fail("state", problem)
        } else if let codes = context.stateCodes, !codes.contains(state) {
          fail(
            "state",
            "site \"\(listing.name)\": state \"\(state)\" is not among region.states (\(codes.joined(separator: ", ")))"
          )
        } else {
          listing.state = state
        }
      }
      let system = cell("system").text
      if !system.isEmpty {
        if !systemNames.contains(system) { systemNames.append(system) }
        listing.system = context.listedSystems + systemNames.firstIndex(of: system)!
        listing.systemName = system
      }
      listing.staff = whole("staff", in: 1...ScenarioLimits.sitePositions) ?? 1
      listing.capacity = whole("capacity", in: 0...ScenarioLimits.siteCapacity) ?? 0
      listings.append(listing)
    }
    if table.rows.isEmpty {
      problems.append(FieldProblem(path: "line 2", message: "the file lists no sites"))
    }
    guard problems.isEmpty else { throw ScenarioError(file: file, problems: problems) }
    return listings
  }
}
