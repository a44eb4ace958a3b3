/// `cohortsim help spreadsheets`: every cell format of the two spreadsheets a director keeps, the
/// sites (`sitesCsv`) and the current students (`--current-students`), beside the readers that
/// enforce them.
enum SpreadsheetsHelp {
  static var text: String {
    "SPREADSHEETS: what each cell of the two CSV files holds\n\n" + wrap(intro, indent: "") + "\n\n" + columns
      + "\n" + wrap(closing, indent: "") + "\n"
  }

  private static let intro = """
    Both files: a header line naming the columns (any order), one row per site or student. Saved as \
    Excel or LibreOffice save CSV: a byte-order mark, Windows line ends (CRLF) and ';' or tab \
    separators are read (the header line says which); a cell holding the separator, a quote or a line \
    break is quoted ("a;b"), a quote inside doubled (""). Lines starting with # before the header are \
    comments. Spaces around a cell are ignored. Numbers use a decimal point (43.04, not 43,04). Every \
    problem names the file, the line and the column; nothing is guessed.
    """

  private static let columns = """
    SITES (the scenario's "sitesCsv": "FILE.csv", relative to the scenario)
      name       text, unique, no ';' (it separates rotation_sites); how the students file names it
      kind       hospital, imaging_center or clinic
      latitude   decimal degrees from -90 to 90, north positive
      longitude  decimal degrees from -180 to 180, east positive: the Americas are negative
      state      two upper-case letters (WI), one of region.states; empty: the state region.states
                 places the site in
      system     text, the hospital system's name, the same on each of its sites; empty: independent
      staff      whole number from 1: sonographers employed
      capacity   whole number from 0: students it takes on rotation at once

    CURRENT STUDENTS (--current-students FILE.csv)
      # as_of: YYYY-MM-DD      a comment line before the header: the date the file describes
                               (--as-of overrides it)
      # complete: PROGRAM YEAR a comment line per cohort the file lists whole (# complete: all for
                               every listed cohort); without it a cohort is filled up to its size
                               with generated students
      student_id        text, unique, not empty; outputs name the student by it
      program           text, a program's "name" in the scenario
      intake_year       whole number, one of the program's intakeYears, not after the as-of date
      status            in_program, graduated_searching or hired
      rotation_sites    site names separated by ';', the rotations completed by the as-of date, in
                        order; empty when none (as many as the program's calendar has completed)
      current_site      a site name, the rotation under way on the as-of date; empty between rotations
      spi_passed        true or false, in any case (Excel writes TRUE); not yes/no or 1/0: the
                        pathway's first exam passed by the as-of date
      specialty_passed  true or false, in any case: the second exam; false for a one-exam pathway
      offer_site        a site name, hired students only: the accepted job; empty otherwise
      impression        optional column; a number from 0 to 1, or empty (simulated)
      hire_date         optional column; YYYY-MM-DD or empty, hired students only: the day the offer
                        was accepted, not after the as-of date (empty: the as-of date, or start_date
                        when that is earlier)
      start_date        optional column; YYYY-MM-DD or empty, hired students only: the day work
                        started or starts, not before hire_date nor the cohort's graduation (empty:
                        drawn onboarding after the hire or graduation)
    """

  private static let closing = """
    'cohortsim init' writes both files with these comments; 'cohortsim validate SCENARIO \
    --current-students FILE' checks both.
    """
}
