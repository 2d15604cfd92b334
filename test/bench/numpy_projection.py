"""NumPy peer of models/stochastic: the same Monte Carlo projection of the employee pooling fund,
vectorised over paths (one NumPy operation per year and per month block), for the benchmark in
test/bench/projection-stochastic.ts.

Model (interfaces.md `project` timing convention, domain.md section 6.3), identical to the TypeScript engine:
  d_t = phi * d_{t-1} + diag(sigma) L_R z_t,  d_0 = 0   (AR(1) deviations, L_R = Cholesky of the correlation)
  x_t = x_{t-1} * (1 + g_t + d_t) for active members, retirees and the wage;
  costs c_t = c_{t-1} * (1 + m_t + d^m_t) * (1 + u_t + d^u_t);
  income_t = active_t * wage_t * 12 * poolingRate_t * collectionRate_t + subsidy_t,
  interest_t = B_{t-1} * i_t, expenditure_t = active_t * cA_t + retirees_t * cR_t,
  B_t = B_{t-1} + income_t + interest_t - expenditure_t, months_t = B_t / (expenditure_t / 12);
  month m of year t ends at B_{t-1} + income_t C_m + interest_t m / 12 - expenditure_t C_m with the
  cumulative flat shares C_m = m / 12; December is B_t; a path is exhausted in the first month ending <= 0
  (only paths not yet exhausted are stepped through the months, as the TypeScript engine does).
Outputs: the percentiles 2.5 ... 97.5 (linear interpolation, numpy's default = simple-statistics
quantileSorted) of balance and payable months per year, the probabilities of deficit, red tier,
exhaustion by year and red by year (the exhaustion-year distribution is the yearly increase of the former).

The random numbers come from numpy's PCG64 generator, not the TypeScript xoshiro stream, so the two
implementations agree exactly only at zero volatility and statistically otherwise.

Input and output: JSON lines on stdin and stdout (see main), so that the benchmark can alternate
its runs with the TypeScript ones under the same machine load.
"""
import json
import resource
import sys
import time

import numpy as np

LEVELS = [2.5, 10, 25, 50, 75, 90, 97.5]
DRIVERS = ["wageGrowth", "medicalInflation", "utilisationGrowth", "activeGrowth", "retireeGrowth"]


def path_of(value, years):
    """An assumption as a vector over the horizon (constant or one value per year)."""
    return np.full(years, float(value)) if isinstance(value, (int, float)) else np.asarray(value, dtype=float)


