/** The tier bands with their month ranges, from the thresholds in force. */
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIER_COLORS, TIERS_BY_MONTHS, type Tier } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';

export interface TierThresholds {
  redBelow: number;
  orangeBelow: number;
  greenUpTo: number;
  blueUpTo: number;
}

export function TierLegend({ thresholds }: { thresholds: TierThresholds }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const n = (v: number) => fmt.number(v, Number.isInteger(v) ? 0 : 1);
  const range: Record<Tier, string> = {
    red: t('tierRange.below', { value: n(thresholds.redBelow) }),
    orange: t('tierRange.between', { from: n(thresholds.redBelow), to: n(thresholds.orangeBelow) }),
    green: t('tierRange.between', { from: n(thresholds.orangeBelow), to: n(thresholds.greenUpTo) }),
    blue: t('tierRange.between', { from: n(thresholds.greenUpTo), to: n(thresholds.blueUpTo) }),
    purple: t('tierRange.above', { value: n(thresholds.blueUpTo) }),
  };
  return (
    <Space size={[4, 4]} wrap data-testid="tier-legend">
      {TIERS_BY_MONTHS.map((tier) => (
        <Tag key={tier} color={TIER_COLORS[tier]} variant="solid" style={{ marginInlineEnd: 0 }}>
          {t(`tier.${tier}`)} {range[tier]}
        </Tag>
      ))}
    </Space>
  );
}
