# Reference outputs of COINr 1.1.14 for govscore's `methodology: {compat: coinr}`.
#
# Each case is built to trigger one documented departure of govscore from COINr (docs/methods.md,
# "Differs"), and runs COINr's own function on it: the data-frame methods of Impute(), Treat(),
# Normalise() and Aggregate(), or the kernel (a_*, n_*) where COINr's pipeline calls it per row.
# The inputs are written out with the outputs, so that test/compat/coinr.test.ts runs govscore on the
# very same numbers (CI has no R: it compares with the committed JSON).
#
# Run (R >= 4.0 with COINr 1.1.14 installed; Debian: r-base-core, r-cran-openxlsx, r-cran-rlang,
# r-cran-ggplot2, r-cran-readxl, then `R CMD INSTALL` of COINr's v1.1.14 tag):
#
#   Rscript test/compat/coinr-reference.R > test/compat/coinr-reference.json
#
# No package beyond COINr is needed: the JSON is written by hand, numbers with 17 significant digits
# (they round-trip exactly), NA and NaN as null.

suppressPackageStartupMessages(library(COINr))
stopifnot(as.character(packageVersion("COINr")) == "1.1.14")

num <- function(v) {
  if (length(v) == 0) return("[]")
  s <- ifelse(is.na(v), "null", sprintf("%.17g", v))
  paste0("[", paste(s, collapse = ", "), "]")
}
str_ <- function(v) paste0("[", paste(ifelse(is.na(v), "null", paste0('"', v, '"')), collapse = ", "), "]")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(paste0('"', names(kv), '": ', unlist(kv)), collapse = ", "), "}")
}
cases <- list()
add <- function(id, departure, ...) cases[[length(cases) + 1]] <<- obj(id = paste0('"', id, '"'), departure = paste0('"', departure, '"'), ...)
quiet <- function(expr) suppressWarnings(suppressMessages(expr))

# --- imputation: group mean and median with a unit without a group and a group without data --------
x <- c(1, NA, 3, NA, NA, 10, NA)
grp <- c("a", "a", "a", "b", "b", NA, NA)
# unit 2 (group a) is filled; units 4-5 (group b has no value) stay NaN; unit 7 (no group) stays NA
add("impute_group_mean", "group_mean: a unit without a group, and a group without data, stay missing",
    x = num(x), groups = str_(grp),
    out = num(quiet(Impute(data.frame(x = x), f_i = "i_mean_grp", f_i_para = list(f = grp)))$x))
add("impute_group_median", "group_median: as group_mean",
    x = num(c(1, NA, 3, 4, NA, NA, 10, NA)), groups = str_(c("a", "a", "a", "a", "b", "b", NA, NA)),
    out = num(quiet(Impute(data.frame(x = c(1, NA, 3, 4, NA, NA, 10, NA)), f_i = "i_median_grp",
                           f_i_para = list(f = c("a", "a", "a", "a", "b", "b", NA, NA))))$x))

# --- treatment: COINr's default Treat() ------------------------------------------------------------
treat_case <- function(id, departure, x, specs = NULL) {
  r <- quiet(Treat(data.frame(x = x), global_specs = specs))
  add(id, departure, x = num(x), out = num(r$x_treat$x))
}
# negative skew that one winsorised point (winmax 1) does not cure: COINr's log_CT ignores the sign
xneg <- -(3^(0:19))
treat_case("treat_log_negative_skew", "log fallback on a negatively skewed column: log_CT, sign ignored",
           xneg, list(f1_para = list(winmax = 1)))
# the same with positive skew, where govscore and COINr agree (log_CT): a control
treat_case("treat_log_positive_skew", "log fallback with positive skew (no departure: a control)",
           -xneg, list(f1_para = list(winmax = 1)))
# force_win: winsorise up to winmax points whatever the limits, choosing the side at every step (here
# high, high, low, low), on a column that fails; COINr counts the points at the extremes it moved
treat_case("treat_force_win", "force_win with winmax 4: the side is chosen again at every step",
           c(-300, 1:20, 500, 2000), list(f1_para = list(winmax = 4, force_win = TRUE)))
# force_win on a column within the limits: COINr does not treat it at all
treat_case("treat_force_passing", "force_win on a column within the limits: untreated",
           1:10, list(f1_para = list(winmax = 2, force_win = TRUE)))

