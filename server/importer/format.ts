/** Number formatting for issue messages: exact yuan with a true minus sign, e.g. `−50.00`. */
import { fenToYuan, formatFenAsYuan } from '../../models/core/money.ts';

export function yuanText(fen: number): string {
  return formatFenAsYuan(fen).replace(/^-/, '−');
}

/** Fen to a JSON yuan number for change lists (interfaces.md: amounts are yuan in JSON). */
export function yuanOrNull(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined || Number.isNaN(fen) ? null : fenToYuan(fen);
}
