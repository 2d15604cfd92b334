/**
 * The allocation table: one line per institution, thousands of them, virtualised (antd `virtual`
 * with a fixed scroll height, so only the visible rows are in the DOM); every column sorts; a
 * click opens the explanation drawer.
 */
import { memo, useMemo, type HTMLAttributes } from 'react';
import { Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { compareNullable } from './allocation-rows.ts';
import { ADJUSTED_ROW_BACKGROUND } from './budget-colors.ts';
import type { QuotaLine } from './types.ts';

/** Height of the scrolling body, px: about 14 rows on a 900 px screen. */
export const TABLE_SCROLL_Y = 560;
const TABLE_WIDTH = 1440;

const STATUS_COLORS: Record<string, string> = { active: 'default', suspended: 'orange', terminated: 'red' };

function AllocationTableInner({ lines, unit, onOpen }: { lines: readonly QuotaLine[]; unit: MoneyUnit; onOpen: (institutionId: number) => void }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const u = fmt.unitLabel(unit);
  const money = (v: number | null) => fmt.moneyValue(v, unit);
  const columns = useMemo((): TableColumnsType<QuotaLine> => [
    { title: t('table.code'), dataIndex: 'code', width: 110, fixed: 'left', sorter: (a, b) => a.code.localeCompare(b.code) },
    { title: t('table.name'), dataIndex: 'name', width: 200, ellipsis: true, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      title: t('table.quota', { unit: u }), dataIndex: 'quotaYuan', width: 130, align: 'right', sorter: (a, b) => a.quotaYuan - b.quotaYuan,
      render: (v: number, l) => <span data-testid="budget-quota-value">{l.adjusted && <EditOutlined title={t('table.adjusted')} style={{ marginInlineEnd: 4 }} />}{money(v)}{l.unallocatedYuan > 0 && <Tag style={{ marginInlineStart: 4 }}>{t('table.held', { amount: money(l.unallocatedYuan) })}</Tag>}</span>,
    },
    {
      title: t('table.change'), dataIndex: 'changeOnLastYear', width: 100, align: 'right', sorter: (a, b) => compareNullable(a.changeOnLastYear, b.changeOnLastYear),
      render: (v: number | null) => fmt.percent(v, 1),
    },
    { title: t('table.lastPaid', { unit: u }), dataIndex: 'lastPaidYuan', width: 120, align: 'right', sorter: (a, b) => compareNullable(a.lastPaidYuan, b.lastPaidYuan), render: money },
    { title: t('table.base', { unit: u }), dataIndex: 'baseYuan', width: 120, align: 'right', sorter: (a, b) => compareNullable(a.baseYuan, b.baseYuan), render: money },
    {
      title: t('table.score'), key: 'score', width: 110, align: 'right', sorter: (a, b) => compareNullable(a.assessmentScore, b.assessmentScore),
      render: (_, l) => `${fmt.number(l.assessmentScore, 1)} · ×${fmt.number(l.assessmentFactor, 2)}`,
    },
    {
      title: t('table.credit'), key: 'credit', width: 100, align: 'right', sorter: (a, b) => (a.creditRating ?? 'Z').localeCompare(b.creditRating ?? 'Z'),
      render: (_, l) => `${l.creditRating ?? '—'} · ×${fmt.number(l.creditFactor, 2)}`,
    },
    {
      title: t('table.deduction', { unit: u }), key: 'deduction', width: 120, align: 'right', sorter: (a, b) => a.deductionYuan + a.pendingDeductionYuan - b.deductionYuan - b.pendingDeductionYuan,
      render: (_, l) => (l.pendingDeductionYuan > 0
        ? <Tooltip title={t('table.pendingTip')}><Tag color="orange">{money(l.pendingDeductionYuan)}?</Tag></Tooltip>
        : l.deductionYuan > 0 ? money(l.deductionYuan) : '—'),
    },
    {
      title: t('table.status'), key: 'status', width: 110,
      render: (_, l) => (
        <>
          {l.status !== 'active' && <Tag color={STATUS_COLORS[l.status]}>{t(`agreement.${l.status}`)}</Tag>}
          {l.source !== 'computed' && <Tag>{t(`source.${l.source}`)}</Tag>}
        </>
      ),
    },
    { title: t('table.type'), key: 'type', width: 150, render: (_, l) => `${t(`type.${l.type}`, { defaultValue: l.type })}${l.level ? ` ${t(`level.${l.level}`)}` : ''}` },
    { title: t('table.region'), dataIndex: 'regionName', width: 100, ellipsis: true },
  ], [t, fmt, u]);
  return (
    <Table<QuotaLine>
      virtual
      data-testid="budget-allocation-table"
      rowKey="institutionId"
      size="small"
      columns={columns}
      dataSource={lines as QuotaLine[]}
      pagination={false}
      scroll={{ x: TABLE_WIDTH, y: TABLE_SCROLL_Y }}
      onRow={(l) => ({
        onClick: () => onOpen(l.institutionId),
        style: { cursor: 'pointer', ...(l.adjusted ? { background: ADJUSTED_ROW_BACKGROUND } : {}) },
        'data-testid': 'budget-quota-row',
        'data-code': l.code,
      }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('table.empty') }}
    />
  );
}

/** Memoised: typing in the search box re-renders the table only when the filtered lines change. */
export const AllocationTable = memo(AllocationTableInner);
