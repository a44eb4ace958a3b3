import CohortModel
import Foundation
import InputFormats
import SimKernel

/// A small region whose right answers can be reasoned out: two hospital systems of three
/// hospitals each, two independent clinics, one program in the middle, five intakes.
func smallScenario() -> Scenario {
  var scenario = Scenario()
  scenario.name = "small"
  scenario.seed = 7
  scenario.years = 6
  scenario.region.widthKm = 200
  scenario.region.heightKm = 200
  scenario.region.states = [StateShare(code: "WA", share: 1)]
  scenario.demand.regionShare = 0.002
  var sites: [SiteListing] = []
  func add(
    _ name: String, _ kind: SiteKind, _ x: Double, _ y: Double, system: Int?, staff: Int, capacity: Int
  ) {
    var site = SiteListing()
    site.name = name
    site.kind = kind
    site.xKm = x
    site.yKm = y
    site.system = system
    site.staff = staff
    site.capacity = capacity
    sites.append(site)
  }
  add("north general", .hospital, 100, 130, system: 0, staff: 25, capacity: 4)
  add("north east", .hospital, 130, 120, system: 0, staff: 20, capacity: 3)
  add("north imaging", .imagingCenter, 80, 125, system: 0, staff: 8, capacity: 2)
  add("south general", .hospital, 100, 70, system: 1, staff: 25, capacity: 4)
  add("south west", .hospital, 70, 80, system: 1, staff: 20, capacity: 3)
  add("south imaging", .imagingCenter, 120, 75, system: 1, staff: 8, capacity: 2)
  add("east clinic", .clinic, 160, 100, system: nil, staff: 3, capacity: 1)
  add("west clinic", .clinic, 40, 100, system: nil, staff: 3, capacity: 1)
  scenario.sites = sites
  // These eight are the whole region: no generated sites around them (as in a file that lists
  // sites and names no kind in `region`).
  scenario.region.hospitals.count = 0
  scenario.region.imagingCenters.count = 0
  scenario.region.clinics.count = 0
  var program = ProgramParameters()
  program.name = "Central"
  program.xKm = 100
  program.yKm = 100
  program.cohortSize = .constant(value: 12)
  program.intakeYears = [2023, 2024, 2025, 2026, 2027]
  scenario.programs = [program]
  pinHiringBeforeCalibratedDefaults(&scenario)
  return scenario
}

/// Sets the hiring and memory fields whose defaults the joint calibration changed (revision
/// 2026-12) to their values before it, which these statistical mechanism tests were designed
/// around: a test of a mechanism's direction must not move when the calibrated defaults do.
func pinHiringBeforeCalibratedDefaults(_ scenario: inout Scenario) {
  scenario.hiring.strongImpressionThreshold = 0.55
  scenario.hiring.lookaheadDays = 270
  scenario.hiring.holdWindowDays = 180
  scenario.hiring.contingentHireProbability = 0.5
  scenario.hiring.finalTermApplyDays = 90
  scenario.hiring.externalApplicants = .poisson(mean: 1.2)
  scenario.hiring.applyProbability = 0.7
  scenario.hiring.knowledgeWeight = 0.5
  scenario.hiring.recentStudentDays = 365
  scenario.students.unwillingToRelocateShare = 0.55
  scenario.evaluation.memoryHalfLifeDays = 240
}

/// Runs `replications` replications and returns each one's metrics.
func metrics(
  of scenario: Scenario, strategy: String = PlacementStrategies.programDefault, replications: Int = 12
)
  -> [ReplicationMetrics]
{
  (0..<replications).map { replication in
    var monitor = DiscardingMonitor()
    let seed = SeedDerivation.replicationSeed(master: scenario.seed, replication: replication)
    return Replication.run(scenario: scenario, strategy: strategy, replicationSeed: seed, monitor: &monitor)
      .metrics
  }
}

/// The mean of a metric over replications, ignoring replications without data.
func mean(_ metric: Metric, _ runs: [ReplicationMetrics]) -> Double {
  let values = runs.map { $0[metric] }.filter { !$0.isNaN }
  return values.reduce(0, +) / Double(values.count)
}

/// One replication with everything collected.
func collected(
  _ scenario: Scenario, strategy: String = PlacementStrategies.programDefault, replication: Int = 0
)
  -> (ReplicationResult, CollectingMonitor)
{
  var monitor = CollectingMonitor()
  let seed = SeedDerivation.replicationSeed(master: scenario.seed, replication: replication)
  let result = Replication.run(
    scenario: scenario, strategy: strategy, replicationSeed: seed, monitor: &monitor)
  return (result, monitor)
}

/// The repository's root, for loading the shipped scenarios whatever the working directory.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

func shippedScenario(_ name: String) throws -> Scenario {
  try loadScenario(repositoryRoot.appendingPathComponent("Scenarios/\(name).json").path)
}

/// A scenario file read and decoded as the commands read one (`ScenarioFile.load`): the model is
/// given the bytes, and the files the scenario names are read relative to it by the resolver.
func loadScenario(_ path: String) throws(ScenarioError) -> Scenario {
  let bytes: Data
  switch InputFile.read(path) {
  case .success(let data): bytes = data
  case .failure(let problem):
    throw ScenarioError(file: path, problems: [FieldProblem(path: "", message: problem.description)])
  }
  return try Scenario.decode(bytes, file: path, resolver: .files(relativeTo: path))
}

/// A file's bytes, read as every input file is.
func fileBytes(_ path: String) throws -> Data {
  try InputFile.read(path).get()
}

/// `--as-of` as the command line passes it to the model: `date`, or the file's own line.
func asOf(_ date: String?) -> AsOfOverride { AsOfOverride(option: "--as-of", date: date) }
