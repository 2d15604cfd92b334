/** The provenance of a value (domain.md: shown wherever the value is), its source in a tooltip when asked. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROVENANCE_TAG_COLORS } from '../../lib/theme.ts';
import type { Provenance } from './types.ts';

export function ProvenanceTag({ provenance, source }: { provenance: Provenance; source?: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={PROVENANCE_TAG_COLORS[provenance]} style={{ marginInlineEnd: 0 }} data-testid="provenance-tag">
      {t(`provenance.${provenance}`)}
    </Tag>
  );
  return source ? <Tooltip title={source}>{tag}</Tooltip> : tag;
}
