import Foundation

/// A point on the Earth in decimal degrees (WGS 84 latitude and longitude, treated as a sphere).
public struct GeoPoint: Sendable, Equatable {
  public var latitude: Double
  public var longitude: Double

  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }

  /// The IUGG mean Earth radius R₁ = (2a + b)/3 = 6371.0088 km (Moritz 1980, "Geodetic Reference
  /// System 1980", Bulletin Géodésique 54). A sphere of this radius is within about 0.5 % of the
  /// ellipsoidal distance anywhere, far inside the model's other uncertainties.
  public static let earthRadiusKm = 6371.0088

  /// Great-circle distance by the haversine formula (Sinnott 1984, "Virtues of the haversine",
  /// Sky and Telescope 68:159), which stays accurate for short distances where the spherical law
  /// of cosines loses digits:
  /// a = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2), d = 2R asin(√a).
  @inlinable
  public func haversineKm(to other: GeoPoint) -> Double {
    let radians = Double.pi / 180
    let sinHalfLatitude = sin((other.latitude - latitude) * radians / 2)
    let sinHalfLongitude = sin((other.longitude - longitude) * radians / 2)
    let a =
      sinHalfLatitude * sinHalfLatitude
      + cos(latitude * radians) * cos(other.latitude * radians) * sinHalfLongitude * sinHalfLongitude
    return 2 * Self.earthRadiusKm * asin(min(1, a.squareRoot()))
  }
}

/// A latitude/longitude box: `south ≤ latitude ≤ north`, `west ≤ longitude ≤ east` (boxes that
/// cross the antimeridian are not supported).
public struct GeoBounds: Sendable, Equatable {
  public var south: Double
  public var west: Double
  public var north: Double
  public var east: Double

  public init(south: Double, west: Double, north: Double, east: Double) {
    self.south = south
    self.west = west
    self.north = north
    self.east = east
  }

  public func contains(_ point: GeoPoint) -> Bool {
    point.latitude >= south && point.latitude <= north && point.longitude >= west && point.longitude <= east
  }

  /// Widest span of a box, in degrees, and farthest latitude from the equator: within these the
  /// frame's plane never overstates a great-circle distance (see `GeoFrame`).
  public static let maximumSpanDegrees = 30.0
  public static let maximumLatitude = 70.0
}

/// The plane a latitude/longitude region is laid out on: an equirectangular projection of its
/// box, x = s·R·(λ − west)·cos φₑ and y = s·R·(φ − south) (angles in radians), where φₑ is the
/// box's latitude farthest from the equator and s = 0.95.
///
/// The spatial grids (`SpatialIndex`, `SearcherIndex`) find candidates by plane distance and
/// then check the true distance, so the plane must never *overstate* a great-circle distance:
/// using cos φₑ (the smallest cosine in the box) keeps east–west plane distances at or below
/// their value along any path inside the box, and s = 0.95 covers the path's bulge poleward out
/// of the box (at most a factor 1.031 for a 30°-wide box reaching 70°: the vertex latitude
/// satisfies tan φᵥ = tan φ / cos(Δλ/2)). Distances themselves are never measured on this plane.
public struct GeoFrame: Sendable, Equatable {
  public var bounds: GeoBounds
  /// Plane km per degree of longitude and of latitude.
  let kmPerDegreeEast: Double
  let kmPerDegreeNorth: Double

  static let shrink = 0.95

  public init(bounds: GeoBounds) {
    self.bounds = bounds
    let kmPerDegree = GeoPoint.earthRadiusKm * Double.pi / 180 * Self.shrink
    let edge = max(abs(bounds.south), abs(bounds.north))
    kmPerDegreeNorth = kmPerDegree
    kmPerDegreeEast = kmPerDegree * cos(edge * Double.pi / 180)
  }

  /// The box's width and height on the plane.
  public var widthKm: Double { (bounds.east - bounds.west) * kmPerDegreeEast }
  public var heightKm: Double { (bounds.north - bounds.south) * kmPerDegreeNorth }

  /// A point of the box as a location (plane position and the point itself).
  public func location(of point: GeoPoint) -> Location {
    Location(
      xKm: (point.longitude - bounds.west) * kmPerDegreeEast,
      yKm: (point.latitude - bounds.south) * kmPerDegreeNorth, geodetic: point)
  }

  /// The location at a plane position (for points drawn uniformly over the box).
  public func location(xKm: Double, yKm: Double) -> Location {
    Location(
      xKm: xKm, yKm: yKm,
      geodetic: GeoPoint(
        latitude: bounds.south + yKm / kmPerDegreeNorth, longitude: bounds.west + xKm / kmPerDegreeEast))
  }

  /// The point `distanceKm` from `origin` in direction `angle` (radians counter-clockwise from
  /// east), on the local tangent plane (accurate to well under 1 % within a few hundred km),
  /// held inside the box.
  public func offset(_ origin: GeoPoint, distanceKm: Double, angle: Double) -> Location {
    let radiansPerKm = 1 / GeoPoint.earthRadiusKm
    let degrees = 180 / Double.pi
    let latitude = origin.latitude + distanceKm * sin(angle) * radiansPerKm * degrees
    let longitude =
      origin.longitude + distanceKm * cos(angle) * radiansPerKm * degrees
      / cos(origin.latitude * Double.pi / 180)
    return location(
      of: GeoPoint(
        latitude: min(max(latitude, bounds.south), bounds.north),
        longitude: min(max(longitude, bounds.west), bounds.east)))
  }
}
