/** Funds per tier now, in 12 and in 24 months: one stacked bar each, segment widths by count, colours of the tiers. */
import { Flex, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIER_COLORS, TIERS_BY_MONTHS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import type { DashboardSummary } from './types.ts';

type Counts = DashboardSummary['kpis']['tiers']['now'];
const BAR_HEIGHT = 18;

export function TierBars({ counts }: { counts: DashboardSummary['kpis']['tiers'] }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const { token } = theme.useToken();
  const row = (key: 'now' | 'in12' | 'in24', c: Counts) => {
    const total = TIERS_BY_MONTHS.reduce((s, tier) => s + c[tier], 0) + c.none;
    return (
      <div key={key} style={{ display: 'contents' }} data-testid={`tier-bar-${key}`}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t(`kpi.${key}`)}</Typography.Text>
        <Flex style={{ height: BAR_HEIGHT, borderRadius: 4, overflow: 'hidden', background: token.colorFillSecondary }}>
          {TIERS_BY_MONTHS.filter((tier) => c[tier] > 0).map((tier) => (
            <Tooltip key={tier} title={`${t(`common:tier.${tier}`)} ${fmt.count(c[tier])} ${t('kpi.fundsSuffix')}`}>
              <div
                data-tier={tier}
                style={{
                  flex: c[tier] / Math.max(1, total), background: TIER_COLORS[tier], color: token.colorTextLightSolid,
                  fontSize: 12, lineHeight: `${BAR_HEIGHT}px`, textAlign: 'center', overflow: 'hidden', whiteSpace: 'nowrap',
                }}
              >
                {fmt.count(c[tier])}
              </div>
            </Tooltip>
          ))}
        </Flex>
      </div>
    );
  };
  // label column as wide as the longest label, bars aligned after it
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', alignItems: 'center', columnGap: 8, rowGap: 10, paddingTop: 6 }}>
      {row('now', counts.now)}
      {row('in12', counts.in12)}
      {row('in24', counts.in24)}
    </div>
  );
}
