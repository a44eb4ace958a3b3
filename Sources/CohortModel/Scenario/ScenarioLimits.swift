/// Upper bounds on every count and size a scenario gives, checked when it is decoded, so that
/// nothing the model computes from them can overflow, trap converting to a whole number, or
/// exhaust memory. Each is far above any real programme or region (the whole United States is
/// about 4,500 km wide and has about 80,000 sonographer positions). Documented in
/// docs/MODEL.md ("Limits").
public enum ScenarioLimits {
  /// Bytes of a scenario's `name`, which names its results folder: the hidden names beside a
  /// folder add up to 45 bytes to it, and most file systems allow 255 in one component.
  public static let nameBytes = 200
  /// Width and height of the region, and site and programme coordinates, in km.
  public static let regionKm = 5_000.0
  /// Distances a student will commute, or a programme places students within, in km.
  public static let distanceKm = 10_000.0
  /// Generated sites of one kind (hospitals, imaging centres, clinics).
  public static let sitesPerKind = 10_000
  public static let systems = 1_000
  /// Staff positions and hosting capacity of one listed site (generated sites are capped alike
  /// when their draws are converted, see `ModelLimits`).
  public static let sitePositions = 100_000
  public static let siteCapacity = 1_000
  /// Generated programmes.
  public static let programs = 1_000
  /// Exams in one credential pathway (each student's passes are a bit set).
  public static let examsPerPathway = 16
  public static let examAttempts = 100
  /// Shortest retake wait, in days, of an exam without an attempt limit: each retake then moves
  /// the clock, so a student's attempts are bounded by the days of the run.
  public static let unlimitedRetakeWaitDays = 1.0
  /// Mean cross-system contacts a site draws (each a Poisson count of links made one by one).
  public static let contactsPerSite = 1_000.0
  /// National sonographer openings a year and positions (both about 1,000 times the real US).
  public static let nationalOpenings = 1_000_000.0
  public static let nationalPositions = 10_000_000.0
  /// Growth over a decade, as a fraction (10 is elevenfold; the BLS projects 0.13).
  public static let growthOverDecade = 10.0

  /// Bounds on the whole scenario's resource estimate (`ResourceEstimate`), which `validate`
  /// checks: each field may lie within its own bound while their product does not. The national
  /// scenario (about 63,000 students, 12,000 sites, 3 million events, 110 MB a replication) sits
  /// well inside them.
  public static let studentsPerReplication = 2_000_000.0
  public static let sitesPerReplication = 50_000.0
  public static let openingsPerReplication = 20_000_000.0
  /// About ten minutes a replication at the measured 300,000–1,000,000 events a second.
  public static let eventsPerReplication = 300_000_000.0
  public static let memoryMiBPerReplication = 4_096.0
  /// Events a whole sweep or calibration (or one shard of it) may plan to run: replications of
  /// the scenario's estimate times the points or proposals. About three weeks of one core at the
  /// measured rate, a day on a cluster of shards; the national calibration plans about 1e10.
  public static let eventsPerStudy = 1e12
}
