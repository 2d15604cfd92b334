#!/usr/bin/env python3
"""Independent re-implementation of `fundrisk project` for the reference scenarios in this folder.

A second implementation, in another language and with no shared code, written from the rules as
documented: interfaces.md `project` (timing convention), domain.md §4 with the waterfall rules stated in
models/projection/financing.ts, and the policy-factor rule of models/projection/policy.ts. It is plain
loops over the scenario JSON, nothing more, so it can be read against the documents line by line.
Python floats are IEEE doubles and each
expression below is evaluated left to right in the order the convention writes it, so the results
are the doubles the CLI should produce; money is then rounded to the fen half away from zero.

Run: python3 test/reference/projection/work-by-hand.py   (writes <name>.expected.json beside each scenario)
"""
import json
import math
import pathlib

HERE = pathlib.Path(__file__).parent
TIERS = (3, 6, 9, 15)  # domain.md §3.2 cut points
RESERVE_RATE = 0.09    # domain.md §4.1 default


def fen(x):
    r = math.floor(abs(x) * 100 + 0.5) / 100
    return (-r if x < 0 else r) + 0.0


def path(value, n):
    return [float(value)] * n if isinstance(value, (int, float)) else [float(v) for v in value]


def tier(balance, months):
    if months is None:
        return 'purple' if balance > 0 else 'red'
    if balance <= 0 or months < TIERS[0]:
        return 'red'
    if months < TIERS[1]:
        return 'orange'
    if months <= TIERS[2]:
        return 'green'
    if months <= TIERS[3]:
        return 'blue'
    return 'purple'


def policy(s, year, group):
    f = 1.0
    for p in s.get('policy', []):
        if p['fromYear'] <= year and p.get('appliesTo', 'all') in ('all', group):
            f = f * p['expenditureFactor']
    return f


def flows(s):
    n, o, a = s['horizonYears'], s['opening'], {k: path(v, s['horizonYears']) for k, v in s['assumptions'].items()}
    out = []
    b = o['balanceYuan']
    if s['scheme'] == 'employee':
        act, ret, wage, ca, cr = o['activeMembers'], o['retirees'], o['avgMonthlyWageYuan'], o['costPerActiveYuan'], o['costPerRetireeYuan']
        for t in range(n):
            year = s['startYear'] + t
            act = act * (1 + a['activeGrowth'][t])
            ret = ret * (1 + a['retireeGrowth'][t])
            wage = wage * (1 + a['wageGrowth'][t])
            ca = ca * (1 + a['medicalInflation'][t]) * (1 + a['utilisationGrowth'][t])
            cr = cr * (1 + a['medicalInflation'][t]) * (1 + a['utilisationGrowth'][t])
            income = act * wage * 12 * a['poolingRate'][t] * a['collectionRate'][t] + a['subsidyYuan'][t]
            interest = b * a['interestRate'][t]
            expenditure = act * (ca * policy(s, year, 'active')) + ret * (cr * policy(s, year, 'retirees'))
            b = b + income + interest - expenditure
            out.append((year, income, interest, expenditure, b))
    else:
        ins, prem, sub, cost = o['insured'], o['premiumYuan'], o['subsidyPerHeadYuan'], o['costPerHeadYuan']
        for t in range(n):
            year = s['startYear'] + t
            ins = ins * (1 + a['insuredGrowth'][t])
            prem = prem + a['premiumGrowthYuan'][t]
            sub = sub + a['subsidyGrowthYuan'][t]
            cost = cost * (1 + a['medicalInflation'][t]) * (1 + a['utilisationGrowth'][t])
            income = ins * (prem + sub) * a['collectionRate'][t]
            interest = b * a['interestRate'][t]
            expenditure = ins * (cost * policy(s, year, 'all'))
            b = b + income + interest - expenditure
            out.append((year, income, interest, expenditure, b))
    return out


def project(s):
    rows = flows(s)
    rate = s.get('reserveRate', RESERVE_RATE)
    cap = path(s['fiscalSubsidyCapYuan'], s['horizonYears']) if 'fiscalSubsidyCapYuan' in s else None
    reserve = s.get('openingReserveYuan', 0.0)
    prev = s['opening']['balanceYuan']
    exhausted = {'reserve': None, 'accumulatedSurplus': None, 'fiscal': None}
    years, first_deficit, exhaustion = [], None, None
    for t, (year, income, interest, expenditure, balance) in enumerate(rows):
        months = balance / (expenditure / 12) if expenditure > 0 else None
        if first_deficit is None and income + interest < expenditure:
            first_deficit = year
        if exhaustion is None and balance <= 0:
            exhaustion = year
        short = max(0.0, expenditure - income - interest)
        src = {'reserve': 0.0, 'accumulatedSurplus': 0.0, 'fiscal': 0.0, 'other': 0.0}
        if short > 0:
            free = max(0.0, prev - reserve)
            c = cap[t] if cap is not None else math.inf
            src['reserve'] = min(short, reserve)
            left = short - src['reserve']
            src['accumulatedSurplus'] = min(left, free)
            left -= src['accumulatedSurplus']
            src['fiscal'] = min(left, c)
            src['other'] = left - src['fiscal']
            if exhausted['reserve'] is None and short > reserve:
                exhausted['reserve'] = year
            if exhausted['accumulatedSurplus'] is None and short - src['reserve'] > free:
                exhausted['accumulatedSurplus'] = year
            if exhausted['fiscal'] is None and left > c:
                exhausted['fiscal'] = year
            reserve = min(reserve - src['reserve'], max(0.0, balance))
        else:
            reserve = min(reserve + rate * max(0.0, income), max(0.0, balance))
        prev = balance
        years.append({
            'year': year, 'income': fen(income), 'interest': fen(interest), 'expenditure': fen(expenditure),
            'balance': fen(balance), 'payableMonths': months, 'tier': tier(balance, months),
            'shortfall': fen(short), 'fromReserve': fen(src['reserve']), 'fromAccumulatedSurplus': fen(src['accumulatedSurplus']),
            'fromFiscal': fen(src['fiscal']), 'fromOther': fen(src['other']), 'reserve': fen(reserve),
        })
    return {'years': years, 'firstDeficitYear': first_deficit, 'exhaustionYear': exhaustion,
            'deficitFinancing': {'exhaustedYear': exhausted}}


if __name__ == '__main__':
    for scenario in sorted(HERE.glob('*.json')):
        if scenario.name.endswith('.expected.json'):
            continue
        result = project(json.loads(scenario.read_text()))
        scenario.with_name(scenario.stem + '.expected.json').write_text(json.dumps(result, indent=1) + '\n')
        print(scenario.name, 'first deficit', result['firstDeficitYear'], 'exhaustion', result['exhaustionYear'],
              'sources run out', result['deficitFinancing']['exhaustedYear'])
