/// The lists the hiring tiers scan, with one owner: each site's own students, what each hospital
/// system has heard, the jobs held for each student, and the graduates on the open market.
///
/// The model decides *who* joins or leaves a list (a rotation, a reputation spreading, a student
/// going past hiring, a hold); this type keeps the lists' order and shape, so that no mechanism
/// indexes another's arrays. Order is arrival order and removal is stable, so ties in every scan
/// still go to the first arrival (`KnownStudents.swift`).
struct HiringLists {
  /// Per site: students who have rotated there and could still be hired, in order of arrival.
  private var bySite: [[Int32]]
  /// Per hospital system: students it has heard about and who could still be hired, in order.
  private var bySystem: [[Int32]]
  /// Per student: the requisitions held for them (7.5a), in the order held.
  private var holds: [Int32: [Int32]] = [:]
  /// Graduates searching on the open market, filed by home and reach (`OpenMarket.swift`).
  var searching: SearcherIndex

  init(siteCount: Int, systemCount: Int, searching: SearcherIndex) {
    bySite = Array(repeating: [], count: siteCount)
    bySystem = Array(repeating: [], count: systemCount)
    self.searching = searching
  }

  /// The students `holder` knows and could still hire, in order of arrival.
  func known(by holder: ImpressionHolder) -> [Int32] {
    switch holder {
    case .site(let site): bySite[Int(site)]
    case .system(let system): bySystem[Int(system)]
    }
  }

  /// Adds `student` to `holder`'s list, after the students it already knows.
  mutating func add(_ student: Int, to holder: ImpressionHolder) {
    switch holder {
    case .site(let site): bySite[Int(site)].append(Int32(student))
    case .system(let system): bySystem[Int(system)].append(Int32(student))
    }
  }

  /// Drops `student` from the list of each of `holders`, keeping the others' order.
  mutating func remove(_ student: Int, from holders: [ImpressionHolder]) {
    let raw = Int32(student)
    for holder in holders {
      switch holder {
      case .site(let site): bySite[Int(site)].removeAll { $0 == raw }
      case .system(let system): bySystem[Int(system)].removeAll { $0 == raw }
      }
    }
  }

  /// Notes that `requisition` is held for `student`.
  mutating func hold(_ requisition: Int, for student: Int) {
    holds[Int32(student), default: []].append(Int32(requisition))
  }

  /// The requisitions held for `student`, in the order held.
  func held(for student: Int) -> [Int32] { holds[Int32(student)] ?? [] }

  /// Notes that `requisition` is no longer held for `student`.
  mutating func endHold(_ requisition: Int, for student: Int) {
    holds[Int32(student)]?.removeAll { $0 == Int32(requisition) }
  }
}
