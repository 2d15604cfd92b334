# Times R forecast 8.20's ets() and thetaf() on the M3 monthly train splits, side by side with
# test/bench/forecast-m3.ts (which starts this script when Rscript is on the PATH).
#
#   Rscript test/bench/r-m3.R <m3_monthly.csv> [limit]
#
# Fit + forecast of the published horizon (18) with 80/95% intervals, default settings, one series at
# a time; the clock covers only ets()+forecast() or thetaf(), not reading or scoring. Accuracy uses the
# definitions of shared/data/benchmarks/r_forecast_m3_measured.csv (sMAPE in percent, MASE scaled by
# the in-sample seasonal-naive MAE), so it should reproduce that file's monthly rows. A series whose
# fit fails is scored with naive() and counted. Prints one JSON line: an array with one object per method.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript r-m3.R <m3_monthly.csv> [limit]")
tab <- read.csv(args[1], skip = 1, stringsAsFactors = FALSE)
ids <- unique(tab$series)
if (length(args) >= 2) ids <- head(ids, as.integer(args[2]))
by_id <- split(tab, tab$series)

series <- lapply(ids, function(id) {
  rows <- by_id[[id]]
  tr <- rows[rows$split == "train", ]; te <- rows[rows$split == "test", ]
  tr <- tr[order(tr$t), ]; te <- te[order(te$t), ]
  list(x = ts(tr$value, frequency = tr$frequency[1], start = c(tr$start_year[1], tr$start_cycle[1])),
       xx = te$value)
})

score <- function(x, xx, fc) {
  f <- as.numeric(fc$mean)
  m <- frequency(x)
  scale <- mean(abs(diff(as.numeric(x), lag = m)))
  c(smape = mean(200 * abs(xx - f) / (abs(xx) + abs(f))),
    mase = mean(abs(xx - f)) / scale,
    cover95 = mean(xx >= fc$lower[, 2] & xx <= fc$upper[, 2]))
}

run <- function(method, fit_forecast) {
  elapsed <- 0; failures <- 0L
  acc <- matrix(NA_real_, length(series), 3)
  for (i in seq_along(series)) {
    s <- series[[i]]; h <- length(s$xx)
    t0 <- proc.time()[["elapsed"]]
    fc <- tryCatch(fit_forecast(s$x, h), error = function(e) NULL)
    elapsed <- elapsed + proc.time()[["elapsed"]] - t0
    if (is.null(fc)) { failures <- failures + 1L; fc <- naive(s$x, h = h, level = c(80, 95)) }
    acc[i, ] <- score(s$x, s$xx, fc)
  }
  sprintf('{"method":"%s","series":%d,"seconds":%.3f,"smape":%.6f,"mase":%.6f,"cover95":%.6f,"failures":%d}',
          method, length(series), elapsed, mean(acc[, 1]), mean(acc[, 2]), mean(acc[, 3]), failures)
}

out <- c(
  run("theta", function(x, h) thetaf(x, h = h, level = c(80, 95))),
  run("ets", function(x, h) forecast(ets(x), h = h, level = c(80, 95)))
)
cat(sprintf('{"R":"R %s.%s / forecast %s","results":[%s]}\n', R.version$major, R.version$minor,
            as.character(packageVersion("forecast")), paste(out, collapse = ",")))
