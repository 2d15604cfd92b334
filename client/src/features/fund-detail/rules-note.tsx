/**
 * Where the warning rules changed within the fund's periods: each period is judged under the rules
 * in force then (the server's `rules` spans), so a tier before a change may differ from one after it.
 */
import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import type { FundDetail } from './types.ts';

type RulesSpan = FundDetail['rules'][number];

/** The version label of a span: the national version, and the regional override's when one is in force. */
function useVersionLabel(): (span: RulesSpan) => string {
  const { t } = useTranslation('fundDetail');
  return (span) => (span.override
    ? t('rules.versionWithOverride', { version: span.parameterVersion, override: span.override.version })
    : t('rules.version', { version: span.parameterVersion }));
}

/** The month the span's combination of versions took effect: the later of the national version's and the override's. */
const inForceFrom = (s: RulesSpan) => (s.override && s.override.effectiveFrom > s.nationalEffectiveFrom ? s.override.effectiveFrom : s.nationalEffectiveFrom);

/** One line per span when the rules changed within the shown periods; nothing when one set of rules covers them all. */
export function RulesNote({ rules }: { rules: FundDetail['rules'] }) {
  const { t } = useTranslation('fundDetail');
  const fmt = useFormat();
  const versionLabel = useVersionLabel();
  if (rules.length < 2) return null;
  const cuts = (s: RulesSpan) => [s.thresholds.redBelow, s.thresholds.orangeBelow, s.thresholds.greenUpTo, s.thresholds.blueUpTo]
    .map((v) => fmt.number(v, Number.isInteger(v) ? 0 : 1)).join(' / ');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="rules-note"
      title={t('rules.changed')}
      description={(
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {rules.map((s) => (
            <li key={s.from} data-testid="rules-span">
              {t('rules.span', {
                from: fmt.period(s.from), to: fmt.period(s.to), version: versionLabel(s), effectiveFrom: fmt.period(inForceFrom(s)), cuts: cuts(s),
              })}
            </li>
          ))}
        </ul>
      )}
    />
  );
}

/** The mark on the first period of a span after a change of rules (records table). */
export function RulesChangeTag({ span }: { span: RulesSpan }) {
  const { t } = useTranslation('fundDetail');
  const versionLabel = useVersionLabel();
  return (
    <Tooltip title={t('rules.changedHere')}>
      <Tag color="processing" style={{ marginInlineStart: 6, cursor: 'help' }} data-testid="rules-change-tag">{versionLabel(span)}</Tag>
    </Tooltip>
  );
}
