/**
 * Parses fund_records rows into a column-oriented batch: one Float64Array per numeric column
 * present, so a million rows cost tens of MB rather than a million objects. Cell-level rules are
 * checked here (required, not_a_number, negative_expenditure, bad_period, unknown_region,
 * unknown_scheme, unknown_account, adjustment_without_reason, caliber_mismatch within the file,
 * bad_date for the vintage). Series rules need every row of a fund and run later.
 */
import type { Account, Scheme } from '../../db/schema.ts';
import type { RowSource } from '../row-source.ts';
import { CellReader, parseDate } from '../cells.ts';
import type { ResolvedColumns } from '../header.ts';
import { yuanText } from '../format.ts';
import type { ImportContext } from '../types.ts';
import { ACCOUNT_VOCAB, SCHEME_VOCAB } from '../vocabulary.ts';
import { DEFAULT_ACCOUNT, DEFAULT_CALIBER, F_ADJUSTMENT, NUMERIC_FIELDS, type NumericField } from './columns.ts';

export interface FundSlot {
  /** `R01/employee/pooling` */
  key: string;
  regionId: number;
  scheme: Scheme;
  account: Account;
  caliber: string;
  /** Spreadsheet row that first named this fund (and so set its caliber for the file). */
  firstRow: number;
}

export const PERIOD_MONTH = 1;
export const PERIOD_YEAR = 2;

export interface FundRecordBatch {
  /** Rows read; the typed arrays may be longer (sized by the source's capacity). */
  size: number;
  rowNumbers: Int32Array;
  /** Index into `slots`, or −1 when region, scheme or account is unusable. */
  slot: Int32Array;
  /** Month index or year; meaningful when `periodKind` is not 0. */
  periodIndex: Int32Array;
  /** 0 = no valid period, PERIOD_MONTH or PERIOD_YEAR. */
  periodKind: Uint8Array;
  /** 1 when any cell of the row failed: the row is left out of value checks. */
  failed: Uint8Array;
  /**
   * Per NUMERIC_FIELDS position: the column's values (integer fen or head counts; NaN marks an
   * empty cell), or undefined when the file has no such column.
   */
  numeric: Array<Float64Array | undefined>;
  /** Positions in NUMERIC_FIELDS of the numeric columns the file has. */
  present: number[];
  reasons: Map<number, string>;
  /** Vintage cells given in the file, by row. */
  vintages: Map<number, string>;
  slots: FundSlot[];
  /** Whether the file has the column at all (absent columns keep stored values). */
  has: (name: string) => boolean;
}

const VINTAGE_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const NEGATIVE_NOT_ALLOWED = new Set(['expenditure', 'expenditure_inpatient', 'expenditure_outpatient', 'expenditure_pharmacy', 'expenditure_other']);

