import CohortModel

/// One site's hiring in one replication under one strategy: the columns `sites.csv` adds to the
/// site's description (`--students`).
///
/// Definitions follow the run-wide metrics restricted to the site: `openings` counts every
/// requisition the model reports for the site approved in [0, T] (growth, replacement, vacancy
/// chain and new hires' quits; a cancelled one and its repost count separately, as in
/// `timeline.csv`); `fillDaysMean` is the mean of `filledDay − approvedDay` over those filled by
/// T (as `time_to_fill_days_mean`), NaN when none was; `rotationStudentHires` counts students
/// whose job held at the horizon is at the site and who had started a rotation there (the
/// students.csv view of `hired_at_rotation_site`: acceptances later rescinded do not count).
struct SiteFigures: Sendable, Equatable {
  var rotationStudentHires = 0
  var openings = 0
  var fillDaysMean = Double.nan

  /// Figures for sites `0..<siteCount` from one strategy run's students and requisitions.
  /// - Complexity: O(students × rotations + requisitions + sites).
  static func make(
    siteCount: Int, students: [StudentOutcome], requisitions: [RequisitionOutcome]
  ) -> [SiteFigures] {
    var figures = [SiteFigures](repeating: SiteFigures(), count: siteCount)
    for student in students {
      guard let site = student.offerSite, site >= 0, site < siteCount, student.startDay != nil,
        student.rotationSites.contains(site)
      else { continue }
      figures[site].rotationStudentHires += 1
    }
    var fillDays = [Double](repeating: 0, count: siteCount)
    var filled = [Int](repeating: 0, count: siteCount)
    for requisition in requisitions where requisition.site >= 0 && requisition.site < siteCount {
      figures[requisition.site].openings += 1
      if let day = requisition.filledDay {
        fillDays[requisition.site] += day - requisition.approvedDay
        filled[requisition.site] += 1
      }
    }
    for site in 0..<siteCount where filled[site] > 0 {
      figures[site].fillDaysMean = fillDays[site] / Double(filled[site])
    }
    return figures
  }
}
