# COINr 1.1.14's own scores for its ASEM example, for test/compat/coinr.test.ts: every aggregate of
# every unit, from COINr's example pipeline (`build_example_coin()`: Denominate, Impute by EurAsia group
# mean, Screen at 90 % data, Treat with winmax 5, n_minmax 0-100, a_amean), and the same pipeline with
# percentile ranks (`n_prank`) instead of min-max, where R's extended-precision `sum` splits real ties.
#
# Run (R >= 4.0 with COINr 1.1.14 installed, as for coinr-reference.R):
#
#   Rscript test/compat/coinr-asem.R test/compat
#
# writes coinr-asem-minmax.csv and coinr-asem-prank.csv there: uCode and one column per aggregate,
# numbers with 17 significant digits (they round-trip exactly), NA as empty.

suppressPackageStartupMessages(library(COINr))
stopifnot(as.character(packageVersion("COINr")) == "1.1.14")
out <- commandArgs(trailingOnly = TRUE)[1]
if (is.na(out)) out <- "."

aggregates <- function(coin) {
  meta <- coin$Meta$Ind
  codes <- meta$iCode[meta$Type == "Aggregate"]
  a <- coin$Data$Aggregated[c("uCode", codes)]
  a[order(a$uCode), ]
}
write17 <- function(df, file) {
  cells <- lapply(df, function(v) if (is.numeric(v)) ifelse(is.na(v), "", sprintf("%.17g", v)) else v)
  lines <- c(paste(names(df), collapse = ","), do.call(paste, c(cells, sep = ",")))
  writeLines(lines, file.path(out, file))
}

write17(aggregates(build_example_coin(quietly = TRUE)), "coinr-asem-minmax.csv")

coin <- build_example_coin(up_to = "Treat", quietly = TRUE)
coin <- suppressMessages(Normalise(coin, dset = "Treated", global_specs = list(f_n = "n_prank")))
coin <- suppressMessages(Aggregate(coin, dset = "Normalised", f_ag = "a_amean"))
write17(aggregates(coin), "coinr-asem-prank.csv")