export function parseFundRecordRows(source: RowSource, cols: ResolvedColumns, ctx: ImportContext, regionIds: ReadonlyMap<string, number>): FundRecordBatch {
  const size = source.capacity;
  const r = new CellReader(cols, ctx.issues, ctx.exactNumbers);
  const present = NUMERIC_FIELDS.flatMap((f, k) => (r.has(f.name) ? [k] : []));
  const batch: FundRecordBatch = {
    size,
    rowNumbers: new Int32Array(size),
    slot: new Int32Array(size).fill(-1),
    periodIndex: new Int32Array(size),
    periodKind: new Uint8Array(size),
    failed: new Uint8Array(size),
    numeric: NUMERIC_FIELDS.map((f) => (r.has(f.name) ? new Float64Array(size) : undefined)),
    present,
    reasons: new Map(),
    vintages: new Map(),
    slots: [],
    has: (name) => r.has(name),
  };
  const columns = present.map((k) => ({ field: NUMERIC_FIELDS[k] as NumericField, out: batch.numeric[k] as Float64Array }));
  const adjustments = batch.numeric[F_ADJUSTMENT];
  const slotByKey = new Map<string, number>();
  const last = { slot: -1, regionCode: '' as string | null, scheme: '' as string | null, account: '' as string | null };
  const hasReason = r.has('adjustment_reason');
  const hasVintage = r.has('vintage');

  let i = 0;
  batch.size = source.forEachRow((row, rowNumber) => {
    batch.rowNumbers[i] = rowNumber;
    r.start(row, rowNumber);
    const regionCode = r.text('region_code', true);
    const regionId = regionCode === null ? undefined : regionIds.get(regionCode);
    if (regionCode !== null && regionId === undefined) {
      r.fail('region_code', 'unknown_region', `region "${regionCode}" is not in the regions table; import it first (kind regions)`);
    }
    const scheme = r.coded('scheme', SCHEME_VOCAB, 'unknown_scheme', true);
    const account = r.raw('account') === '' ? DEFAULT_ACCOUNT : r.coded('account', ACCOUNT_VOCAB, 'unknown_account');
    const period = r.period('period', true);
    if (period) {
      batch.periodIndex[i] = period.index;
      batch.periodKind[i] = period.kind === 'month' ? PERIOD_MONTH : PERIOD_YEAR;
    }
    for (const { field, out } of columns) {
      const v = field.money ? r.money(field.name, ctx.unit, isRequired(field.name)) : r.count(field.name);
      if (v !== null && v < 0 && NEGATIVE_NOT_ALLOWED.has(field.name)) {
        r.fail(field.name, 'negative_expenditure', `${field.name} cannot be negative: ${yuanText(v)} 元`);
      }
      out[i] = v ?? Number.NaN;
    }
    const reason = hasReason ? r.text('adjustment_reason') : null;
    if (reason !== null) batch.reasons.set(i, reason);
    const adjustment = adjustments?.[i];
    if (adjustment !== undefined && adjustment !== 0 && !Number.isNaN(adjustment) && reason === null) {
      r.fail('adjustment', 'adjustment_without_reason',
        `adjustment ${yuanText(adjustment)} 元 has no adjustment_reason; every adjustment to the roll-forward needs a recorded reason`);
    }
    if (hasVintage) readVintage(r, i, batch);
    const caliber = r.text('caliber') ?? DEFAULT_CALIBER;
    if (regionId !== undefined && scheme !== null && account !== null) {
      // Rows of one fund usually come together: reuse the last slot before building a key.
      let s = last.slot;
      if (regionCode !== last.regionCode || scheme !== last.scheme || account !== last.account) {
        const key = `${regionCode}/${scheme}/${account}`;
        s = slotByKey.get(key) ?? batch.slots.push({ key, regionId, scheme, account, caliber, firstRow: rowNumber }) - 1;
        slotByKey.set(key, s);
        Object.assign(last, { slot: s, regionCode, scheme, account });
      }
      batch.slot[i] = s;
      const slot = batch.slots[s] as FundSlot;
      if (slot.caliber !== caliber) {
        r.fail('caliber', 'caliber_mismatch',
          `caliber "${caliber}" differs from "${slot.caliber}" given in row ${slot.firstRow} for ${slot.key}; a series never mixes calibers (import the other caliber as a separate account)`);
      }
    }
    batch.failed[i] = r.failed ? 1 : 0;
    i++;
  });
  return batch;
}

function isRequired(name: string): boolean {
  return name === 'income' || name === 'expenditure' || name === 'balance';
}

function readVintage(r: CellReader, i: number, batch: FundRecordBatch): void {
  const t = r.raw('vintage');
  if (t === '') return;
  const v = VINTAGE_MONTH.test(t) ? t : parseDate(t);
  if (v === undefined) r.fail('vintage', 'bad_date', `vintage: not a date (expected YYYY-MM-DD or YYYY-MM): "${t}"`);
  else batch.vintages.set(i, v);
}

/** Vintage option check: `YYYY-MM-DD` or `YYYY-MM`. */
export function isValidVintage(text: string): boolean {
  return VINTAGE_MONTH.test(text) || parseDate(text) === text;
}
