/**
 * The basis of every payable-months figure on a page: the denominator formula, the tier cut
 * points, and where each value comes from (its provenance and source, domain.md). The stored tier
 * names (`tierLabel.*`, one text in one language: the national default reads '偏高 (9–15 months)')
 * are not repeated here: the tier legend names the same bands in the reader's language, with ranges.
 */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROVENANCE_TAG_COLORS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { TierLegend, type TierThresholds } from './tier-legend.tsx';

type Provenance = keyof typeof PROVENANCE_TAG_COLORS;

export interface ParameterEntryView {
  key: string;
  value: unknown;
  provenance: Provenance;
  source: string;
}

export interface ParameterNoteProps {
  denominator: string;
  thresholds: TierThresholds;
  parameterEntries: readonly ParameterEntryView[];
  parameterVersion?: number;
}

/** The citation part of a source text (before its first colon), the full text in a tooltip. */
function shortSource(source: string): string {
  const cut = source.search(/[:：]/);
  return cut > 0 ? source.slice(0, cut) : source;
}

function ProvenanceTag({ entry }: { entry: ParameterEntryView }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={entry.source}>
      <Tag color={PROVENANCE_TAG_COLORS[entry.provenance] ?? 'default'} style={{ marginInlineEnd: 0, cursor: 'help' }}>
        {t(`provenance.${entry.provenance}`, { defaultValue: entry.provenance })}
      </Tag>
    </Tooltip>
  );
}

export function ParameterNote({ denominator, thresholds, parameterEntries, parameterVersion }: ParameterNoteProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const thresholdEntries = parameterEntries.filter((e) => e.key.startsWith('thresholds.'));
  // Cut points usually share one source; show each distinct (provenance, source) once.
  const thresholdSources = [...new Map(thresholdEntries.map((e) => [`${e.provenance}|${e.source}`, e])).values()];
  const denominatorEntry = parameterEntries.find((e) => e.key === 'denominator');
  const cuts = [thresholds.redBelow, thresholds.orangeBelow, thresholds.greenUpTo, thresholds.blueUpTo]
    .map((v) => fmt.number(v, Number.isInteger(v) ? 0 : 1)).join(' / ');

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="parameter-note">
      <Typography.Text type="secondary">
        {t(`denominator.${denominator}`, { defaultValue: denominator })}
        {denominatorEntry && <> <ProvenanceTag entry={denominatorEntry} /></>}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('thresholdsNote', { cuts })}
        {thresholdSources.map((e) => (
          <span key={`${e.provenance}|${e.source}`}>
            {' '}
            <ProvenanceTag entry={e} /> {shortSource(e.source)}
          </span>
        ))}
      </Typography.Text>
      <Space size={8} wrap>
        <TierLegend thresholds={thresholds} />
        {parameterVersion !== undefined && <Typography.Text type="secondary">{t('parameterVersion', { version: parameterVersion })}</Typography.Text>}
      </Space>
    </Space>
  );
}
