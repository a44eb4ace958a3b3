# Seeds reproduce their replication from what R reads: prints the seed_hex (as R read it) of the
# last replication in replications.csv, for the caller to rerun with --replication-seed; with a
# second file (the rerun's replications.csv), checks that its row equals that replication's.
# Usage: Rscript seed-hex.R RUN/replications.csv [RERUN/replications.csv]
args <- commandArgs(trailingOnly = TRUE)
original <- read.csv(args[1])
stopifnot(is.character(original$seed_hex))
last <- original[original$replication == max(original$replication), ]
if (length(args) == 1) {
  cat(last$seed_hex[1], "\n", sep = "")
  quit(status = 0)
}
rerun <- read.csv(args[2])
metrics <- setdiff(names(original), c("replication"))
a <- last[, metrics]
b <- rerun[, metrics]
rownames(a) <- NULL
rownames(b) <- NULL
if (!identical(a, b)) {
  writeLines(sprintf("r-check (R): the rerun with --replication-seed %s does not reproduce replication %d of %s",
    last$seed_hex[1], last$replication[1], args[1]), con = stderr())
  print(rbind(a, b))
  quit(status = 1)
}
cat(sprintf("R: replication %d reran from seed_hex %s read in R: identical metrics under %d strategies\n",
  last$replication[1], last$seed_hex[1], nrow(b)))
