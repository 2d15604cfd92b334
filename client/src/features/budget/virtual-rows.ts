/**
 * Virtualisation of the allocation table's body: rows of one fixed height, so the rows on screen
 * follow from the scroll offset by one division, with no measuring. Only those rows (and an
 * overscan band either side) are in the DOM.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';
import { flushSync } from 'react-dom';

/** Rows drawn beyond each edge of the viewport: 12 rows ≈ 470 px, so even the frame that shows a brisk wheel step (≈ 400 px) before its scroll event has rows there. */
export const OVERSCAN_ROWS = 12;

/** Half-open range `[start, end)` of row indices to draw. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The rows to draw for a scroll offset: the first row under the top edge of the viewport less the
 * overscan, to the last row over its bottom edge plus the overscan, clamped to `[0, count)`.
 * `scrollTop` past the end (a list that just shrank) is clamped too.
 * @example visibleRange(400, 560, 40, 10_000, 2) // => { start: 8, end: 26 }
 */
export function visibleRange(scrollTop: number, viewportPx: number, rowPx: number, count: number, overscan: number): RowRange {
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowPx), Math.max(0, count - 1));
  const last = Math.ceil((Math.max(0, scrollTop) + viewportPx) / rowPx);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/**
 * Follows the scroll offset of `scrollRef`'s element and returns the rows to draw. The scroll
 * handler renders synchronously (`flushSync`), so the new rows are in the frame that shows the new
 * offset; a state change happens only when the first visible row changes. Whenever `resetKey`
 * changes (the table's sort), the body goes back to its top.
 */
export function useVirtualRows(scrollRef: RefObject<HTMLElement | null>, count: number, rowPx: number, viewportPx: number, resetKey: unknown): RowRange & { onScroll: (e: UIEvent<HTMLElement>) => void } {
  const [firstRow, setFirstRow] = useState(0);
  const current = useRef(0);
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => {
    const row = Math.floor(e.currentTarget.scrollTop / rowPx);
    if (row === current.current) return;
    current.current = row;
    flushSync(() => setFirstRow(row));
  }, [rowPx]);
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    current.current = 0;
    setFirstRow(0);
  }, [scrollRef, resetKey]);
  const range = visibleRange(firstRow * rowPx, viewportPx, rowPx, count, OVERSCAN_ROWS);
  return { ...range, onScroll };
}
