# Hold-out series for `auto` (data not used to design it) and R forecast 8.20's accuracy on them.
#
#   Rscript test/bench/holdout/holdout-r.R [outdir]      (default: the folder of this script)
#
# Writes two files into outdir:
#   holdout_series.csv    one row per series: series,collection,period,frequency,start_year,start_cycle,h,values
#                         (values space-separated, the last h of them the test split), read by ../forecast-holdout.ts;
#   r_holdout_measured.csv  per series and method (ets, theta = thetaf, arima = auto.arima, naive = naive/snaive):
#                         sMAPE (percent), MASE (scaled by the in-sample seasonal-naive MAE), 95% coverage.
#
# The series are the yearly, quarterly and monthly time series shipped with R packages that Debian packages
# (r-base datasets, r-cran-forecast, -aer, -plm, -urca, -tseries, -lmtest, -strucchange) plus the US Medicare HI
# trust fund figures in shared/data/medicare. Selection rules, fixed before any accuracy was looked at:
# genuinely calendar-yearly/quarterly/monthly series only (not daily or event-indexed data stored with
# frequency 1), strictly positive values (like M3; sMAPE is meaningless around zero, log-scale data excluded),
# the longest run without missing values, and at least 10 (yearly), 16 (quarterly) or 36 (monthly) training
# values. Horizons are M3's: 6 yearly, 8 quarterly, 18 monthly; the last h values are the test split.
# Panels (plm Produc, plm Cigar, AER Grunfeld) contribute one series per unit and variable; such series share
# common shocks, so the tables report each collection separately as well as pooled.
suppressPackageStartupMessages({ library(forecast) })
args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f)) else "."
})
outdir <- if (length(args) >= 1) args[1] else script_dir
shared <- Sys.getenv("FUNDRISK_SHARED_DATA", file.path(script_dir, "../../../../shared/data"))

H <- c("1" = 6, "4" = 8, "12" = 18)
MIN_TRAIN <- c("1" = 10, "4" = 16, "12" = 36)

get_data <- function(name, pkg, set = name) { e <- new.env(); data(list = set, package = pkg, envir = e); get(name, e) }

series <- list()
add <- function(id, collection, x) {
  x <- as.ts(x)
  ok <- !is.na(x)
  if (!any(ok)) return(invisible())
  # longest run without NA
  r <- rle(ok); ends <- cumsum(r$lengths); starts <- ends - r$lengths + 1
  k <- which(r$values)[which.max(r$lengths[r$values])]
  f <- frequency(x)
  y <- window(x, start = time(x)[starts[k]], end = time(x)[ends[k]])
  h <- H[[as.character(f)]]
  if (any(y <= 0) || length(y) - h < MIN_TRAIN[[as.character(f)]]) return(invisible())
  series[[length(series) + 1]] <<- list(id = id, collection = collection, y = y)
}
add_mts <- function(prefix, collection, x, cols = colnames(x)) for (cn in cols) add(paste0(prefix, ".", cn), collection, x[, cn])

