# Loads every CSV in the folders given after the schema with read.csv's defaults and compares each
# column's class with the schema (cohortsim help outputs --csv). A folder holding design.csv is a
# sweep's and uses the schema rows of folder "sweep", any other those of folder "run". A schema row
# with tail TRUE stands for every column after the fixed ones (one per factor path or metric),
# which must then be at least one. Prints one line per mismatch, naming the file and the column;
# exits 1 when there is any. A character column that may be missing and is missing throughout
# (student_id without --current-students) loads as logical; that is accepted, as README.md documents.
# Usage: Rscript check-types.R SCHEMA.csv DIR...
args <- commandArgs(trailingOnly = TRUE)
schema <- read.csv(args[1])
stopifnot(is.logical(schema$missing), is.logical(schema$tail))
failures <- character(0)
checked <- 0
for (dir in args[-1]) {
  kind <- if (file.exists(file.path(dir, "design.csv"))) "sweep" else "run"
  # A run over a posterior (run.json records "posterior") has its own summary.csv and
  # replications.csv (folder "posterior-run"); its other files are a run's.
  run_json <- file.path(dir, "run.json")
  posterior_run <- file.exists(run_json) && any(grepl("\"posterior\"", readLines(run_json, warn = FALSE), fixed = TRUE))
  for (path in list.files(dir, pattern = "\\.csv$", full.names = TRUE)) {
    file <- basename(path)
    rows <- schema[schema$folder == kind & schema$file == file, ]
    own <- schema[schema$folder == "posterior-run" & schema$file == file, ]
    if (posterior_run && nrow(own) > 0) rows <- own
    if (nrow(rows) == 0) {
      failures <- c(failures, sprintf("%s: no schema for this file in a %s folder (add it to OutputSchema)", path, kind))
      next
    }
    fixed <- rows[!rows$tail, ]
    tail <- rows[rows$tail, ]
    data <- read.csv(path)
    header <- names(data)
    fixedCount <- nrow(fixed)
    columnsMatch <- length(header) >= fixedCount && identical(header[seq_len(fixedCount)], fixed$column) &&
      (if (nrow(tail) == 0) length(header) == fixedCount else length(header) > fixedCount)
    if (!columnsMatch) {
      failures <- c(failures, sprintf("%s: columns are %s, schema says %s", path,
        paste(header, collapse = ","), paste(rows$column, collapse = ",")))
      next
    }
    # One expected row per column of the file: the fixed ones, then the tail's repeated.
    expected <- rbind(fixed, tail[rep(1, length(header) - fixedCount), ])
    for (i in seq_along(header)) {
      column <- header[i]
      got <- class(data[[i]])[1]
      missingThroughout <- expected$missing[i] && expected$type[i] == "character" && all(is.na(data[[i]]))
      if (got != expected$r_class[i] && !missingThroughout) {
        failures <- c(failures, sprintf("%s: column %s loads as %s in R, schema says %s (%s)",
          path, column, got, expected$r_class[i], expected$type[i]))
      }
      if (!expected$missing[i] && anyNA(data[[i]])) {
        failures <- c(failures, sprintf("%s: column %s has missing values, schema says it never does", path, column))
      }
    }
    checked <- checked + 1
    cat(sprintf("R: %s (%s folder): %d rows, %d columns as the schema says\n", path, kind, nrow(data), ncol(data)))
  }
}
if (checked == 0) failures <- c(failures, "no CSV files found")
if (length(failures) > 0) {
  writeLines(paste("r-check (R):", failures), con = stderr())
  quit(status = 1)
}