# --- normalisation: Normalise() with global specs and directions ---------------------------------
norm_case <- function(id, departure, x, direction, f_n, f_n_para, params) {
  r <- quiet(Normalise(data.frame(x = x), global_specs = list(f_n = f_n, f_n_para = f_n_para),
                       directions = data.frame(iCode = "x", Direction = direction)))
  add(id, departure, x = num(x), direction = direction, method = paste0('"', f_n, '"'), params = params,
      out = num(r$x))
}
norm_case("minmax_constant", "minmax of a constant column: NaN", c(4, 4, NA, 4), 1,
          "n_minmax", list(l_u = c(0, 100)), '{"min": 0, "max": 100}')
norm_case("zscore_constant", "zscore of a constant column: NaN", c(2, 2, 2), 1,
          "n_zscore", list(m_sd = c(0, 1)), '{"mean": 0, "sd": 1}')
norm_case("dist_max_constant", "dist_max of a constant column: NaN", c(7, 7, 7, NA), 1,
          "n_dist2max", list(), "{}")
norm_case("scaled_lower_is_better", "scaled with direction -1: the bounds apply to -x", c(2, 5, 8), -1,
          "n_scaled", list(npara = c(0, 10)), '{"low": 0, "high": 10}')
norm_case("frac_max_lower_is_better", "frac_max with direction -1: (-x)/max(-x) = x/min", c(2, 4, 10), -1,
          "n_fracmax", list(), "{}")
norm_case("prank_single_unit", "prank with one unit with data: NaN (0/0)", c(5, NA, NA), 1,
          "n_prank", list(), "{}")
# dist_target as Normalise.coin passes it from iMeta (target × direction, cap_max FALSE): a target
# behind the worst value gives negative scores, and scores beyond the target are not capped
norm_case("dist_target_behind_worst", "dist_target with the target below every value: negative scores",
          c(4, 6, 10), 1, "n_dist2targ", list(targ = 2, cap_max = FALSE), '{"target": 2}')
norm_case("dist_target_uncapped", "dist_target: COINr's default cap_max = FALSE (scores above 1)",
          c(2, 4, 10), -1, "n_dist2targ", list(targ = -6, cap_max = FALSE), '{"target": 6}')

# --- aggregation ------------------------------------------------------------------------------------
agg_rows <- function(X, f_ag, f_ag_para) quiet(Aggregate(as.data.frame(X), f_ag = f_ag, f_ag_para = f_ag_para))
X <- rbind(c(1, 2, 3), c(1, NA, 3), c(4, 4, NA), c(NA, NA, NA))
w <- c(1, 1, 2)
add("generalised_missing_child", "generalised mean (p = 2) with a missing child: NA",
    cols = paste0("[", paste(apply(X, 2, num), collapse = ", "), "]"), weights = num(w), p = 2,
    out = num(agg_rows(X, "a_genmean", list(w = w, p = 2))))
Xh <- rbind(c(2, -1, 4), c(1, 2, 4), c(-2, -4, NA))
add("harmonic_negative", "harmonic mean with negative children: COINr refuses only zeros",
    cols = paste0("[", paste(apply(Xh, 2, num), collapse = ", "), "]"), weights = num(c(1, 1, 1)),
    out = num(agg_rows(Xh, "a_hmean", list(w = c(1, 1, 1)))))
# Copeland: a comparison with a missing value counts as a loss for the first unit of the pair
# (Aggregate.coin calls a_copeland on the whole data frame of the children, as here)
Xc <- rbind(c(3, 1, 2), c(2, NA, 2), c(1, 3, NA), c(NA, 2, 1), c(2, 2, 2))
wc <- c(0.5, 0.3, 0.2)
add("copeland_missing", "Copeland with missing values",
    cols = paste0("[", paste(apply(Xc, 2, num), collapse = ", "), "]"), weights = num(wc),
    out = num(quiet(a_copeland(as.data.frame(Xc), w = wc))))

cat('{\n  "provenance": ', obj(
  coinr = paste0('"', as.character(packageVersion("COINr")), '"'),
  r = paste0('"', R.version$major, ".", R.version$minor, '"'),
  command = '"Rscript test/compat/coinr-reference.R > test/compat/coinr-reference.json"'
), ',\n  "cases": [\n    ', paste(unlist(cases), collapse = ",\n    "), '\n  ]\n}\n', sep = "")
