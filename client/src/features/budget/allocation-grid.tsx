/**
 * The allocation table's grid: a sticky header of sort buttons over a virtualised body of
 * fixed-height rows (virtual-rows.ts), with the ARIA table roles a screen reader needs when only a
 * screenful of 10,000 rows is in the DOM (`aria-rowcount`, `aria-rowindex`, `aria-sort`). It
 * replaces antd's virtual Table, which re-processed every line on each sort click and drew its
 * rows a frame after the scroll (issue 6). Nothing here sorts: it draws `lines` in the order given
 * and goes back to the top when `sort` changes (as antd did); new lines (a search, a saved
 * adjustment) keep the scroll offset, clamped to the rows there are.
 */
import { memo, useContext, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type Ref, type UIEvent } from 'react';
import { ConfigProvider, Empty, theme, Tooltip } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { LineSort, SortKey, SortOrder } from './allocation-sort.ts';
import { allocationGridCss, GRID_CLASS as C, ROW_HEIGHT } from './allocation-grid-style.ts';
import { useVirtualRows } from './virtual-rows.ts';
import type { QuotaLine } from './types.ts';

/** One column of the grid. */
export interface GridColumn {
  readonly key: string;
  readonly title: string;
  /** Least width, px; wider screens share the spare width in proportion. */
  readonly width: number;
  readonly align?: 'right';
  /** Set when a click on the header sorts by this column. */
  readonly sortKey?: SortKey;
  /** Stays at the left edge while the body scrolls sideways. */
  readonly pinned?: boolean;
  /** The full text, shown on hover, of a cell that may be cut short. */
  readonly fullText?: (l: QuotaLine) => string;
  readonly render: (l: QuotaLine) => ReactNode;
}

interface AllocationGridProps {
  columns: readonly GridColumn[];
  lines: readonly QuotaLine[];
  sort: LineSort;
  onSort: (key: SortKey) => void;
  onOpen: (institutionId: number) => void;
  /** The table's accessible name. */
  label: string;
  emptyText: string;
  /** Height of the scrolling body under the header, px. */
  bodyHeight: number;
}

const ARIA_SORT: Readonly<Record<SortOrder, 'ascending' | 'descending'>> = { ascend: 'ascending', descend: 'descending' };
/** A first guess of the header's height before it is measured: one line of title. */
const HEADER_GUESS_PX = 39;

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

function SortCarets({ order }: { order: SortOrder | undefined }) {
  return (
    <span className={C.carets} aria-hidden="true">
      <CaretUpOutlined className={cx(order === 'ascend' && C.active)} />
      <CaretDownOutlined className={cx(order === 'descend' && C.active)} />
    </span>
  );
}

/** The grid's stylesheet for the current theme (React hoists it into the document head once). */
const GridStyle = memo(function GridStyle() {
  const { token } = theme.useToken();
  const css = useMemo(() => allocationGridCss(token), [token]);
  return <style href="fundrisk-allocation-grid" precedence="default">{css}</style>;
});

interface HeaderProps {
  ref: Ref<HTMLDivElement>;
  columns: readonly GridColumn[];
  sort: LineSort;
  onSort: (key: SortKey) => void;
}

/** The header row: a sort button in each sortable column; memoised, so scrolling never redraws it. */
const GridHeader = memo(function GridHeader({ ref, columns, sort, onSort }: HeaderProps) {
  const tableLocale = useContext(ConfigProvider.ConfigContext).locale?.Table;
  // what the next click does, as antd's sortable headers say it
  const tip = (key: SortKey) => {
    if (sort?.key !== key) return tableLocale?.triggerAsc;
    return sort.order === 'ascend' ? tableLocale?.triggerDesc : tableLocale?.cancelSort;
  };
  return (
    <div ref={ref} role="rowgroup" className={C.head}>
      <div role="row" aria-rowindex={1} className={C.row}>
        {columns.map((c) => {
          const order = c.sortKey !== undefined && sort?.key === c.sortKey ? sort.order : undefined;
          return (
            <div key={c.key} role="columnheader" aria-sort={order && ARIA_SORT[order]}
              className={cx(C.headerCell, c.align === 'right' && C.right, c.pinned && C.pinned, order && C.sorted)}>
              {c.sortKey === undefined ? c.title : (
                <Tooltip title={tip(c.sortKey)} mouseEnterDelay={0.5}>
                  <button type="button" className={C.sorter} onClick={() => onSort(c.sortKey as SortKey)}>
                    <span>{c.title}</span>
                    <SortCarets order={order} />
                  </button>
                </Tooltip>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});

interface RowProps {
  line: QuotaLine;
  index: number;
  columns: readonly GridColumn[];
  sortKey: SortKey | undefined;
  onOpen: (institutionId: number) => void;
}

/** One body row; memoised, so a scroll step draws only the rows that came into view. */
const GridRow = memo(function GridRow({ line, index, columns, sortKey, onOpen }: RowProps) {
  const open = () => onOpen(line.institutionId);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    open();
  };
  return (
    <div role="row" aria-rowindex={index + 2} tabIndex={0} className={cx(C.row, line.adjusted && C.adjusted)}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }} data-testid="budget-quota-row" data-code={line.code}
      onClick={open} onKeyDown={onKeyDown}>
      {columns.map((c) => (
        <div key={c.key} role="cell" title={c.fullText?.(line)}
          className={cx(C.cell, c.align === 'right' && C.right, c.pinned && C.pinned, c.sortKey !== undefined && c.sortKey === sortKey && C.sorted)}>
          {c.render(line)}
        </div>
      ))}
    </div>
  );
});

function AllocationGridInner({ columns, lines, sort, onSort, onOpen, label, emptyText, bodyHeight }: AllocationGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [headerPx, setHeaderPx] = useState(HEADER_GUESS_PX);
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const observer = new ResizeObserver(() => setHeaderPx(head.offsetHeight));
    observer.observe(head);
    setHeaderPx(head.offsetHeight);
    return () => observer.disconnect();
  }, []);
  const { start, end, onScroll } = useVirtualRows(scrollRef, lines.length, ROW_HEIGHT, bodyHeight, sort);
  const handleScroll = (e: UIEvent<HTMLDivElement>) => {
    // the pinned column casts its shadow once the body has moved sideways (an attribute React does not own)
    e.currentTarget.dataset.scrolledX = String(e.currentTarget.scrollLeft > 0);
    onScroll(e);
  };

  const layout = useMemo((): CSSProperties => ({
    '--fr-alloc-cols': columns.map((c) => `minmax(${c.width}px, ${c.width}fr)`).join(' '),
    '--fr-alloc-width': `${columns.reduce((w, c) => w + c.width, 0)}px`,
  }) as CSSProperties, [columns]);

  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i] as QuotaLine;
    rows.push(<GridRow key={line.institutionId} line={line} index={i} columns={columns} sortKey={sort?.key} onOpen={onOpen} />);
  }

  return (
    <div className={C.root} style={layout} role="table" aria-label={label} aria-rowcount={lines.length + 1} data-testid="budget-allocation-table">
      <GridStyle />
      <div ref={scrollRef} className={C.scroll} style={{ maxHeight: headerPx + bodyHeight }} onScroll={handleScroll} data-testid="budget-allocation-scroll">
        <GridHeader ref={headRef} columns={columns} sort={sort} onSort={onSort} />
        <div role="rowgroup" className={C.body} style={{ height: lines.length * ROW_HEIGHT }}>
          {rows}
        </div>
        {lines.length === 0 && <div className={C.empty}><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /></div>}
      </div>
    </div>
  );
}

export const AllocationGrid = memo(AllocationGridInner);
