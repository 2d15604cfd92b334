/** The tier names (common namespace) for chart bands. */
import { useTranslation } from 'react-i18next';
import { TIERS_BY_MONTHS, type Tier } from '../../lib/theme.ts';

export function useTierLabels(): Record<Tier, string> {
  const { t } = useTranslation();
  return Object.fromEntries(TIERS_BY_MONTHS.map((tier) => [tier, t(`tier.${tier}`)])) as Record<Tier, string>;
}
