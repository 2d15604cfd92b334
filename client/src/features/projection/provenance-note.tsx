/**
 * Where a scenario's values come from (domain.md: provenance shown wherever a value is): the fund
 * and data vintage it was calibrated on with the calibration notes, the interfaces.md example, or
 * a saved version with its preset and the version it was based on. Inputs the editor does not
 * change (policy factors, monthly profile, cohort membership) are listed as kept.
 */
import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import type { CalibrationNote, FundRow, ScenarioDraft, ScenarioVersion } from './types.ts';

export interface ProvenanceNoteProps {
  draft: ScenarioDraft;
  version?: ScenarioVersion;
  fund?: FundRow;
  notes?: readonly CalibrationNote[];
}

export function ProvenanceNote({ draft, version, fund, notes }: ProvenanceNoteProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const s = draft.scenario;
  const fundLabel = fund ? `${regionName(fund, fmt.lang)} · ${t(`common:${fundNameKey(fund.scheme, fund.account)}`)}` : draft.fundId ? `#${draft.fundId}` : undefined;
  const kept = [
    s.policy?.length ? t('provenance.policy', { count: s.policy.length }) : null,
    s.monthlyProfile ? t('provenance.monthlyProfile') : null,
    s.scheme === 'employee' && s.membership ? t('provenance.cohort') : null,
  ].filter((x): x is string => x !== null);
  const lines = notes ?? draft.notes ?? [];
  return (
    <Alert
      type="info"
      showIcon
      data-testid="provenance-note"
      title={fundLabel
        ? t('provenance.calibrated', { fund: fundLabel, vintage: draft.dataVintage ?? version?.dataVintage ?? '—' })
        : draft.origin === 'example' ? t('provenance.example') : t('provenance.manual')}
      description={(
        <Space orientation="vertical" size={2}>
          {lines.map((n) => <Typography.Text key={n.en} data-testid="calibration-note">· {fmt.lang === 'en' ? n.en : n.zh}</Typography.Text>)}
          {version && (
            <Space size={4} wrap>
              <Typography.Text type="secondary">{t('provenance.version', { version: version.version, hash: version.inputHash.slice(0, 12) })}</Typography.Text>
              {version.preset && <Tag style={{ marginInlineEnd: 0 }}>{t(`preset.${version.preset}`)}</Tag>}
              {version.basedOnId !== null && <Typography.Text type="secondary">{t('provenance.basedOn', { id: version.basedOnId })}</Typography.Text>}
              {version.note && <Typography.Text type="secondary">{t('provenance.note', { note: version.note })}</Typography.Text>}
            </Space>
          )}
          {kept.length > 0 && <Typography.Text type="secondary">{t('provenance.kept', { items: kept.join(t('listSeparator')) })}</Typography.Text>}
        </Space>
      )}
    />
  );
}
