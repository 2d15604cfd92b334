/** KPI strip: funds per tier as coloured counts (click to filter), and the employee pooling balance in 亿元. */
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIER_COLORS, TIERS_BY_URGENCY, type Tier } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import type { BalanceTotal } from './overview-stats.ts';

export interface TierKpisProps {
  counts: Record<Tier | 'none', number>;
  balance: BalanceTotal;
  selectedTier: string | undefined;
  onSelectTier: (tier: Tier | undefined) => void;
}

export function TierKpis({ counts, balance, selectedTier, onSelectTier }: TierKpisProps) {
  const { t } = useTranslation('overview');
  const fmt = useFormat();
  return (
    <Row gutter={[12, 12]} data-testid="overview-kpis">
      {TIERS_BY_URGENCY.map((tier) => {
        const active = selectedTier === tier;
        return (
          <Col key={tier} xs={12} sm={8} lg={4}>
            <Card
              size="small"
              hoverable
              onClick={() => onSelectTier(active ? undefined : tier)}
              data-testid={`kpi-tier-${tier}`}
              style={{ height: '100%', borderTop: `3px solid ${TIER_COLORS[tier]}`, outline: active ? `2px solid ${TIER_COLORS[tier]}` : undefined }}
            >
              <Statistic
                title={t(`common:tier.${tier}`)}
                value={counts[tier]}
                formatter={(v) => fmt.count(Number(v))}
                suffix={<Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('kpi.fundsSuffix')}</Typography.Text>}
                styles={{ content: { color: TIER_COLORS[tier] } }}
              />
            </Card>
          </Col>
        );
      })}
      <Col xs={24} sm={16} lg={4}>
        <Card size="small" data-testid="kpi-employee-balance" style={{ height: '100%' }}>
          <Tooltip title={t('kpi.employeeBalanceHint', { funds: fmt.count(balance.funds), nested: fmt.count(balance.nested) })}>
            <Statistic
              title={t('kpi.employeeBalance')}
              value={fmt.moneyValue(balance.yuan, 'yi')}
              suffix={<Typography.Text type="secondary" style={{ fontSize: 14 }}>{fmt.unitLabel('yi')}</Typography.Text>}
            />
          </Tooltip>
        </Card>
      </Col>
    </Row>
  );
}
