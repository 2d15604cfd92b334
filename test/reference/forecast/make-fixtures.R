# Golden values for models/forecast from R's forecast package (Hyndman & Khandakar 2008, JSS 27(3)).
#
#   Rscript test/reference/forecast/make-fixtures.R
#
# Writes one JSON file per series beside this script. Needs Debian's r-base-core and r-cran-forecast
# (8.20; jsonlite comes with it). CI never runs this: the JSON files are committed.
# The shared data folder is $FUNDRISK_SHARED_DATA, else ../shared/data beside the repository root.
#
# Numbers are written with the fewest of 15, 16 or 17 significant digits that read back to the same
# double: jsonlite::toJSON stops at 15 significant digits even with digits = NA or I(17) (checked with
# jsonlite 1.8.4), which loses up to 1 ulp * 100 on values like 16804.1526339948.
suppressPackageStartupMessages(library(forecast))
stopifnot(packageVersion("forecast") == "8.20")

args_all <- commandArgs(trailingOnly = FALSE)
script_path <- normalizePath(sub("^--file=", "", grep("^--file=", args_all, value = TRUE)[1]))
out_dir <- dirname(script_path)
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
shared <- Sys.getenv("FUNDRISK_SHARED_DATA", file.path(repo_root, "..", "shared", "data"))
R_LABEL <- sprintf("R %s / forecast %s", paste(R.version$major, R.version$minor, sep = "."),
                   as.character(packageVersion("forecast")))
LEVELS <- c(80, 95)

