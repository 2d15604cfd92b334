/**
 * Reads typed values out of one row's cells. Every problem becomes an issue naming the row and
 * the column as written; a cell that fails reads as null and marks the row `failed`, so later
 * checks that need the value skip the row instead of reporting follow-on noise.
 * A cell holding only a dash or slash (`-`, `—`, `－`, `/`), as Chinese statistical tables write
 * "no data", counts as empty.
 */
import type { MoneyUnit } from '../../models/core/money.ts';
import { parsePeriod, type ParsedPeriod } from '../../models/core/period.ts';
import { amountToFen, expandExponent } from './fast-amount.ts';
import type { ResolvedColumns } from './header.ts';
import type { IssueCollector } from './issues.ts';
import { lookup, codesOf } from './vocabulary.ts';

const PLACEHOLDER = /^[-—–－/]+$/;
const PLACEHOLDER_START = new Set([...'-—–－/'].map((ch) => ch.charCodeAt(0)));
const SPACE = 32;
/** A text cell exported with a leading quote to stop spreadsheet formulas (export-table.ts). */
const QUOTED_FORMULA = /^'(?=[=+\-@\t\r])/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const FIRST_OF_MONTH = /^(\d{4})-(\d{2})-01$/;
const INTEGER = /^\d{1,3}(,\d{3})+$|^\d+$/;
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** `YYYY-MM-DD` of a valid calendar date, or undefined. */
export function parseDate(text: string): string | undefined {
  const m = DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export class CellReader {
  row: readonly string[] = [];
  rowNumber = 0;
  failed = false;
  private readonly periods = new Map<string, ParsedPeriod | null>();

  /** @param exactNumbers cells hold `String(number)` of spreadsheet numbers (XLSX): exponent notation is exact there. */
  constructor(private readonly cols: ResolvedColumns, private readonly issues: IssueCollector, private readonly exactNumbers = false) {}

  start(row: readonly string[], rowNumber: number): this {
    this.row = row;
    this.rowNumber = rowNumber;
    this.failed = false;
    return this;
  }

  has(name: string): boolean {
    return this.cols.index.has(name);
  }

  label(name: string): string {
    return this.cols.label.get(name) ?? name;
  }

  /** Trimmed text of the cell, '' when the column is absent or the cell is empty or a placeholder. */
  raw(name: string): string {
    const i = this.cols.index.get(name);
    if (i === undefined) return '';
    const cell = this.row[i] ?? '';
    const n = cell.length;
    if (n === 0) return cell;
    const t = cell.charCodeAt(0) <= SPACE || cell.charCodeAt(n - 1) <= SPACE ? cell.trim() : cell;
    return PLACEHOLDER_START.has(t.charCodeAt(0)) && PLACEHOLDER.test(t) ? '' : t;
  }

  fail(name: string, rule: string, message: string): null {
    this.failed = true;
    this.issues.error(this.rowNumber, this.label(name), rule, message);
    return null;
  }

  /** Null when empty: then a `required` column reports rule `required`. */
  private present(name: string, required: boolean): string | null {
    const t = this.raw(name);
    if (t !== '') return t;
    if (required) this.fail(name, 'required', `${name} is required but the cell is empty`);
    return null;
  }

  text(name: string, required = false): string | null {
    const t = this.present(name, required);
    return t === null ? null : t.replace(QUOTED_FORMULA, '');
  }

  /** Integer fen of an amount in the column's unit (from its header or the import's). */
  money(name: string, fallbackUnit: MoneyUnit, required = false): number | null {
    const t = this.present(name, required);
    if (t === null) return null;
    try {
      return amountToFen(this.exactNumbers ? expandExponent(t) : t, this.cols.unit.get(name) ?? fallbackUnit);
    } catch (err) {
      const message = (err as Error).message;
      return this.fail(name, message.startsWith('amount too large') ? 'amount_too_large' : 'not_a_number', `${name}: ${message}`);
    }
  }

  /** A whole number ≥ 0 (people, cases); thousands separators allowed. */
  count(name: string, required = false): number | null {
    const t = this.present(name, required);
    if (t === null) return null;
    if (INTEGER.test(t)) {
      const n = Number(t.replace(/,/g, ''));
      if (Number.isSafeInteger(n)) return n;
    }
    if (/^-\d/.test(t)) return this.fail(name, 'negative_count', `${name} cannot be negative: "${t}"`);
    return this.fail(name, 'not_an_integer', `${name} is not a whole number: "${t}"`);
  }

  /** A plain decimal number. */
  decimal(name: string, required = false): number | null {
    const t = this.present(name, required);
    if (t === null) return null;
    if (DECIMAL.test(t)) return Number(t);
    return this.fail(name, 'not_a_number', `${name}: not a number: "${t}"`);
  }

  /** `YYYY` or `YYYY-MM` (also `YYYY年M月`, `YYYYMM`, and a first-of-month date from a spreadsheet). */
  period(name: string, required = false): ParsedPeriod | null {
    const t = this.present(name, required);
    if (t === null) return null;
    let p = this.periods.get(t);
    if (p === undefined) {
      const firstOfMonth = FIRST_OF_MONTH.exec(t);
      try {
        p = parsePeriod(firstOfMonth ? `${firstOfMonth[1]}-${firstOfMonth[2]}` : t);
      } catch {
        p = null;
      }
      this.periods.set(t, p);
    }
    return p ?? this.fail(name, 'bad_period', `${name}: not a period (expected YYYY or YYYY-MM): "${t}"`);
  }

  /** A calendar date as `YYYY-MM-DD` (also `YYYY/M/D`, `YYYY年M月D日`, `YYYYMMDD`). */
  date(name: string, required = false): string | null {
    const t = this.present(name, required);
    if (t === null) return null;
    return parseDate(t) ?? this.fail(name, 'bad_date', `${name}: not a date (expected YYYY-MM-DD): "${t}"`);
  }

  /** A coded value from a vocabulary; an unknown one reports `rule` listing the accepted codes. */
  coded<T extends string>(name: string, vocab: ReadonlyMap<string, T>, rule: string, required = false): T | null {
    const t = this.present(name, required);
    if (t === null) return null;
    return lookup(vocab, t) ?? this.fail(name, rule, `${name} "${t}" is not one of ${codesOf(vocab)}`);
  }
}
