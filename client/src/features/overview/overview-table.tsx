/** The fund table of the overview: one row per fund at its latest (or as-of) period; a row opens the fund. */
import type { HTMLAttributes } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import { PATHS, type FromState } from '../../lib/paths.ts';
import { TIERS_BY_URGENCY } from '../../lib/theme.ts';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import { FlagTags } from '../../components/ui/flag-tags.tsx';
import type { OverviewRow } from './types.ts';

const PAGE_SIZE = 20;

/** Sorts nulls last whatever the direction antd applies. */
function compareNullable(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

const urgency = (tier: OverviewRow['tier']) => (tier ? TIERS_BY_URGENCY.indexOf(tier) : TIERS_BY_URGENCY.length);

export function OverviewTable({ rows, loading }: { rows: readonly OverviewRow[]; loading: boolean }) {
  const { t } = useTranslation('overview');
  const fmt = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const from: FromState = { from: location.pathname };
  const balanceUnit = pickMoneyUnit(rows.map((r) => r.balanceYuan));
  const expenditureUnit = pickMoneyUnit(rows.map((r) => r.annualExpenditureYuan));

  const columns: TableColumnsType<OverviewRow> = [
    {
      title: t('columns.region'),
      key: 'region',
      fixed: 'left',
      width: 200,
      sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={PATHS.fund(r.fundId)} state={from} data-testid="fund-row-link" data-fund-id={r.fundId}>
            {regionName(r, fmt.lang)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`common:level.${r.regionLevel}`)}</Typography.Text>
          {r.synthetic && <Tag style={{ marginInlineEnd: 0 }}>{t('common:synthetic')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('columns.scheme'),
      key: 'scheme',
      width: 170,
      sorter: (a, b) => a.scheme.localeCompare(b.scheme) || a.account.localeCompare(b.account),
      render: (_, r) => t(`common:${fundNameKey(r.scheme, r.account)}`),
    },
    {
      title: t('columns.latestPeriod'),
      dataIndex: 'latestPeriod',
      width: 120,
      sorter: (a, b) => (a.latestPeriod ?? '').localeCompare(b.latestPeriod ?? ''),
      render: (p: string | null) => fmt.period(p),
    },
    {
      title: t('columns.balance', { unit: fmt.unitLabel(balanceUnit) }),
      dataIndex: 'balanceYuan',
      align: 'right',
      width: 150,
      sorter: (a, b) => compareNullable(a.balanceYuan, b.balanceYuan),
      render: (v: number | null) => fmt.moneyValue(v, balanceUnit),
    },
    {
      title: t('columns.annualExpenditure', { unit: fmt.unitLabel(expenditureUnit) }),
      dataIndex: 'annualExpenditureYuan',
      align: 'right',
      width: 150,
      sorter: (a, b) => compareNullable(a.annualExpenditureYuan, b.annualExpenditureYuan),
      render: (v: number | null) => fmt.moneyValue(v, expenditureUnit),
    },
    {
      title: t('columns.payableMonths'),
      dataIndex: 'payableMonths',
      align: 'right',
      width: 120,
      sorter: (a, b) => compareNullable(a.payableMonths, b.payableMonths),
      render: (v: number | null) => fmt.months(v),
    },
    {
      title: t('columns.tier'),
      dataIndex: 'tier',
      width: 110,
      sorter: (a, b) => urgency(a.tier) - urgency(b.tier),
      render: (tier: OverviewRow['tier']) => <TierTag tier={tier} />,
    },
    {
      title: t('columns.flags'),
      key: 'flags',
      width: 200,
      sorter: (a, b) => a.flags.length - b.flags.length || a.consecutiveDeficits - b.consecutiveDeficits,
      render: (_, r) => <FlagTags flags={r.flags} consecutiveDeficits={r.consecutiveDeficits} />,
    },
    {
      title: t('columns.resident'),
      key: 'resident',
      width: 200,
      render: (_, r) => r.resident && (
        <Space orientation="vertical" size={0}>
          <Typography.Text type={r.resident.surplusRateBreach ? 'danger' : undefined} style={{ fontSize: 12 }}>
            {t('residentSurplusRate', { value: fmt.percent(r.resident.currentSurplusRate) })}
          </Typography.Text>
          <Typography.Text type={r.resident.accumulatedRatioBreach ? 'danger' : undefined} style={{ fontSize: 12 }}>
            {t('residentAccumulatedRatio', { value: fmt.percent(r.resident.accumulatedSurplusRatio) })}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <Table<OverviewRow>
      data-testid="overview-table"
      rowKey="fundId"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={rows as OverviewRow[]}
      scroll={{ x: 1400 }}
      pagination={{ defaultPageSize: PAGE_SIZE, showSizeChanger: true, showTotal: (total) => t('total', { count: total }) }}
      onRow={(r) => ({
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('a')) return;
          void navigate(PATHS.fund(r.fundId), { state: from });
        },
        style: { cursor: 'pointer' },
        'data-testid': 'overview-row',
      }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('empty') }}
    />
  );
}
