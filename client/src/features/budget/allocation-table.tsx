/**
 * The allocation table: one line per institution, thousands of them. The lines come filtered by
 * the panel; here they are sorted (allocation-sort.ts: typed-array indices, one sort per click)
 * and drawn by a virtualised grid (allocation-grid.tsx: only a screenful of rows in the DOM).
 * Every figure column, the code, the name and the credit rating sort (ascending, descending, back
 * to the server's order); a click or Enter on a line opens its explanation.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { nextSort, sortLines, type LineSort, type SortKey } from './allocation-sort.ts';
import { AllocationGrid, type GridColumn } from './allocation-grid.tsx';
import type { QuotaLine } from './types.ts';

/** Height of the scrolling body, px: about 14 rows on a 900 px screen. */
export const TABLE_SCROLL_Y = 560;

const STATUS_COLORS: Record<string, string> = { active: 'default', suspended: 'orange', terminated: 'red' };

/** `thresholdYuan`: the plan's collective-decision threshold, named in the tip of a pending deduction. */
function AllocationTableInner({ lines, unit, thresholdYuan, onOpen }: { lines: readonly QuotaLine[]; unit: MoneyUnit; thresholdYuan: number; onOpen: (institutionId: number) => void }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const [sort, setSort] = useState<LineSort>(null);
  const columns = useMemo((): GridColumn[] => {
    const u = fmt.unitLabel(unit);
    const money = (v: number | null) => fmt.moneyValue(v, unit);
    return [
      { key: 'code', sortKey: 'code', title: t('table.code'), width: 110, pinned: true, render: (l) => l.code },
      { key: 'name', sortKey: 'name', title: t('table.name'), width: 200, fullText: (l) => l.name, render: (l) => l.name },
      {
        key: 'quota', sortKey: 'quota', title: t('table.quota', { unit: u }), width: 130, align: 'right',
        render: (l) => <span data-testid="budget-quota-value">{l.adjusted && <EditOutlined title={t('table.adjusted')} style={{ marginInlineEnd: 4 }} />}{money(l.quotaYuan)}{l.unallocatedYuan > 0 && <Tag style={{ marginInlineStart: 4 }}>{t('table.held', { amount: money(l.unallocatedYuan) })}</Tag>}</span>,
      },
      { key: 'change', sortKey: 'change', title: t('table.change'), width: 100, align: 'right', render: (l) => fmt.percent(l.changeOnLastYear, 1) },
      { key: 'lastPaid', sortKey: 'lastPaid', title: t('table.lastPaid', { unit: u }), width: 120, align: 'right', render: (l) => money(l.lastPaidYuan) },
      { key: 'base', sortKey: 'base', title: t('table.base', { unit: u }), width: 120, align: 'right', render: (l) => money(l.baseYuan) },
      { key: 'score', sortKey: 'score', title: t('table.score'), width: 110, align: 'right', render: (l) => `${fmt.number(l.assessmentScore, 1)} · ×${fmt.number(l.assessmentFactor, 2)}` },
      { key: 'credit', sortKey: 'credit', title: t('table.credit'), width: 100, align: 'right', render: (l) => `${l.creditRating ?? '—'} · ×${fmt.number(l.creditFactor, 2)}` },
      {
        key: 'deduction', sortKey: 'deduction', title: t('table.deduction', { unit: u }), width: 120, align: 'right',
        render: (l) => (l.pendingDeductionYuan > 0
          ? <Tooltip title={t('table.pendingTip', { threshold: fmt.number(thresholdYuan, 2) })}><Tag color="orange">{money(l.pendingDeductionYuan)}?</Tag></Tooltip>
          : l.deductionYuan > 0 ? money(l.deductionYuan) : '—'),
      },
      {
        key: 'status', title: t('table.status'), width: 110,
        render: (l) => (
          <>
            {l.status !== 'active' && <Tag color={STATUS_COLORS[l.status]}>{t(`agreement.${l.status}`)}</Tag>}
            {l.source !== 'computed' && <Tag>{t(`source.${l.source}`)}</Tag>}
          </>
        ),
      },
      { key: 'type', title: t('table.type'), width: 150, render: (l) => `${t(`type.${l.type}`, { defaultValue: l.type })}${l.level ? ` ${t(`level.${l.level}`)}` : ''}` },
      { key: 'region', title: t('table.region'), width: 100, fullText: (l) => l.regionName, render: (l) => l.regionName },
    ];
  }, [t, fmt, unit, thresholdYuan]);

  // Key arrays per column live as long as the lines they were read from.
  const keyCache = useMemo(() => new Map<SortKey, Float64Array>(), [lines]);
  const sortedLines = useMemo(() => sortLines(lines, sort, keyCache), [lines, sort, keyCache]);
  const onSort = useCallback((key: SortKey) => setSort((current) => nextSort(current, key)), []);

  return (
    <AllocationGrid columns={columns} lines={sortedLines} sort={sort} onSort={onSort} onOpen={onOpen}
      label={t('table.label')} emptyText={t('table.empty')} bodyHeight={TABLE_SCROLL_Y} />
  );
}

/** Memoised: typing in the search box re-renders the table only when the filtered lines change. */
export const AllocationTable = memo(AllocationTableInner);
