/**
 * Walks one fund's series in period order, merging the file's rows with the stored records
 * (a file row replaces the stored record of its period), and checks what needs neighbours:
 * - missing_month / missing_year: a gap next to a file row (gaps between two stored records were
 *   there before and are not this file's fault);
 * - roll_forward: a file row against its predecessor (file or stored), and a stored record
 *   against a file row that revises its predecessor;
 * - parts_do_not_sum; then classifies each row as insert / update / unchanged.
 * One pass, O(file rows + stored records) per fund.
 */
import { ChangeList, diffFields } from '../change-list.ts';
import { PERIOD_MONTH } from './parse-rows.ts';
import { fileFlows, partsProblems, rollForwardProblem, storedFlows, type Flows } from './record-values.ts';
import { classifyRecord, recordView, storedView } from './record-diff.ts';
import { periodText, type SeriesContext } from './series-order.ts';
import { S_ID, S_PERIOD, S_PERIOD_INDEX, storedNumber, type StoredRecord } from './stored.ts';
import { F_BALANCE } from './columns.ts';

export const ACTION_NONE = 0;
export const ACTION_INSERT = 1;
export const ACTION_UPDATE = 2;

export interface WalkOutput {
  changes: ChangeList;
  /** Per row: ACTION_NONE, ACTION_INSERT or ACTION_UPDATE. */
  action: Uint8Array;
  /** Per updated row: id of the stored record. */
  storedId: Float64Array;
  vintage: string;
  /** Whether the file has an adjustment_reason column. */
  hasReason: boolean;
}

interface Point {
  index: number;
  /** Row index in the batch, or −1 for a stored record the file does not touch. */
  row: number;
  flows: Flows | null;
  text: string;
  /** A file row that inserts a period or revises its balance (stored successors are then rechecked). */
  newBalance: boolean;
}

export function walkSeries(ctx: SeriesContext, out: WalkOutput, fund: { key: string; kind: number }, rows: readonly number[], stored: readonly StoredRecord[]): void {
  const { batch, issues } = ctx;
  const missingRule = fund.kind === PERIOD_MONTH ? 'missing_month' : 'missing_year';
  const gapMessage = (cur: Point, prev: Point) => {
    const from = periodText(fund.kind, prev.index + 1);
    const to = periodText(fund.kind, cur.index - 1);
    const span = from === to ? from : `${from} to ${to}`;
    return `period ${cur.text} of ${fund.key} follows ${prev.text}${prev.row < 0 ? ' (stored)' : ''} with no data for ${span}`;
  };
  let prev: Point | null = null;
  let p = 0;
  let q = 0;
  while (p < rows.length || q < stored.length) {
    const i = rows[p];
    const fileIndex = i === undefined ? Infinity : (batch.periodIndex[i] as number);
    const s = stored[q];
    const storedIndex = s === undefined ? Infinity : (s[S_PERIOD_INDEX] as number);
    if (s !== undefined && storedIndex < fileIndex) {
      q++;
      const cur: Point = { index: storedIndex, row: -1, flows: storedFlows(s), text: s[S_PERIOD] as string, newBalance: false };
      if (prev && prev.newBalance) {
        const rowNumber = batch.rowNumbers[prev.row] ?? null;
        if (cur.index > prev.index + 1) {
          issues.error(rowNumber, ctx.label('period'), missingRule, `${gapMessage(cur, prev)}; the next stored period is ${cur.text}`);
        } else if (prev.flows && cur.flows) {
          const problem = rollForwardProblem(prev.flows.balance, cur.flows);
          if (problem) issues.error(rowNumber, ctx.label('balance'), 'roll_forward', `the stored ${cur.text} no longer rolls forward from this row: ${problem}`);
        }
      }
      prev = cur;
      continue;
    }
    if (i === undefined) break;
    p++;
    const replaced = storedIndex === fileIndex ? s : undefined;
    if (replaced) q++;
    const rowNumber = batch.rowNumbers[i] ?? null;
    const flows = fileFlows(batch, i, replaced);
    const newBalance = flows !== null && (!replaced || storedNumber(replaced, F_BALANCE) !== flows.balance);
    const cur: Point = { index: fileIndex, row: i, flows, text: periodText(fund.kind, fileIndex), newBalance };
    if (prev && cur.index > prev.index + 1) {
      issues.error(rowNumber, ctx.label('period'), missingRule, gapMessage(cur, prev));
    } else if (prev && prev.flows && cur.flows) {
      const problem = rollForwardProblem(prev.flows.balance, cur.flows);
      const source = prev.row < 0 ? `; the previous balance is the stored ${prev.text}` : '';
      if (problem) issues.error(rowNumber, ctx.label('balance'), 'roll_forward', problem + source);
    }
    if (!batch.failed[i]) {
      for (const problem of partsProblems(batch, i, replaced) ?? []) issues.error(rowNumber, ctx.label(problem.column), 'parts_do_not_sum', problem.message);
    }
    record(ctx, out, fund.key, cur.text, i, replaced);
    prev = cur;
  }
}

function record(ctx: SeriesContext, out: WalkOutput, fundKey: string, period: string, i: number, replaced: StoredRecord | undefined): void {
  const action = classifyRecord(ctx.batch, i, replaced, out.hasReason);
  if (action === 'insert') out.action[i] = ACTION_INSERT;
  if (action === 'update' && replaced) {
    out.action[i] = ACTION_UPDATE;
    out.storedId[i] = replaced[S_ID] as number;
  }
  if (!out.changes.wantsDetail) return out.changes.add(action, '');
  out.changes.add(action, `${fundKey}/${period}`, () => {
    if (action === 'insert') return { after: recordView(ctx.batch, i, out.vintage) };
    if (action === 'update' && replaced) return diffFields(storedView(ctx.batch, replaced), recordView(ctx.batch, i, out.vintage));
    return {};
  });
}