# --- yearly -------------------------------------------------------------------------------------------
add("datasets.LakeHuron", "y-R-misc", get_data("LakeHuron", "datasets"))
add("datasets.Nile", "y-R-misc", get_data("Nile", "datasets"))
add("datasets.airmiles", "y-R-misc", get_data("airmiles", "datasets"))
add("datasets.lynx", "y-R-misc", get_data("lynx", "datasets"))
add("datasets.nhtemp", "y-R-misc", get_data("nhtemp", "datasets"))
for (nm in c("ChinaIncome", "KleinI", "Longley", "ManufactCosts", "TechChange", "TradeCredit", "USConsump1993", "USGasB", "USGasG", "MotorCycles2")) {
  x <- get_data(nm, "AER")
  if (is.null(dim(x))) add(paste0("AER.", nm), "y-R-misc", x) else add_mts(paste0("AER.", nm), "y-R-misc", x)
}
add_mts("lmtest.unemployment", "y-R-misc", get_data("unemployment", "lmtest"), c("UN", "m", "p", "G", "x"))
add_mts("lmtest.ChickEgg", "y-R-misc", get_data("ChickEgg", "lmtest"))
add_mts("lmtest.USDistLag", "y-R-misc", get_data("USDistLag", "lmtest"))
add_mts("lmtest.wages", "y-R-misc", get_data("wages", "lmtest"), c("w", "CPI", "mw"))
nporg <- get_data("nporg", "urca")
for (cn in setdiff(colnames(nporg), "year")) add(paste0("urca.nporg.", cn), "y-nelson-plosser", ts(nporg[[cn]], start = nporg$year[1]))
produc <- get_data("Produc", "plm")
for (st in levels(produc$state)) {
  d <- produc[produc$state == st, ]
  for (v in c("pcap", "hwy", "water", "util", "pc", "gsp", "emp", "unemp")) add(paste0("plm.Produc.", st, ".", v), "y-panel-produc", ts(d[[v]], start = d$year[1]))
}
cigar <- get_data("Cigar", "plm")
for (st in unique(cigar$state)) {
  d <- cigar[cigar$state == st, ]
  for (v in c("price", "pop", "pop16", "ndi", "sales", "pimin")) add(paste0("plm.Cigar.", st, ".", v), "y-panel-cigar", ts(d[[v]], start = 1900 + d$year[1]))
}
d <- cigar[cigar$state == cigar$state[1], ]
add("plm.Cigar.cpi", "y-panel-cigar", ts(d$cpi, start = 1900 + d$year[1]))
grunfeld <- get_data("Grunfeld", "AER")
for (fm in levels(grunfeld$firm)) {
  d <- grunfeld[grunfeld$firm == fm, ]
  for (v in c("invest", "value", "capital")) add(paste0("AER.Grunfeld.", gsub(" ", "_", fm), ".", v), "y-panel-grunfeld", ts(d[[v]], start = d$year[1]))
}
read_shared <- function(file) read.csv(file.path(shared, "medicare", file), comment.char = "#")
m1 <- read_shared("us_medicare_hi_trust_fund_1966_1984.csv")
m2 <- read_shared("us_medicare_hi_trust_fund_1985_2001_partial.csv")
for (v in c("total_expenditures", "benefit_payments", "administrative_expenses")) add(paste0("medicare.", v), "y-medicare", ts(c(m1[[v]], m2[[v]]), start = m1$year[1]))
for (v in c("total_receipts", "payroll_taxes", "assets_end_of_year")) add(paste0("medicare.", v), "y-medicare", ts(m1[[v]], start = m1$year[1]))

# --- quarterly ----------------------------------------------------------------------------------------
for (nm in c("JohnsonJohnson", "UKgas", "austres")) add(paste0("datasets.", nm), "q-R", get_data(nm, "datasets"))
add("forecast.woolyrnq", "q-R", get_data("woolyrnq", "forecast"))
add("AER.ArgentinaCPI", "q-R", get_data("ArgentinaCPI", "AER"))
add("AER.UKNonDurables", "q-R", get_data("UKNonDurables", "AER"))
add("AER.GermanUnemployment.unadjusted", "q-R", get_data("GermanUnemployment", "AER")[, "unadjusted"])
add("AER.USProdIndex.unadjusted", "q-R", get_data("USProdIndex", "AER")[, "unadjusted"])
add_mts("AER.OrangeCounty", "q-R", get_data("OrangeCounty", "AER"))
add_mts("AER.USMacroB", "q-R", get_data("USMacroB", "AER"))
add_mts("AER.USMacroG", "q-R", get_data("USMacroG", "AER"), c("gdp", "consumption", "invest", "government", "dpi", "cpi", "m1", "tbill", "unemp", "population", "interest"))
add_mts("AER.USMoney", "q-R", get_data("USMoney", "AER"))
add_mts("urca.UKconsumption", "q-R", get_data("UKconsumption", "urca"))

# --- monthly ------------------------------------------------------------------------------------------
for (nm in c("AirPassengers", "USAccDeaths", "co2", "nottem")) add(paste0("datasets.", nm), "m-R", get_data(nm, "datasets"))
for (nm in c("ldeaths", "mdeaths", "fdeaths")) add(paste0("datasets.", nm), "m-R", get_data(nm, "datasets", "UKLungDeaths"))
add_mts("datasets.Seatbelts", "m-R", get_data("Seatbelts", "datasets"), c("DriversKilled", "drivers", "front", "rear", "kms", "PetrolPrice", "VanKilled"))
add("forecast.wineind", "m-R", get_data("wineind", "forecast"))
add("forecast.gas", "m-R", get_data("gas", "forecast"))
add("AER.BondYield", "m-R", get_data("BondYield", "AER"))
add("AER.DutchSales", "m-R", get_data("DutchSales", "AER"))
add_mts("AER.FrozenJuice", "m-R", get_data("FrozenJuice", "AER"), c("price", "ppi"))
add_mts("AER.PepperPrice", "m-R", get_data("PepperPrice", "AER"))
add_mts("AER.USMacroSWM", "m-R", get_data("USMacroSWM", "AER"), c("production", "oil", "cpi", "expenditure"))
add_mts("tseries.nino", "m-R", get_data("nino", "tseries"))
add_mts("tseries.tcm", "m-R", get_data("tcm", "tseries"))
add_mts("strucchange.USIncExp", "m-R", get_data("USIncExp", "strucchange"))

