/** The fund table of the overview: one row per fund at its latest (or as-of) period; a row opens the fund. */
import type { HTMLAttributes } from 'react';
import { Flex, Space, Table, Tag, Typography } from 'antd';
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
/** Sum of the column widths: below it the table scrolls sideways, the region column stays. */
const TABLE_MIN_WIDTH = 1080;

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
      width: 190,
      sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
      render: (_, r) => {
        const name = regionName(r, fmt.lang);
        return (
          <Flex align="center" gap={4} style={{ minWidth: 0 }}>
            <Link
              to={PATHS.fund(r.fundId)}
              state={from}
              title={name}
              data-testid="fund-row-link"
              data-fund-id={r.fundId}
              style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}
            >
              {name}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t(`common:level.${r.regionLevel}`)}</Typography.Text>
            {r.synthetic && <Tag style={{ marginInlineEnd: 0 }}>{t('common:synthetic')}</Tag>}
          </Flex>
        );
      },
    },
    {
      title: t('columns.scheme'),
      key: 'scheme',
      width: 140,
      sorter: (a, b) => a.scheme.localeCompare(b.scheme) || a.account.localeCompare(b.account),
      render: (_, r) => t(`common:${fundNameKey(r.scheme, r.account)}`),
    },
    {
      title: t('columns.latestPeriod'),
      dataIndex: 'latestPeriod',
      width: 104,
      sorter: (a, b) => (a.latestPeriod ?? '').localeCompare(b.latestPeriod ?? ''),
      render: (p: string | null) => fmt.period(p),
    },
    {
      title: t('columns.balance', { unit: fmt.unitLabel(balanceUnit) }),
      dataIndex: 'balanceYuan',
      align: 'right',
      width: 124,
      sorter: (a, b) => compareNullable(a.balanceYuan, b.balanceYuan),
      render: (v: number | null) => fmt.moneyValue(v, balanceUnit),
    },
    {
      title: t('columns.annualExpenditure', { unit: fmt.unitLabel(expenditureUnit) }),
      dataIndex: 'annualExpenditureYuan',
      align: 'right',
      width: 124,
      sorter: (a, b) => compareNullable(a.annualExpenditureYuan, b.annualExpenditureYuan),
      render: (v: number | null) => fmt.moneyValue(v, expenditureUnit),
    },
    {
      title: t('columns.payableMonths'),
      dataIndex: 'payableMonths',
      align: 'right',
      width: 104,
      sorter: (a, b) => compareNullable(a.payableMonths, b.payableMonths),
      render: (v: number | null) => fmt.months(v),
    },
    {
      title: t('columns.tier'),
      dataIndex: 'tier',
      width: 100,
      sorter: (a, b) => urgency(a.tier) - urgency(b.tier),
      render: (tier: OverviewRow['tier']) => <TierTag tier={tier} />,
    },
    {
      title: t('columns.flags'),
      key: 'flags',
      width: 200,
      sorter: (a, b) => a.flags.length - b.flags.length || a.consecutiveDeficits - b.consecutiveDeficits,
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <FlagTags flags={r.flags} consecutiveDeficits={r.consecutiveDeficits} />
          {r.resident && (
            <>
              <Typography.Text type={r.resident.surplusRateBreach ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {t('residentSurplusRate', { value: fmt.percent(r.resident.currentSurplusRate) })}
              </Typography.Text>
              <Typography.Text type={r.resident.accumulatedRatioBreach ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {t('residentAccumulatedRatio', { value: fmt.percent(r.resident.accumulatedSurplusRatio) })}
              </Typography.Text>
            </>
          )}
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
      scroll={{ x: TABLE_MIN_WIDTH }}
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
