# Loads every CSV in the folders given after the schema with read.csv's defaults and compares each
# column's class with the schema (cohortsim help outputs --csv). Prints one line per mismatch,
# naming the file and the column; exits 1 when there is any.
# Usage: Rscript check-types.R SCHEMA.csv DIR...
args <- commandArgs(trailingOnly = TRUE)
schema <- read.csv(args[1])
stopifnot(is.logical(schema$missing))
failures <- character(0)
checked <- 0
for (dir in args[-1]) {
  for (path in list.files(dir, pattern = "\\.csv$", full.names = TRUE)) {
    file <- basename(path)
    expected <- schema[schema$file == file, ]
    if (nrow(expected) == 0) {
      failures <- c(failures, sprintf("%s: no schema for this file (add it to OutputSchema)", path))
      next
    }
    data <- read.csv(path)
    if (!identical(names(data), expected$column)) {
      failures <- c(failures, sprintf("%s: columns are %s, schema says %s", path,
        paste(names(data), collapse = ","), paste(expected$column, collapse = ",")))
      next
    }
    for (i in seq_len(nrow(expected))) {
      column <- expected$column[i]
      got <- class(data[[column]])[1]
      if (got != expected$r_class[i]) {
        failures <- c(failures, sprintf("%s: column %s loads as %s in R, schema says %s (%s)",
          path, column, got, expected$r_class[i], expected$type[i]))
      }
      if (!expected$missing[i] && anyNA(data[[column]])) {
        failures <- c(failures, sprintf("%s: column %s has missing values, schema says it never does", path, column))
      }
    }
    checked <- checked + 1
    cat(sprintf("R: %s: %d rows, %d columns as the schema says\n", path, nrow(data), ncol(data)))
  }
}
if (checked == 0) failures <- c(failures, "no CSV files found")
if (length(failures) > 0) {
  writeLines(paste("r-check (R):", failures), con = stderr())
  quit(status = 1)
}
