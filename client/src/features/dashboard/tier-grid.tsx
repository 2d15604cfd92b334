/**
 * Regions × schemes coloured by tier now, in 12 and in 24 months. A region's name drills down to
 * it (its own ledger and the regions under it); a coloured cell opens the fund's detail page.
 */
import type { HTMLAttributes } from 'react';
import { Button, Flex, Table, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { TIER_COLORS, type Tier } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import { PATHS, type FromState } from '../../lib/paths.ts';
import type { GridCell, GridRow } from './types.ts';

const HORIZONS = ['now', 'in12', 'in24'] as const;
type Horizon = (typeof HORIZONS)[number];
const CELL_WIDTH = 84;
const CELL_HEIGHT = 30;

export interface TierGridProps {
  rows: readonly GridRow[];
  schemes: readonly string[];
  loading: boolean;
  onDrill: (regionId: number) => void;
}

const tierOf = (c: GridCell, h: Horizon): Tier | null => (h === 'now' ? c.tier : h === 'in12' ? c.tier12 : c.tier24);
const monthsOf = (c: GridCell, h: Horizon): number | null => (h === 'now' ? c.payableMonths : h === 'in12' ? c.months12 : c.months24);
const REGION_WIDTH = 230;

export function TierGrid({ rows, schemes, loading, onDrill }: TierGridProps) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  // with the query, so the fund page's back button returns to the same drill-down level and month
  const from: FromState = { from: location.pathname + location.search };
  const tierName = (tier: Tier | null) => (tier ? t(`common:tier.${tier}`) : t('common:tier.none'));

  const block = (row: GridRow, scheme: string, h: Horizon) => {
    const c = row.cells[scheme];
    if (!c) return <Typography.Text type="secondary">{t('grid.noFund')}</Typography.Text>;
    const tier = tierOf(c, h);
    const months = monthsOf(c, h);
    const text = months !== null ? fmt.number(months, 1) : tier ? t(`common:tier.${tier}`) : t('grid.noFund');
    const title = c.tier === null ? t('grid.unrated') : t('grid.cellTitle', {
      region: regionName(row, fmt.lang), scheme: t(`common:scheme.${scheme}`), months: fmt.months(c.payableMonths),
      tier: tierName(c.tier), tier12: tierName(c.tier12), tier24: tierName(c.tier24), months12: fmt.months(c.months12), months24: fmt.months(c.months24),
    });
    return (
      <div
        title={title}
        role="link"
        tabIndex={0}
        aria-label={`${regionName(row, fmt.lang)} ${t(`common:${fundNameKey(scheme, 'pooling')}`)} ${t(`grid.${h}`)} ${text}`}
        data-testid="grid-cell"
        data-horizon={h}
        data-tier={tier ?? 'none'}
        data-fund-id={c.fundId}
        onClick={() => void navigate(PATHS.fund(c.fundId), { state: from })}
        onKeyDown={(e) => { if (e.key === 'Enter') void navigate(PATHS.fund(c.fundId), { state: from }); }}
        style={{
          width: CELL_WIDTH, height: CELL_HEIGHT, lineHeight: `${CELL_HEIGHT}px`, borderRadius: 4, textAlign: 'center', cursor: 'pointer',
          background: tier ? TIER_COLORS[tier] : token.colorFillSecondary,
          color: tier ? token.colorTextLightSolid : token.colorTextSecondary,
          opacity: h === 'now' ? 1 : 0.85, fontSize: 14, fontWeight: h === 'now' ? 600 : 400, whiteSpace: 'nowrap', overflow: 'hidden',
        }}
      >
        {text}
      </div>
    );
  };

  const columns: TableColumnsType<GridRow> = [
    {
      title: t('grid.region'),
      key: 'region',
      fixed: 'left',
      width: REGION_WIDTH,
      render: (_, row) => (
        <Flex vertical gap={0} style={{ maxWidth: REGION_WIDTH - 16 }}>
          {row.self ? (
            <Typography.Text strong ellipsis={{ tooltip: regionName(row, fmt.lang) }}>{regionName(row, fmt.lang)}</Typography.Text>
          ) : (
            <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 15, justifyContent: 'flex-start', maxWidth: '100%' }} onClick={() => onDrill(row.regionId)} data-testid="grid-drill" title={t('grid.drill', { name: regionName(row, fmt.lang) })}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{regionName(row, fmt.lang)}</span>{row.hasChildren ? ' ›' : ''}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`common:level.${row.level}`)}{row.self ? ` · ${t('grid.own')}` : ''}
            {row.fundsBelow > 0 && <> · {t('grid.below', { count: row.fundsBelow })}{row.worstTierBelow && <span style={{ color: TIER_COLORS[row.worstTierBelow] }}> ● {t('grid.worstBelow', { tier: tierName(row.worstTierBelow) })}</span>}</>}
          </Typography.Text>
        </Flex>
      ),
    },
    ...schemes.map((scheme) => ({
      title: t(`common:scheme.${scheme}`),
      key: scheme,
      children: HORIZONS.map((h) => ({
        title: t(`grid.${h}`),
        key: `${scheme}-${h}`,
        width: CELL_WIDTH + 16,
        align: 'center' as const,
        render: (_: unknown, row: GridRow) => block(row, scheme, h),
      })),
    })),
  ];

  return (
    <Table<GridRow>
      data-testid="dashboard-grid"
      rowKey="regionId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows as GridRow[]}
      pagination={false}
      scroll={{ x: REGION_WIDTH + schemes.length * 3 * (CELL_WIDTH + 16) }}
      onRow={(row) => ({ 'data-testid': 'grid-row', 'data-region-code': row.code }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('grid.empty') }}
    />
  );
}
