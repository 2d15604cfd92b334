#!/usr/bin/env python3
"""Independent oracle for the warn fixtures: domain.md §3 by brute force with exact fractions.

No sliding window, no code shared with fundrisk: every window is re-summed from the rows, every
ratio is a Fraction, and a double is made only at the end (float(Fraction) is correctly rounded,
as is the TypeScript B·n/E on safe integers, so the two agree to the last bit).
Run: python3 test/reference/warn/work-by-hand.py  (rewrites the *.expected.json files).
"""
import csv, json, os
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = {"denominator": "current_year", "t": [3, 6, 9, 15], "surplus": F(15, 100), "acc": F(25, 100)}

def fen(text):
    return int((Decimal(text) * 100).to_integral_value(ROUND_HALF_UP))

def month_index(p):
    return int(p[:4]) * 12 + int(p[5:7]) - 1 if len(p) == 7 else int(p)

def tier(b, n, e, t):
    if e <= 0:
        return None, ("purple" if b > 0 else "red")
    m = F(b * n, e)
    red, orange, green, blue = (F(str(x)) for x in t)
    if b <= 0 or m < red: name = "red"
    elif m < orange: name = "orange"
    elif m <= green: name = "green"
    elif m <= blue: name = "blue"
    else: name = "purple"
    return float(m), name

def evaluate(rows, params):
    out = {}
    funds = {}
    for r in rows:
        funds.setdefault((r["region"], r["scheme"]), []).append(r)
    for (region, scheme), fund in funds.items():
        p = dict(DEFAULT); p.update(params.get("base", {})); p.update(params.get(scheme, {})); p.update(params.get((region, scheme), {}))
        fund.sort(key=lambda r: month_index(r["period"]))
        for i, r in enumerate(fund):
            t = month_index(r["period"]); yearly = len(r["period"]) == 4
            if yearly: window = [r]
            elif p["denominator"] == "year_to_date": window = [x for x in fund if x["period"][:4] == r["period"][:4] and month_index(x["period"]) <= t]
            else: window = [x for x in fund if t - 12 < month_index(x["period"]) <= t]
            n = 12 if yearly else len(window)
            inc = sum(x["income"] for x in window); exp = sum(x["expenditure"] for x in window)
            dn, de = (12, r["projected"]) if p["denominator"] == "projected_next_12" else (n, exp)
            months, name = tier(r["balance"], dn, de, p["t"])
            flags = (["current_deficit"] if inc < exp else []) + (["short_history"] if not yearly and p["denominator"] != "year_to_date" and n < 12 else [])
            run, j = 0, i
            while j >= 0 and fund[j]["income"] < fund[j]["expenditure"] and (j == i or month_index(fund[j + 1]["period"]) - month_index(fund[j]["period"]) == 1):
                run += 1; j -= 1
            annual = int((F(de * 12, dn) + F(1, 2)).__floor__())
            w = {"region": region, "scheme": scheme, "period": r["period"], "payableMonths": months, "tier": name, "flags": flags,
                 "consecutiveDeficits": run, "denominator": p["denominator"], "annualExpenditure": annual / 100, "windowMonths": n}
            if scheme == "resident":
                s = F(inc - exp, inc) if inc > 0 else None; a = F(r["balance"] * n, 12 * inc) if inc > 0 else None
                w["resident"] = {"currentSurplusRate": None if s is None else float(s), "accumulatedSurplusRatio": None if a is None else float(a),
                                 "surplusRateBreach": s is not None and s > p["surplus"], "accumulatedRatioBreach": a is not None and a > p["acc"]}
            out[r["row"]] = w
    return [out[r["row"]] for r in rows]

def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [{"row": k, "region": r["region"], "scheme": r["scheme"], "period": r["period"], "income": fen(r["income"]),
             "expenditure": fen(r["expenditure"]), "balance": fen(r["balance"]),
             "projected": fen(r["projected_expenditure_next_12"]) if r.get("projected_expenditure_next_12") else None} for k, r in enumerate(rows)]

CASES = {
    "yearly": ("yearly.csv", {}),
    "monthly-seasonal": ("monthly-seasonal.csv", {}),
    "monthly-seasonal-ytd": ("monthly-seasonal.csv", {"base": {"denominator": "year_to_date"}}),
    "region-override": ("region-override.csv", {"resident": {"t": [3, 6, 9, 12]}, ("乙", "employee"): {"t": [3, 6, 10, 15]}}),
    "projected": ("projected.csv", {"base": {"denominator": "projected_next_12"}}),
}
for case, (csv_name, params) in CASES.items():
    with open(os.path.join(HERE, f"{case}.expected.json"), "w", encoding="utf-8") as f:
        json.dump({"warnings": evaluate(load(csv_name), params)}, f, ensure_ascii=False, indent=1)
        f.write("\n")
