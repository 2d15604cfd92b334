/**
 * Synthetic monthly fund series for benchmarks: `regions` regions × employee and resident funds ×
 * `months` months, balances rolling forward exactly. Deterministic (a fixed linear congruence).
 */
export interface SyntheticFundsOptions {
  regions: number;
  months: number;
  startYear: number;
}

export function* syntheticFundRows({ regions, months, startYear }: SyntheticFundsOptions): Generator<string> {
  yield 'region_code,scheme,period,income,expenditure,balance';
  let state = 12345;
  const next = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
  for (let r = 0; r < regions; r++) {
    const code = `B${String(r).padStart(5, '0')}`;
    for (const scheme of ['employee', 'resident']) {
      let balanceFen = Math.round(5e8 + next() * 5e9);
      for (let m = 0; m < months; m++) {
        const year = startYear + Math.floor(m / 12);
        const month = (m % 12) + 1;
        const expenditureFen = Math.round(5e7 + next() * 5e7);
        const incomeFen = Math.round(expenditureFen * (0.85 + next() * 0.3));
        balanceFen += incomeFen - expenditureFen;
        yield `${code},${scheme},${year}-${String(month).padStart(2, '0')},${fen(incomeFen)},${fen(expenditureFen)},${fen(balanceFen)}`;
      }
    }
  }
}

export function syntheticRegionRows(regions: number): string[] {
  const rows = ['code,name,name_en,level,parent_code', 'BENCH,基准省,Bench province,province,'];
  for (let r = 0; r < regions; r++) {
    const code = `B${String(r).padStart(5, '0')}`;
    rows.push(`${code},基准市${r},Bench city ${r},city,BENCH`);
  }
  return rows;
}

function fen(v: number): string {
  return (v / 100).toFixed(2);
}
