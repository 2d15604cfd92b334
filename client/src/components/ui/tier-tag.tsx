/** A warning tier as a coloured tag (colours from the theme module). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIER_COLORS, type Tier } from '../../lib/theme.ts';

export function TierTag({ tier }: { tier: Tier | null | undefined }) {
  const { t } = useTranslation();
  if (!tier) return <Tag>{t('tier.none')}</Tag>;
  return (
    <Tag color={TIER_COLORS[tier]} variant="solid" data-tier={tier} style={{ marginInlineEnd: 0 }}>
      {t(`tier.${tier}`)}
    </Tag>
  );
}