def simulate(scenario, shocks, paths, seed, red_below):
    years = scenario["horizonYears"]
    a = {k: path_of(v, years) for k, v in scenario["assumptions"].items()}
    o = scenario["opening"]
    k = len(shocks["drivers"])
    loading = np.linalg.cholesky(np.asarray(shocks["correlation"], dtype=float)) * np.asarray(shocks["sigma"])[:, None]
    phi = np.asarray(shocks["phi"], dtype=float)
    rng = np.random.default_rng(seed)
    eps = rng.standard_normal((years, paths, k)) @ loading.T
    column = {name: shocks["drivers"].index(name) if name in shocks["drivers"] else -1 for name in DRIVERS}
    zero = np.zeros(paths)

    d = np.zeros((paths, k))
    active = np.full(paths, float(o["activeMembers"]))
    retirees = np.full(paths, float(o["retirees"]))
    wage = np.full(paths, float(o["avgMonthlyWageYuan"]))
    cost_a = np.full(paths, float(o["costPerActiveYuan"]))
    cost_r = np.full(paths, float(o["costPerRetireeYuan"]))
    balance = np.full(paths, float(o["balanceYuan"]))
    cumulative = np.concatenate([[0.0], np.cumsum(np.full(12, 1 / 12))])
    elapsed = np.arange(1, 12) / 12
    exhausted_year = np.full(paths, -1)
    red_ever = np.zeros(paths, dtype=bool)
    balances = np.empty((years, paths))
    months = np.empty((years, paths))
    deficit = np.empty(years)
    red = np.empty(years)
    red_by = np.empty(years)

    for t in range(years):
        d = phi * d + eps[t]
        dev = {name: (d[:, c] if c >= 0 else zero) for name, c in column.items()}
        active = active * (1 + (a["activeGrowth"][t] + dev["activeGrowth"]))
        retirees = retirees * (1 + (a["retireeGrowth"][t] + dev["retireeGrowth"]))
        wage = wage * (1 + (a["wageGrowth"][t] + dev["wageGrowth"]))
        inflation = 1 + (a["medicalInflation"][t] + dev["medicalInflation"])
        utilisation = 1 + (a["utilisationGrowth"][t] + dev["utilisationGrowth"])
        cost_a = cost_a * inflation * utilisation
        cost_r = cost_r * inflation * utilisation
        income = active * wage * 12 * a["poolingRate"][t] * a["collectionRate"][t] + a["subsidyYuan"][t]
        expenditure = active * cost_a + retirees * cost_r
        interest = balance * a["interestRate"][t]
        b1 = balance + income + interest - expenditure
        deficit[t] = np.mean(income + interest < expenditure)
        # paths not yet exhausted: month ends January ... November (cumulative shares); December is b1 itself
        alive = np.flatnonzero(exhausted_year < 0)
        month_end = (balance[alive, None] + np.outer(income[alive], cumulative[1:12]) + np.outer(interest[alive], elapsed)
                     - np.outer(expenditure[alive], cumulative[1:12]))
        hit = (month_end <= 0).any(axis=1) | (b1[alive] <= 0)
        exhausted_year[alive[hit]] = t
        pm = np.where(expenditure > 0, b1 / (expenditure / 12), np.where(b1 > 0, np.inf, -np.inf))
        is_red = (b1 <= 0) | (pm < red_below)
        red[t] = np.mean(is_red)
        red_ever |= is_red | (exhausted_year >= 0)
        red_by[t] = np.mean(red_ever)
        balances[t] = b1
        months[t] = pm
        balance = b1

    counts = np.bincount(exhausted_year[exhausted_year >= 0], minlength=years) / paths
    return {
        "balance": np.percentile(balances, LEVELS, axis=1).tolist(),
        "payableMonths": np.percentile(months, LEVELS, axis=1).tolist(),
        "probabilityDeficit": deficit.tolist(),
        "probabilityRed": red.tolist(),
        "probabilityExhaustedBy": np.cumsum(counts).tolist(),
        "probabilityRedBy": red_by.tolist(),
        "arrayBytes": int(eps.nbytes + balances.nbytes + months.nbytes + 12 * 8 * paths),
    }


def main():
    """First line: {"scenario", "shocks", "seed", "redBelow"}. Then one JSON request per line, one JSON
    answer per line: {"paths": n} runs the simulation and answers {"ms", "cpuMs", "arrayBytes"}
    (time.perf_counter and time.process_time around the simulation only) plus the result when
    "result" is true; {"zeroVolatility": true} answers the result with every sigma 0 (10 paths).
    At end of input: {"numpy": version, "peakRssMB": peak RSS of this process}.
    """
    config = json.loads(sys.stdin.readline())
    scenario, shocks, seed, red_below = config["scenario"], config["shocks"], config["seed"], config["redBelow"]
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("zeroVolatility"):
            answer = simulate(scenario, dict(shocks, sigma=[0.0] * len(shocks["sigma"])), 10, seed, red_below)
        else:
            start, start_cpu = time.perf_counter(), time.process_time()
            result = simulate(scenario, shocks, request["paths"], seed, red_below)
            answer = {"ms": (time.perf_counter() - start) * 1000, "cpuMs": (time.process_time() - start_cpu) * 1000,
                      "arrayBytes": result["arrayBytes"], **({"result": result} if request.get("result") else {})}
        print(json.dumps(answer), flush=True)
    print(json.dumps({"numpy": np.__version__, "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)


if __name__ == "__main__":
    main()
