/** Every period of one fund with its indicators, newest first; the first period under changed rules is marked. */
import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import { FlagTags } from '../../components/ui/flag-tags.tsx';
import { RulesChangeTag } from './rules-note.tsx';
import type { FundDetail, FundRecord } from './types.ts';

const PAGE_SIZE = 12;

export function RecordsTable({ records, rules }: { records: readonly FundRecord[]; rules: FundDetail['rules'] }) {
  const { t } = useTranslation('fundDetail');
  // the spans after the first begin where the rules changed
  const changedAt = new Map(rules.slice(1).map((span) => [span.from, span]));
  const fmt = useFormat();
  const flowUnit = pickMoneyUnit(records.flatMap((r) => [r.incomeYuan, r.expenditureYuan]));
  const balanceUnit = pickMoneyUnit(records.map((r) => r.balanceYuan));
  const rows = [...records].reverse();

  const columns: TableColumnsType<FundRecord> = [
    {
      title: t('columns.period'),
      dataIndex: 'period',
      width: changedAt.size > 0 ? 240 : 110,
      render: (p: string) => {
        const span = changedAt.get(p);
        return <>{fmt.period(p)}{span && <RulesChangeTag span={span} />}</>;
      },
    },
    {
      title: t('columns.income', { unit: fmt.unitLabel(flowUnit) }),
      dataIndex: 'incomeYuan',
      align: 'right',
      render: (v: number) => fmt.moneyValue(v, flowUnit),
    },
    {
      title: t('columns.expenditure', { unit: fmt.unitLabel(flowUnit) }),
      dataIndex: 'expenditureYuan',
      align: 'right',
      render: (v: number) => fmt.moneyValue(v, flowUnit),
    },
    {
      title: t('columns.balance', { unit: fmt.unitLabel(balanceUnit) }),
      dataIndex: 'balanceYuan',
      align: 'right',
      render: (v: number, r) => (
        <>
          {fmt.moneyValue(v, balanceUnit)}
          {r.adjustmentYuan !== 0 && (
            <Tooltip title={t('adjustment', { amount: fmt.money(r.adjustmentYuan, 'yuan'), reason: r.adjustmentReason ?? '' })}>
              <Typography.Text type="warning" style={{ marginInlineStart: 4, cursor: 'help' }}>*</Typography.Text>
            </Tooltip>
          )}
        </>
      ),
    },
    { title: t('columns.payableMonths'), dataIndex: 'payableMonths', align: 'right', render: (v: number | null) => fmt.months(v) },
    { title: t('columns.tier'), dataIndex: 'tier', render: (tier: FundRecord['tier']) => <TierTag tier={tier} /> },
    { title: t('columns.flags'), key: 'flags', render: (_, r) => <FlagTags flags={r.flags} /> },
    { title: t('columns.vintage'), dataIndex: 'vintage', width: 110, render: (v: string) => v },
  ];

  return (
    <Table<FundRecord>
      data-testid="records-table"
      rowKey="period"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 960 }}
      pagination={{ defaultPageSize: PAGE_SIZE, showSizeChanger: true, pageSizeOptions: [12, 24, 60, 120] }}
    />
  );
}
