/// A clinical site: a place that hosts students and employs sonographers.
///
/// Stored by value in one array and referred to by index everywhere: the hot paths walk
/// contiguous memory instead of chasing references.
public struct Site: Sendable {
  public var name: String
  public var kind: SiteKind
  public var location: Location
  public var state: String
  /// Hospital system index; nil for an independent site.
  public var system: Int?
  /// Budgeted sonographer positions.
  public var positions: Int
  /// Students it can host at once.
  public var capacity: Int
  /// Whether it will hire before the credential (contingent offers).
  public var allowsContingentHires: Bool
  /// Whether working here needs a state licence.
  public var requiresLicence: Bool
  /// Whether the scenario listed it by name or the region generated it.
  public var origin: SiteOrigin
}

/// Where a site came from: a scenario's `sites` list, or the region's generated kinds.
public enum SiteOrigin: String, Sendable {
  case listed
  case generated
}