# ---- a small JSON writer with round-trip doubles -------------------------------------------------
arr <- function(x) structure(as.numeric(x), class = "json_array")
num1 <- function(v) {
  if (is.na(v) || !is.finite(v)) return("null")
  for (d in 15:17) {
    s <- trimws(formatC(v, digits = d, format = "g"))
    if (as.numeric(s) == v) break
  }
  s
}
str1 <- function(s) as.character(jsonlite::toJSON(s, auto_unbox = TRUE))
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (inherits(x, "json_array")) return(paste0("[", paste(vapply(unclass(x), num1, ""), collapse = ", "), "]"))
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    if (is.null(names(x))) {
      items <- vapply(x, to_json, "", indent = inner)
      return(paste0("[\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    }
    items <- vapply(names(x), function(k) paste0(str1(k), ": ", to_json(x[[k]], inner)), "")
    return(paste0("{\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  if (length(x) != 1) stop("to_json: wrap vectors in arr() or as.list(): ", deparse(x))
  if (is.logical(x)) return(if (is.na(x)) "null" else if (x) "true" else "false")
  if (is.character(x)) return(str1(x))
  num1(x)
}
named <- function(v) { l <- as.list(as.numeric(v)); names(l) <- names(v); l }

# ---- one section per fit --------------------------------------------------------------------------
intervals <- function(fc) list(
  mean = arr(fc$mean),
  lower80 = arr(fc$lower[, 1]), upper80 = arr(fc$upper[, 1]),
  lower95 = arr(fc$lower[, 2]), upper95 = arr(fc$upper[, 2])
)
safely <- function(call, expr) tryCatch(expr, error = function(e) list(call = call, error = conditionMessage(e)))

ets_section <- function(call, fit, h) {
  set.seed(1) # only used when forecast.ets simulates (models without analytic variance)
  fc <- forecast(fit, h = h, level = LEVELS)
  comp <- fit$components
  analytic <- (comp[1] == "A" && comp[2] %in% c("A", "N") && comp[3] %in% c("N", "A")) ||
    (comp[1] == "M" && comp[2] %in% c("A", "N") && comp[3] %in% c("N", "A")) ||
    (comp[1] == "M" && comp[3] == "M" && comp[2] != "M")
  c(list(call = call, model = fit$method, par = named(fit$par), states0 = named(fit$states[1, ]),
         loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic, sigma2 = fit$sigma2,
         mse = fit$mse, amse = fit$amse,
         intervals = if (analytic) "analytic" else "simulated: set.seed(1), npaths = 5000",
         fitted = arr(fitted(fit))),
    intervals(fc))
}

arima_section <- function(call, fit, h) {
  fc <- forecast(fit, h = h, level = LEVELS)
  c(list(call = call, order = forecast:::arima.string(fit, padding = FALSE),
         arimaorder = named(arimaorder(fit)),
         coef = if (length(fit$coef)) named(fit$coef) else setNames(list(), character(0)),
         sigma2 = fit$sigma2, loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
         fitted = arr(fitted(fit))),
    intervals(fc))
}

# The seasonality test inside thetaf (forecast 8.20): 90% one-sided test on the lag-m autocorrelation.
theta_seasonal <- function(x) {
  n <- length(x); m <- frequency(x)
  if (m > 1 && !is.constant(x) && n > 2 * m) {
    r <- as.numeric(acf(x, lag.max = m, plot = FALSE)$acf)[-1]
    stat <- sqrt((1 + 2 * sum(r[-m]^2)) / n)
    abs(r[m]) / stat > qnorm(0.95)
  } else FALSE
}

theta_section <- function(y, h) {
  fc <- thetaf(y, h = h, level = LEVELS)
  c(list(call = "thetaf(y, h=h)", seasonal_adjusted = theta_seasonal(y),
         alpha = as.numeric(fc$model$alpha), drift = as.numeric(fc$model$drift),
         sigma2 = as.numeric(fc$model$sigma), fitted = arr(fc$fitted)),
    intervals(fc))
}

write_fixture <- function(name, y, h, source, extra = list()) {
  fx <- c(list(name = name, source = source, frequency = frequency(y), start = arr(start(y)),
               values = arr(y), h = h, R = R_LABEL), extra)
  fx$ets <- safely("ets(y)", ets_section("ets(y)", ets(y), h))
  fx$ets_ann <- safely('ets(y, model="ANN")', ets_section('ets(y, model="ANN")', ets(y, model = "ANN"), h))
  fx$ets_aan <- safely('ets(y, model="AAN", damped=FALSE)',
                       ets_section('ets(y, model="AAN", damped=FALSE)', ets(y, model = "AAN", damped = FALSE), h))
  fx$arima <- safely("auto.arima(y)", arima_section("auto.arima(y)", auto.arima(y), h))
  fx$arima_111 <- safely("Arima(y, order=c(1,1,1))",
                         arima_section("Arima(y, order=c(1,1,1))", Arima(y, order = c(1, 1, 1)), h))
  fx$theta <- safely("thetaf(y, h=h)", theta_section(y, h))
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(to_json(fx), path)
  # The file must read back to the very same doubles (values, and every number of one full section).
  back <- jsonlite::fromJSON(path)
  stopifnot(identical(as.numeric(back$values), as.numeric(y)))
  if (is.null(fx$theta$error)) stopifnot(identical(back$theta$upper95, as.numeric(fx$theta$upper95)))
  if (is.null(fx$ets$error)) stopifnot(identical(unlist(back$ets$par), unlist(fx$ets$par)),
                                       identical(back$ets$fitted, as.numeric(fx$ets$fitted)))
  cat(sprintf("%-24s n=%3d h=%2d  ets %-12s arima %s\n", name, length(y), h,
              if (is.null(fx$ets$model)) "ERROR" else fx$ets$model,
              if (is.null(fx$arima$order)) "ERROR" else fx$arima$order))
}

# ---- R datasets -----------------------------------------------------------------------------------
write_fixture("AirPassengers", AirPassengers, 24, "R datasets::AirPassengers (Box & Jenkins airline passengers, thousands, monthly 1949-1960)")
write_fixture("USAccDeaths", USAccDeaths, 24, "R datasets::USAccDeaths (US accidental deaths, monthly 1973-1978)")
write_fixture("UKgas", UKgas, 8, "R datasets::UKgas (UK gas consumption, million therms, quarterly 1960-1986)")
write_fixture("WWWusage", WWWusage, 10, "R datasets::WWWusage (users connected to a server, per minute; frequency 1)")
write_fixture("Nile", Nile, 10, "R datasets::Nile (annual flow of the Nile at Aswan, 10^8 m^3, 1871-1970)")
write_fixture("lynx", lynx, 10, "R datasets::lynx (annual Canadian lynx trappings, 1821-1934)")

# ---- M3 series (train part; the published horizon; the test part kept as `test`) -------------------
read_m3 <- function(kind) read.csv(file.path(shared, "m3", sprintf("m3_%s.csv", kind)), skip = 1, stringsAsFactors = FALSE)
m3_fixture <- function(tab, id, kind) {
  rows <- tab[tab$series == id, ]
  tr <- rows[rows$split == "train", ]; te <- rows[rows$split == "test", ]
  tr <- tr[order(tr$t), ]; te <- te[order(te$t), ]
  y <- ts(tr$value, frequency = tr$frequency[1], start = c(tr$start_year[1], tr$start_cycle[1]))
  write_fixture(paste0("m3-", id), y, te$h[1],
                sprintf("M3 %s series %s (%s), train split of shared/data/m3/m3_%s.csv (Mcomp 2.9)", kind, id, tr$type[1], kind),
                list(test = arr(te$value)))
}
yearly <- read_m3("yearly"); quarterly <- read_m3("quarterly"); monthly <- read_m3("monthly")
m3_fixture(yearly, "N0001", "yearly")
m3_fixture(yearly, "N0160", "yearly")
m3_fixture(quarterly, "N0646", "quarterly")
m3_fixture(quarterly, "N1000", "quarterly")
m3_fixture(monthly, "N1402", "monthly")
m3_fixture(monthly, "N2773", "monthly")

# ---- US Medicare HI trust fund (SSA Annual Statistical Supplement Table 8.A1), millions of USD -----
med_a <- read.csv(file.path(shared, "medicare", "us_medicare_hi_trust_fund_1966_1984.csv"), skip = 1)
med_b <- read.csv(file.path(shared, "medicare", "us_medicare_hi_trust_fund_1985_2001_partial.csv"), skip = 1)
spend <- rbind(med_a[, c("year", "total_expenditures")], med_b[, c("year", "total_expenditures")])
stopifnot(all(diff(spend$year) == 1))
write_fixture("medicare-hi-expenditure", ts(spend$total_expenditures, start = spend$year[1], frequency = 1), 5,
              "US Medicare HI trust fund total expenditures, millions of USD, calendar years 1966-2001 (shared/data/medicare, SSA Table 8.A1)")
write_fixture("medicare-hi-receipts", ts(med_a$total_receipts, start = med_a$year[1], frequency = 1), 5,
              "US Medicare HI trust fund total receipts, millions of USD, calendar years 1966-1984 (shared/data/medicare, SSA Table 8.A1)")