# --- write the series ---------------------------------------------------------------------------------
kind_of <- function(f) c("1" = "yearly", "4" = "quarterly", "12" = "monthly")[[as.character(f)]]
rows <- do.call(rbind, lapply(series, function(s) {
  y <- s$y; f <- frequency(y)
  t1 <- time(y)[1]; yr <- floor(t1 + 1e-6) # first period's year and cycle (robust to ts start rounding)
  data.frame(series = s$id, collection = s$collection, period = kind_of(f), frequency = f, start_year = yr,
             start_cycle = round((t1 - yr) * f) + 1, h = H[[as.character(f)]], values = paste(as.character(as.numeric(y)), collapse = " "))
}))
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
con <- file(file.path(outdir, "holdout_series.csv"), "w")
writeLines(paste0("# source: test/bench/holdout/holdout-r.R (R ", R.version$major, ".", R.version$minor,
                  "): yearly/quarterly/monthly series of R packages datasets, forecast, AER, plm, urca, lmtest, tseries, strucchange as shipped by Debian, and shared/data/medicare; values unchanged, ",
                  "space-separated in time order; the last h values are the test split"), con)
write.csv(rows, con, row.names = FALSE, quote = FALSE)
close(con)

# --- R's accuracy -------------------------------------------------------------------------------------
score <- function(x, xx, fc) {
  f <- as.numeric(fc$mean)
  scale <- mean(abs(diff(as.numeric(x), lag = frequency(x))))
  c(smape = mean(200 * abs(xx - f) / (abs(xx) + abs(f))), mase = mean(abs(xx - f)) / scale,
    cover95 = mean(xx >= fc$lower[, 2] & xx <= fc$upper[, 2]))
}
methods <- list(
  ets = function(x, h) forecast(ets(x), h = h, level = c(80, 95)),
  theta = function(x, h) thetaf(x, h = h, level = c(80, 95)),
  arima = function(x, h) forecast(auto.arima(x), h = h, level = c(80, 95)),
  naive = function(x, h) if (frequency(x) > 1) snaive(x, h = h, level = c(80, 95)) else naive(x, h = h, level = c(80, 95))
)
out <- list()
for (s in series) {
  f <- frequency(s$y); h <- H[[as.character(f)]]; n <- length(s$y) - h
  x <- ts(as.numeric(s$y)[1:n], frequency = f, start = start(s$y)); xx <- as.numeric(s$y)[(n + 1):(n + h)]
  for (m in names(methods)) {
    t0 <- proc.time()[["elapsed"]]
    fc <- tryCatch(methods[[m]](x, h), error = function(e) NULL)
    ms <- 1000 * (proc.time()[["elapsed"]] - t0)
    failed <- is.null(fc)
    if (failed) fc <- naive(x, h = h, level = c(80, 95))
    a <- score(x, xx, fc)
    out[[length(out) + 1]] <- data.frame(series = s$id, collection = s$collection, period = kind_of(f), method = m,
                                         smape = round(a[["smape"]], 6), mase = round(a[["mase"]], 6), cover95 = round(a[["cover95"]], 6),
                                         failed = as.integer(failed), fit_ms = round(ms, 1))
  }
}
con <- file(file.path(outdir, "r_holdout_measured.csv"), "w")
writeLines(paste0("# source: test/bench/holdout/holdout-r.R, R ", R.version$major, ".", R.version$minor, " / forecast ",
                  as.character(packageVersion("forecast")), ": ets(), thetaf(), auto.arima(), naive()/snaive() with default settings on the train split of each ",
                  "series of holdout_series.csv, published-M3 horizons; sMAPE in percent, MASE scaled by the in-sample (seasonal) naive MAE, ",
                  "cover95 = share of test values inside the 95% interval; a failed fit is scored with naive (failed = 1); fit_ms is wall time on a shared machine"), con)
write.csv(do.call(rbind, out), con, row.names = FALSE, quote = FALSE)
close(con)
cat(length(series), "series written to", outdir, "\n")
print(table(sapply(series, `[[`, "collection")))
